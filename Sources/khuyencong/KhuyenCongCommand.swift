import ArgumentParser
import Foundation
import KhuyenCong

/// The command-line program: a few calls into the library per subcommand (SPEC §6).
@main
struct KhuyenCongCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "khuyencong",
    abstract: "Import, validate and consolidate district industrial-extension (khuyến công) plans.",
    // The whole text (commit, programme) is made only for `--version` (`main`): building it
    // parses the embedded programme and reads `.git`, 5 % of validating a 10 000-line CSV.
    version: "khuyencong \(BuildInfo.version)",
    subcommands: [
      ValidateCommand.self, ConsolidateCommand.self, RunCommand.self, StatusCommand.self,
      TemplateCommand.self, InspectCommand.self, ProgramCommand.self, ServeCommand.self, TokenCommand.self,
    ])

  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    if arguments.contains("--version") && arguments.allSatisfy({ $0.hasPrefix("-") }) {
      print(BuildInfo.versionText)
      return
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      // ArgumentParser exits 64 (EX_USAGE) on a usage error; the SPEC §6 says 2.
      guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(ExitStatus.usage.rawValue)
    }
  }
}

/// Exit statuses of SPEC §6.
enum ExitStatus: Int32 {
  case accepted = 0
  case rejected = 1
  case usage = 2
  case storeLocked = 75
}
