import Foundation
import KhuyenCong
import KhuyenCongIntake

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
}
