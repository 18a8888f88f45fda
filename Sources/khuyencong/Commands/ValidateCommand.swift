import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong validate [--program F] [--format text|json] [--lang vi|en] FILE...` (SPEC §6).
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check district submissions against the programme and list every problem with its cell.",
    discussion: """
      Exit status: 0 when every file is accepted, 1 when at least one is rejected, \
      2 for a usage, configuration or I/O error.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @OptionGroup var programme: ProgrammeOptions
  @OptionGroup var language: LanguageOptions
  @Option(help: "Output format: text (for people) or json (SPEC §6).")
  var format: Format = .text
  @Argument(help: "Submission files (CSV, XML Spreadsheet 2003, xlsx).")
  var files: [String]

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one FILE to validate") }
  }

  func run() throws {
    let programme = try programme.load()
    try InputFiles.check(files)
    // The report needs each file's line count and totals, not its lines: they stream.
    let lookups = ProgrammeLookups(programme)
    let results = files.map {
      SubmissionFile.validate(path: $0, against: programme, keepingLines: false, lookups: lookups).result
    }
    switch format {
    case .text:
      printOut(ValidationReport.text(results, programme: programme, language: language.language))
    case .json:
      printOut(ValidationReport.json(results, language: language.language))
    }
    if results.contains(where: { $0.status == .rejected }) {
      throw ExitCode(ExitStatus.rejected.rawValue)
    }
  }
}
