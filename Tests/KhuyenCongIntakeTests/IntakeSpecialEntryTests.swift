import Foundation
import KhuyenCong
import Testing

@testable import KhuyenCongIntake

/// Inbox entries the run must not take, or must take under a faithful name (issue 9).
@Suite("intake special entries")
struct IntakeSpecialEntryTests {
  static let naHang = "2017-072-na-hang-flat.csv"

  @Test("a hard link in the inbox is skipped and said why; nothing is copied into the store")
  func hardLinkSkipped() throws {
    // Given a file outside the inbox and a hard link to it in the inbox
    let workspace = try Workspace()
    defer { workspace.remove() }
    let outside = workspace.root.appendingPathComponent("secret.csv")
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/" + Self.naHang), to: outside)
    #expect(link(outside.path, workspace.inbox.appendingPathComponent("linked.csv").path) == 0)
    // When the job runs
    let summary = try workspace.run()
    // Then the link is not filed, and the summary says why
    #expect(try workspace.ledger().entries().isEmpty)
    #expect(try workspace.storedListing().isEmpty)
    #expect(summary.skipped == [.init(name: "linked.csv", reason: .hardLink)])
    #expect(
      summary.text(programme: Programme.embeddedDefault(), language: .en).hasPrefix(
        "skipped: linked.csv (more than one hard link: its bytes also live under another name, perhaps outside the inbox; not taken)\n"
      ))
  }

  @Test("a hard link just written waits like any file being written; once settled it is skipped")
  func freshHardLinkWaits() throws {
    // Given a hard link in the inbox to a file modified just now (as the portal's submission
    // has two names for an instant while it is put in the inbox)
    let workspace = try Workspace()
    defer { workspace.remove() }
    let outside = workspace.root.appendingPathComponent("other.csv")
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/" + Self.naHang), to: outside)
    #expect(link(outside.path, workspace.inbox.appendingPathComponent("linked.csv").path) == 0)
    try workspace.setModified("linked.csv", to: testClock.now())
    // When the job runs, it waits for it; and later, when it has settled, it skips it
    let first = try workspace.run()
    #expect(first.waiting == ["linked.csv"])
    #expect(first.skipped.isEmpty)
    let later = try workspace.run(clock: FixedClock(testClock.now().addingTimeInterval(60)))
    #expect(later.skipped == [.init(name: "linked.csv", reason: .hardLink)])
    #expect(try workspace.ledger().entries().isEmpty)
  }

  @Test("a FIFO in the inbox is skipped, not waited on")
  func fifoSkipped() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    #expect(mkfifo(workspace.inbox.appendingPathComponent("pipe.csv").path, 0o600) == 0)
    let summary = try workspace.run()
    #expect(summary.skipped == [.init(name: "pipe.csv", reason: .notRegularFile)])
  }
}

/// Names as bytes: an inbox name that is not UTF-8 is filed, under a lossless escaped form.
@Suite("intake names")
struct IntakeNameTests {
  /// Copies Yên Sơn's sample into the inbox under the raw name `bytes`.
  private func addSample(_ workspace: Workspace, rawName bytes: [UInt8]) throws {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent("samples/2017-075-yen-son-flat.xml"))
    let path = (Array(workspace.inbox.path.utf8) + [0x2F] + bytes).map { CChar(bitPattern: $0) } + [0]
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    #expect(descriptor >= 0)
    data.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    // Settled: an hour before the test clock.
    var times = [
      timespec(tv_sec: 1_477_699_200, tv_nsec: 0), timespec(tv_sec: 1_477_699_200, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
  }

  @Test("a file whose name is not UTF-8 is filed under its escaped name, and the run says so")
  func latin1NameFiled() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try addSample(
      workspace, rawName: Array("latin1-".utf8) + [0xE9, 0xFF, 0xFE] + Array("-2017-075.xml".utf8))
    let summary = try workspace.run()
    let entries = try workspace.ledger().entries()
    #expect(entries.map(\.originalName) == ["latin1-%E9%FF%FE-2017-075.xml"])
    #expect(entries.first?.status == .accepted)
    #expect(summary.notices == [.nameEscaped(name: "latin1-%E9%FF%FE-2017-075.xml")])
    #expect(!summary.hasErrors)
    // And the next run knows it.
    let again = try workspace.run()
    #expect(again.isNothingNew)
    #expect(again.alreadyKnown == 1)
  }

  @Test(
    "the escaped form of a name is lossless: a % and every byte that is not UTF-8 become %XX",
    arguments: [
      ([0x61, 0xE9, 0x62] as [UInt8], "a%E9b"),
      ([0x25, 0xFF] as [UInt8], "%25%FF"),
      (Array("Lâm Bình".utf8) + [0xC3], "Lâm Bình%C3"),
    ])
  func escapedForm(bytes: [UInt8], expected: String) {
    let (name, escaped) = InboxListing.displayName(bytes)
    #expect(escaped)
    #expect(name == expected)
    #expect(percentDecoded(name) == bytes)
  }

  @Test("a UTF-8 name is kept as it is, % included")
  func utf8NameKept() {
    let (name, escaped) = InboxListing.displayName(Array("100% Lâm Bình.csv".utf8))
    #expect(!escaped)
    #expect(name == "100% Lâm Bình.csv")
  }

  @Test("a file name holding a line break and an escape sequence is printed escaped in the run summary")
  func controlCharactersInNameEscaped() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try addSample(workspace, rawName: Array("yen-son\nSummary: 9 new files\u{1B}[2K.xml".utf8))
    let summary = try workspace.run()
    let text = summary.text(programme: Programme.embeddedDefault(), language: .en)
    #expect(text.contains("new: yen-son\\nSummary: 9 new files\\x1B[2K.xml: accepted"))
    #expect(!text.contains("\nSummary: 9"))
    #expect(!text.unicodeScalars.contains("\u{1B}"))
  }

  private func percentDecoded(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.popFirst() {
      if byte == 0x25, bytes.count >= 2,
        let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16)
      {
        out.append(value)
        bytes = bytes.dropFirst(2)
      } else {
        out.append(byte)
      }
    }
    return out
  }
}
