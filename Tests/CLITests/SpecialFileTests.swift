import Foundation
import Testing

/// Anything that is not a regular file is refused at once, exit 2, never read or waited on
/// (issue 9): a FIFO used to block `validate` for ever, `/dev/zero` to stream zeros.
@Suite("special files")
struct SpecialFileTests {
  @Test(
    "validate, inspect and consolidate refuse a FIFO with exit 2, without blocking",
    arguments: [["validate"], ["inspect"], ["consolidate", "--year", "2017", "--out", "OUT"]])
  func fifoRefused(command: [String]) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("plan.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let arguments = command.map { $0 == "OUT" ? folder.appendingPathComponent("out").path : $0 }
    let run = try runCLI(arguments + [fifo])
    #expect(run.status == 2)
    #expect(run.stderr.contains("plan.csv: not a regular file (a FIFO)"))
  }

  @Test("validate refuses a character device with exit 2")
  func deviceRefused() throws {
    let run = try runCLI(["validate", "/dev/zero"])
    #expect(run.status == 2)
    #expect(run.stderr == "/dev/zero: not a regular file (a character device)\n")
  }

  @Test("validate refuses a folder with exit 2")
  func folderRefused() throws {
    let run = try runCLI(["validate", "samples"])
    #expect(run.status == 2)
    #expect(run.stderr == "samples: is a directory\n")
  }

  @Test("validate checks every file before reading any: one bad path, nothing printed on stdout")
  func oneBadPathStopsAll() throws {
    let run = try runCLI(["validate", "samples/2017-072-na-hang-flat.csv", "samples/nothing-here.xml"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "samples/nothing-here.xml: no such file\n")
  }
}

/// Nothing from a file reaches the terminal raw (issue 9).
@Suite("terminal output")
struct TerminalOutputTests {
  @Test("inspect prints a cell's escape sequence escaped")
  func escapeSequenceEscaped() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("trick.csv").path
    try "district,note\n072,\u{1B}[1A\u{1B}[2K ACCEPTED\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let run = try runCLI(["inspect", path])
    #expect(!run.stdout.unicodeScalars.contains("\u{1B}"))
    #expect(run.stdout.contains("\\x1B[1A\\x1B[2K ACCEPTED"))
  }
}
