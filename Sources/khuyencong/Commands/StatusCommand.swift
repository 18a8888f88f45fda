import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong status --store DIR [--year N]`: who has and has not submitted (SPEC §6).
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show, for a plan year, which districts' plans are accepted, rejected or missing in the store.",
    discussion: """
      Reads STORE/ledger.sqlite and the stored files (it takes no lock and changes nothing). \
      The year defaults to the latest plan year in the ledger.
      """)

  @OptionGroup var programme: ProgrammeOptions
  @OptionGroup var language: LanguageOptions
  @Option(help: "The store folder that `run` fills.")
  var store: String
  @Option(help: "The plan year (default: the latest in the ledger).")
  var year: Int?

  func run() throws {
    let (programme, programmeText) = try programme.loadWithText()
    let store = Store(path: store)
    guard FileManager.default.fileExists(atPath: store.ledgerPath) else {
      printError("\(store.ledgerPath): no ledger; is \(self.store) a store that `khuyencong run` filled?")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    let status: StoreStatus?
    do {
      let ledger = try Ledger.open(path: store.ledgerPath)
      status = try StoreStatus.load(
        store: store, ledger: ledger, programme: programme,
        year: year.map(PlanYear.init(rawValue:)),
        judgementKey: ProgramVersion.judgementKey(programmeText: programmeText))
    } catch {
      printError(error.description)
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    guard let status else {
      printOut(language.language == .vi ? "Chưa nhận tệp nào.\n" : "No submission received yet.\n")
      return
    }
    printOut(status.text(language: language.language))
  }
}
