import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong template --year N --district CODE --out FILE.{csv,xml}`: the blank form a
/// district fills in, in the form layout that `validate` reads back (SPEC §6).
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the blank annual-plan form for a district (CSV or XML Spreadsheet 2003).")

  @OptionGroup var programme: ProgrammeOptions
  @Option(help: "The plan year the form is for.")
  var year: Int
  @Option(help: "The district: GSO code (071) or name (Lâm Bình).")
  var district: String
  @Option(help: "The file to write; .csv gives CSV (UTF-8 with BOM), .xml an XML Spreadsheet.")
  var out: String

  func validate() throws {
    let ext = URL(fileURLWithPath: out).pathExtension.lowercased()
    guard ext == "csv" || ext == "xml" else {
      throw ValidationError("--out must end in .csv or .xml, not '\(out)'")
    }
  }

  func run() throws {
    let programme = try programme.load()
    guard let code = DistrictMatcher(programme: programme).exact(district),
      let found = programme.district(code)
    else {
      printError(
        "no district '\(district)' in the programme; known: "
          + programme.districts.map { "\($0.code) \($0.name)" }.joined(separator: ", "))
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    let planYear = PlanYear(rawValue: year)
    let bytes =
      URL(fileURLWithPath: out).pathExtension.lowercased() == "csv"
      ? TemplateWriter.csv(programme: programme, year: planYear, district: found)
      : TemplateWriter.spreadsheetML(programme: programme, year: planYear, district: found)
    do {
      try AtomicFile.write(bytes, to: out)
    } catch {
      printError(error.description)
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    printOut("\(out): \(found.officialName), \(planYear)\n")
  }
}
