import Foundation
import Testing

/// `khuyencong run` and `khuyencong status` on a temporary copy of samples/ (SPEC §6, §7).
@Suite("run and status commands")
struct RunCommandTests {
  /// A temporary folder with `inbox/` holding every sample; `store/` is left to `run`.
  func samplesInbox() throws -> URL {
    let folder = try temporaryFolder()
    let inbox = folder.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    for sample in try sampleFiles() {
      let source = packageRoot.appendingPathComponent(sample)
      let target = inbox.appendingPathComponent(source.lastPathComponent)
      try FileManager.default.copyItem(at: source, to: target)
      try settle(target)
    }
    return folder
  }

  /// Dates `file` long ago, as a file that finished arriving before the run (a copy is dated
  /// now, and `run` leaves a file modified in the last seconds for the next run).
  func settle(_ file: URL) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_477_702_800)], ofItemAtPath: file.path)
  }

  @Test("run on the samples exits 1 (some are rejected) and writes the 2017 plan")
  func runOnSamples() throws {
    let folder = try samplesInbox()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runCLI([
      "run", "--inbox", folder.path + "/inbox", "--store", folder.path + "/store", "--lang", "en",
    ])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("REJECTED"))
    #expect(run.stdout.contains("plan 2017 written"))
    let plan = folder.appendingPathComponent("store/plans/2017/plan-2017.json")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: plan)) as? [String: Any])
    #expect(json["planYear"] as? Int == 2017)
  }

  @Test("a second run prints one line 'nothing new', and nothing with --quiet, exit 0")
  func secondRun() throws {
    let folder = try samplesInbox()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [
      "run", "--inbox", folder.path + "/inbox", "--store", folder.path + "/store", "--lang", "en",
    ]
    _ = try runCLI(arguments)
    let again = try runCLI(arguments)
    #expect(again.status == 0)
    #expect(again.stdout == "nothing new\n")
    let quiet = try runCLI(arguments + ["--quiet"])
    #expect(quiet.status == 0)
    #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
  }

  @Test("run names each inbox entry it does not read, and says nothing of them with --quiet")
  func skippedEntries() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inbox = folder.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(
      at: inbox.appendingPathComponent("2016"), withIntermediateDirectories: true)
    let plan = inbox.appendingPathComponent("2017-072-na-hang-flat.csv")
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/2017-072-na-hang-flat.csv"), to: plan)
    try settle(plan)
    try Data("lock".utf8).write(to: inbox.appendingPathComponent(".~lock.na-hang.csv#"))
    try FileManager.default.createSymbolicLink(
      at: inbox.appendingPathComponent("passwd.csv"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
    let arguments = ["run", "--inbox", inbox.path, "--store", folder.path + "/store", "--lang", "en"]
    let run = try runCLI(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(
      Array(lines.prefix(3)) == [
        "skipped: .~lock.na-hang.csv# (hidden file)", "skipped: 2016 (folder: subfolders are not read)",
        "skipped: passwd.csv (symbolic link: not followed)",
      ])
    #expect(lines.dropFirst(3).first?.hasPrefix("new: 2017-072-na-hang-flat.csv: accepted") == true)
    let quiet = try runCLI(arguments + ["--quiet"])
    #expect(quiet.status == 0)
    #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
  }

  @Test("status lists Sơn Dương as rejected and counts the districts")
  func status() throws {
    let folder = try samplesInbox()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try runCLI(["run", "--inbox", folder.path + "/inbox", "--store", folder.path + "/store", "--quiet"])
    let status = try runCLI(["status", "--store", folder.path + "/store", "--lang", "en"])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.hasPrefix("Industrial-extension plans for 2017\n"))
    let sonDuong = status.stdout.split(separator: "\n").first { $0.contains("076 Huyện Sơn Dương") }
    #expect(sonDuong?.contains("REJECTED — rejected-deadline_late-2017-076-son-duong.xlsx") == true)
    #expect(status.stdout.contains("KH2017!J3  [deadline.late]"))
    #expect(status.stdout.contains("6 districts accepted, 1 rejected, 0 missing (of 7)"))
    let vi = try runCLI(["status", "--store", folder.path + "/store", "--year", "2016", "--lang", "vi"])
    #expect(vi.stdout.contains("072 Huyện Na Hang (ưu tiên): chưa nộp"))
  }

  @Test("run exits 75 while another process holds the store's lock")
  func locked() throws {
    let folder = try samplesInbox()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store")
    try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    // flock(1) holds the lock while its shell runs: the shell says "ready" once it has it, and
    // ends when its standard input closes (no sleeping, no timing).
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = [store.appendingPathComponent(".lock").path, "sh", "-c", "echo ready; read line"]
    let ready = Pipe()
    let release = Pipe()
    holder.standardOutput = ready
    holder.standardInput = release
    try holder.run()
    defer {
      try? release.fileHandleForWriting.close()
      holder.waitUntilExit()
    }
    _ = ready.fileHandleForReading.availableData  // blocks until "ready"
    let run = try runCLI(["run", "--inbox", folder.path + "/inbox", "--store", store.path, "--quiet"])
    #expect(run.status == 75)
    #expect(run.stderr.contains("lock"))
    #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("ledger.sqlite").path))
  }

  @Test("run with a missing inbox is an I/O error, exit 2")
  func missingInbox() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runCLI(["run", "--inbox", folder.path + "/nope", "--store", folder.path + "/store"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("nope"))
  }

  @Test("status on a folder with no ledger is an error, exit 2")
  func statusWithoutLedger() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let status = try runCLI(["status", "--store", folder.path])
    #expect(status.status == 2)
  }
}
