import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong consolidate --year N --out DIR [--program F] FILE...` (SPEC §5, §6).
///
/// Files of earlier plan years among the inputs feed the five-year progress; files of later
/// years are validated and listed but not merged.
struct ConsolidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "consolidate",
    abstract: "Validate district submissions and write the consolidated provincial plan of a year.",
    discussion: """
      Writes plan-N.xml (XML Spreadsheet 2003), plan-N.csv (UTF-8 with BOM), plan-N.json and \
      plan-N.html into DIR. One accepted submission per district goes in: the latest on-time \
      version. Rejected and missing districts are listed with their reasons. Exit status: 0 when \
      every file is accepted, 1 when at least one is rejected, 2 for a usage or I/O error.
      """)

  @OptionGroup var programme: ProgrammeOptions
  @OptionGroup var language: LanguageOptions
  @Option(help: "The plan year to consolidate.")
  var year: Int
  @Option(help: "The folder to write plan-N.* into (created if missing).")
  var out: String
  @Argument(help: "Submission files, of this year and of earlier years of the programme.")
  var files: [String]

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one FILE to consolidate") }
  }

  func run() throws {
    let programme = try programme.load()
    let planYear = PlanYear(rawValue: year)
    guard programme.covers(planYear) else {
      printError(
        "--year \(year) is outside the programme period \(programme.firstYear)–\(programme.lastYear)")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    try InputFiles.check(files)
    // Each file keeps only what the merge of this year reads of it (PlanMerger.trimmed): the
    // lines of the plan year, the quantities of earlier years. Files are validated on every
    // core, against the programme's tables built once, their results kept in the order given;
    // each file is pipelined (read beside its checks) only when there are fewer files than cores.
    let files = self.files
    let lookups = ProgrammeLookups(programme)
    let pipelined = files.count < ProcessInfo.processInfo.activeProcessorCount
    let results = concurrentMap(files.count) { index in
      PlanMerger.trimmed(
        SubmissionFile.validate(
          path: files[index], against: programme, lookups: lookups, pipelined: pipelined
        ).result,
        for: planYear, programme: programme)
    }
    let plan = PlanMerger.merge(results: results, year: planYear, programme: programme)
    // The four files stream at once, each to a temporary file (SPEC §7); all four are renamed
    // in place once all are complete, or none (the XML failing its schema stops them all).
    do {
      // The XML's schema check on a thread of its own, beside its writer (the longest of the
      // four files to produce: PipedSpreadsheetCheck).
      let writers = try PlanOutputs.writers(
        plan, programme: programme, language: language.language, checking: { PipedSpreadsheetCheck($0) })
      let folder = URL(fileURLWithPath: out)
      let staged = concurrentMap(writers.count) { index in
        Result {
          try AtomicFile.stage(
            to: folder.appendingPathComponent(writers[index].name).path, writers[index].write)
        }
      }
      var files: [AtomicFile.StagedFile] = []
      for result in staged {
        switch result {
        case .success(let file): files.append(file)
        case .failure(let error):
          for case .success(let file) in staged { file.discard() }
          throw error
        }
      }
      for (index, file) in files.enumerated() {
        do {
          try file.commit()
        } catch {
          for later in files[(index + 1)...] { later.discard() }
          throw error
        }
      }
    } catch let error as AtomicFile.WriteError {
      printError(error.description)
      throw ExitCode(ExitStatus.usage.rawValue)
    } catch {
      printError("internal error: \(error)")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    printOut(
      ConsolidationSummary.text(
        plan, results: results, programme: programme, folder: out,
        files: PlanOutputs.names(of: plan), language: language.language))
    if results.contains(where: { $0.status == .rejected }) {
      throw ExitCode(ExitStatus.rejected.rawValue)
    }
  }
}
