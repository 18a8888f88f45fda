import Foundation
import Testing

@Suite("CLI: token, serve, --version")
struct PortalCommandTests {
  @Test("--version prints the version, the commit it was built from and the programme in force")
  func version() throws {
    let run = try runCLI(["--version"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("khuyencong ") == true)
    // Built in this checkout, so the commit is read from its .git: 40 hex digits.
    let commit = lines.first { $0.hasPrefix("commit: ") }.map { String($0.dropFirst(8).prefix(40)) } ?? ""
    #expect(commit.count == 40 && commit.allSatisfy(\.isHexDigit))
    #expect(lines.contains { $0.hasPrefix("programme: ") && $0.contains("2016–2020") })
    // Help still offers it.
    #expect(try runCLI(["--help"]).stdout.contains("--version"))
  }

  @Test("token issue prints a token once, list shows its holder, revoke ends it")
  func tokens() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store").path
    let issued = try runCLI(["token", "issue", "--store", store, "--district", "Na Hang"])
    #expect(issued.status == 0)
    let token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(token.hasPrefix("kc_") && token.count == 67)
    #expect(issued.stderr.contains("district 072"))
    let department = try runCLI(["token", "issue", "--store", store, "--department"])
    #expect(department.status == 0)
    let listed = try runCLI(["token", "list", "--store", store])
    #expect(listed.stdout.contains("1\tdistrict 072\t") && listed.stdout.contains("2\tdepartment\t"))
    #expect(!listed.stdout.contains(token))
    #expect(try runCLI(["token", "revoke", "--store", store, "1"]).status == 0)
    #expect(try runCLI(["token", "list", "--store", store]).stdout.contains("\trevoked "))
    #expect(try runCLI(["token", "revoke", "--store", store, "1"]).status == 2)
    #expect(try runCLI(["token", "issue", "--store", store]).status == 2)
    #expect(try runCLI(["token", "issue", "--store", store, "--district", "999"]).status == 2)
  }

  @Test("serve refuses an inbox that does not exist, and a port out of range, with exit 2")
  func serveUsage() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try runCLI([
      "serve", "--store", folder.path, "--inbox", folder.appendingPathComponent("none").path,
    ])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no such inbox"))
    #expect(
      try runCLI(["serve", "--store", folder.path, "--inbox", folder.path, "--port", "70000"]).status == 2)
  }
}
