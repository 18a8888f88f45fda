import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake

/// `khuyencong token issue|list|revoke`: the portal's access tokens (issue 10).
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Issue, list and revoke the portal's access tokens (kept as SHA-256 in the ledger).",
    subcommands: [Issue.self, List.self, Revoke.self])

  struct StoreOption: ParsableArguments {
    @Option(help: "The store folder whose ledger keeps the tokens.")
    var store: String

    func ledger() throws -> Ledger {
      do {
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        return try Ledger.open(path: Store(path: store).ledgerPath)
      } catch let error as IntakeError {
        printError(error.description)
        throw ExitCode(ExitStatus.usage.rawValue)
      } catch {
        printError("\(store): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
    }
  }

  struct Issue: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "issue",
      abstract: "Print a new token once (for a district, or the Department); only its hash is kept.")

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var programme: ProgrammeOptions
    @Option(help: "The district it submits and reads for: GSO code (072) or name.")
    var district: String?
    @Flag(help: "The Department's token: reads every district's files and reports.")
    var department = false

    func validate() throws {
      if (district == nil) == !department {
        throw ValidationError("give exactly one of --district CODE or --department")
      }
    }

    func run() throws {
      var code: DistrictCode?
      if let district {
        let programme = try programme.load()
        guard let found = DistrictMatcher(programme: programme).exact(district) else {
          printError(
            "no district '\(district)' in the programme; known: "
              + programme.districts.map { "\($0.code) \($0.name)" }.joined(separator: ", "))
          throw ExitCode(ExitStatus.usage.rawValue)
        }
        code = found
      }
      let ledger = try storeOption.ledger()
      do {
        let issued = try ledger.issueToken(district: code, at: Date())
        printOut(issued.token + "\n")
        printError(
          "token \(issued.record.id) for \(code.map { "district \($0.rawValue)" } ?? "the Department"): "
            + "shown once, keep it safe; only its SHA-256 is kept in the ledger.")
      } catch {
        printError(error.description)
        throw ExitCode(ExitStatus.usage.rawValue)
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the tokens: id, holder, issued, revoked, hash prefix.")

    @OptionGroup var storeOption: StoreOption

    func run() throws {
      let ledger = try storeOption.ledger()
      do {
        for token in try ledger.tokens() {
          printOut(
            "\(token.id)\t\(token.district.map { "district \($0.rawValue)" } ?? "department")\t"
              + "issued \(token.issuedAt)\t" + (token.revokedAt.map { "revoked \($0)" } ?? "active") + "\t"
              + "sha256 \(token.sha256.prefix(12))…\n")
        }
      } catch {
        printError(error.description)
        throw ExitCode(ExitStatus.usage.rawValue)
      }
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "revoke",
      abstract: "Revoke a token by its id (see `token list`): it opens nothing any more.")

    @OptionGroup var storeOption: StoreOption
    @Argument(help: "The token's id.")
    var id: Int64

    func run() throws {
      let ledger = try storeOption.ledger()
      do {
        guard try ledger.revokeToken(id: id, at: Date()) else {
          printError("no active token \(id)")
          throw ExitCode(ExitStatus.usage.rawValue)
        }
        printOut("token \(id) revoked\n")
      } catch let error as IntakeError {
        printError(error.description)
        throw ExitCode(ExitStatus.usage.rawValue)
      }
    }
  }
}
