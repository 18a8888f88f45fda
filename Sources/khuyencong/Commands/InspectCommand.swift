import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong inspect FILE`: how a file was read (SPEC §6), then each sheet's cells as CSV.
struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract:
      "Show how a file is read: format, encoding, delimiter, sheets, merges, layout, then the cells as CSV.")

  @OptionGroup var programme: ProgrammeOptions
  @Flag(help: "Print only what was detected, not the cells.")
  var summary = false
  @Argument(help: "The file to inspect.")
  var file: String

  func run() throws {
    let programme = try programme.load()
    var source: FileSource
    do {
      source = try FileSource(path: file)
    } catch {
      printError(error.description)
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    let name = URL(fileURLWithPath: file).lastPathComponent
    var inspector = InspectionVisitor(
      printCells: !summary, mapper: SubmissionMapper(file: name, programme: programme))
    let report = WorkbookReader.read(&source, file: name, into: &inspector)
    let mapped = inspector.mapper.finish(report: report)
    printOut(InspectionReport.text(report: report, mapped: mapped, cells: inspector.output))
  }
}

/// Feeds the mapper and keeps the cells as CSV text for printing.
struct InspectionVisitor: WorkbookVisitor {
  let printCells: Bool
  var mapper: SubmissionMapper
  var output = ""
  private var lastRow = 0

  init(printCells: Bool, mapper: SubmissionMapper) {
    self.printCells = printCells
    self.mapper = mapper
  }

  mutating func beginSheet(name: String, index: Int) {
    mapper.beginSheet(name: name, index: index)
    lastRow = 0
    if printCells { output += "--- sheet \(index + 1): \(name)\n" }
  }

  mutating func visit(_ row: SheetRow) {
    mapper.visit(row)
    guard printCells else { return }
    output += InspectionReport.csvLine(row)
    lastRow = row.number
  }

  mutating func endSheet() { mapper.endSheet() }
}
