import Foundation
import KhuyenCong
@testable import KhuyenCongIntake

/// The package root, found from this file's path (tests must not depend on the working directory).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// 2016-10-29T01:00:00Z: the fixed time every intake test runs at.
let testClock = FixedClock(Date(timeIntervalSince1970: 1_477_702_800))

/// A fresh inbox and store in their own temporary folder; `remove()` when done.
struct Workspace {
  let root: URL
  var inbox: URL { root.appendingPathComponent("inbox") }
  var store: URL { root.appendingPathComponent("store") }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "khuyencong-intake-" + UUID().uuidString)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("inbox"),
      withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// Copies `samples/<name>` into the inbox, under `as` when given.
  func addSample(_ name: String, as target: String? = nil) throws {
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/" + name),
      to: inbox.appendingPathComponent(target ?? name))
  }

  /// One cron run with the embedded programme at the fixed test time.
  @discardableResult
  func run(clock: any IntakeClock = testClock) throws -> IntakeSummary {
    try Intake.run(
      inbox: inbox.path, store: store.path, programme: Programme.embeddedDefault(),
      clock: clock, language: .en)
  }

  /// The ledger of the store.
  func ledger() throws -> Ledger { try Ledger.open(path: store.appendingPathComponent("ledger.sqlite").path) }

  /// Every file below `folder` with its size and SHA-256, sorted: "path size hash".
  func listing(_ folder: URL) throws -> [String] {
    let base = folder.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
    var lines: [String] = []
    while let item = enumerator.nextObject() as? String {
      let path = base + "/" + item
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      lines.append("\(item) \(bytes.count) \(SHA256.hex(of: bytes))")
    }
    return lines.sorted()
  }

  /// The status of `year` as the store gives it.
  func status(_ year: Int) throws -> StoreStatus? {
    try StoreStatus.load(
      store: Store(path: store.path), ledger: ledger(),
      programme: Programme.embeddedDefault(), year: PlanYear(rawValue: year))
  }

  /// An intake over this workspace, set up by `configure` (limits, a store that records its
  /// folder flushes…), for tests that look inside a run. It takes no lock.
  func intake(
    clock: any IntakeClock = testClock, store custom: Store? = nil,
    _ configure: (inout Intake) -> Void = { _ in }
  ) throws -> Intake {
    try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    var intake = Intake(
      inbox: inbox.path, store: custom ?? Store(path: store.path), ledger: try ledger(),
      programme: Programme.embeddedDefault(), clock: clock, language: .en)
    configure(&intake)
    return intake
  }

  /// Sets the modification time of the inbox file `name`.
  func setModified(_ name: String, to date: Date) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: date], ofItemAtPath: inbox.appendingPathComponent(name).path)
  }

  /// Where a run stores the sample `name`: `accepted/2017/072/<hash>-<name>`.
  func storedPath(ofSample name: String, folder: String) throws -> String {
    let bytes = try Data(contentsOf: packageRoot.appendingPathComponent("samples/" + name))
    return folder + "/" + Store.storedName(sha256: SHA256.hex(of: bytes), originalName: name)
  }

  /// Every file (not folder) below the store's `accepted/`, `rejected/` and `incoming/`.
  func storedListing() throws -> [String] {
    try ["accepted", "rejected", "incoming"].flatMap { top in
      try listing(store.appendingPathComponent(top)).map { top + "/" + $0 }
    }
  }
}

/// Records the folders a store flushes, in order.
final class FolderFlushes: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [String] = []

  /// The folders flushed so far.
  var folders: [String] { lock.withLock { recorded } }

  /// Flushes for real and records the folder.
  func sync(_ folder: String) throws(AtomicFile.WriteError) {
    try AtomicFile.syncFolder(folder)
    lock.withLock { recorded.append(folder) }
  }
}
