import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong run --inbox DIR --store DIR [--quiet] [--program F] [--lang vi|en]`: the cron
/// job of SPEC §7.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "File every new submission of the inbox in the store, record it and rebuild the plans (the cron job).",
    discussion: """
      A file is new when the ledger has no file with the same content (SHA-256): a renamed copy \
      is not new, an edited file is a new version. The inbox is only read: its regular files, \
      not hidden files, subfolders or symbolic links (each is named as skipped); a file \
      modified in the last 10 seconds, or changing while read, waits for the next run; a file \
      over 50 MiB is rejected unread (file.unreadable). Each new file is copied to \
      STORE/accepted/YEAR/DISTRICT/ or STORE/rejected/…, with its report in Vietnamese beside \
      it, recorded in STORE/ledger.sqlite, and the plans of the years that changed are \
      rewritten in STORE/plans/YEAR/. A file that cannot be filed is reported and the others \
      are still filed. Exit status: 0 when no new file is rejected, 1 when at least one is, 2 \
      for a usage, configuration or I/O error, 75 when another run holds the store's lock.
      """)

  @OptionGroup var programme: ProgrammeOptions
  @OptionGroup var language: LanguageOptions
  @Option(help: "The folder districts' files arrive in (only read).")
  var inbox: String
  @Option(help: "The store folder: ledger, filed submissions, plans (created if missing).")
  var store: String
  @Flag(help: "Print nothing unless something needs a person (errors go to stderr).")
  var quiet = false

  func run() throws {
    let (programme, programmeText) = try programme.loadWithText()
    let summary: IntakeSummary
    do {
      summary = try Intake.run(
        inbox: inbox, store: store, programme: programme,
        language: language.language,
        judgementKey: ProgramVersion.judgementKey(programmeText: programmeText))
    } catch {
      printError(error.description)
      switch error {
      case .storeLocked: throw ExitCode(ExitStatus.storeLocked.rawValue)
      case .programmeInvalid, .ledger, .io: throw ExitCode(ExitStatus.usage.rawValue)
      }
    }
    if quiet {
      // Errors, and the one costly thing a person should know of: files validated again.
      for notice in summary.notices where notice.isError || notice.isRevalidation {
        printError(IntakeSummary.text(notice, language: language.language))
      }
    } else {
      printOut(summary.text(programme: programme, language: language.language))
    }
    if summary.hasErrors { throw ExitCode(ExitStatus.usage.rawValue) }
    if summary.hasRejected { throw ExitCode(ExitStatus.rejected.rawValue) }
  }
}
