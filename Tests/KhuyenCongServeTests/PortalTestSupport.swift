import Foundation
import Hummingbird
import HummingbirdTesting
import KhuyenCong
@testable import KhuyenCongIntake
@testable import KhuyenCongServe

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

func samplePath(_ name: String) -> String { packageRoot.appendingPathComponent("samples/" + name).path }

func sampleBytes(_ name: String) throws -> [UInt8] {
  Array(try Data(contentsOf: URL(fileURLWithPath: samplePath(name))))
}

/// 2016-10-29T01:00:00Z: the fixed time portal tests run at.
let portalTestTime = Date(timeIntervalSince1970: 1_477_702_800)

/// A fresh store, inbox and spool folder; `remove()` when done.
struct PortalWorkspace {
  let root: URL
  var inbox: URL { root.appendingPathComponent("inbox") }
  var store: URL { root.appendingPathComponent("store") }
  var spool: URL { root.appendingPathComponent("spool") }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "khuyencong-serve-" + UUID().uuidString)
    for folder in ["inbox", "store", "spool"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  func settings(_ change: (inout PortalSettings) -> Void = { _ in }) -> PortalSettings {
    var settings = PortalSettings(
      store: store.path, inbox: inbox.path, programme: Programme.embeddedDefault(), spoolFolder: spool.path)
    settings.now = { portalTestTime }
    change(&settings)
    return settings
  }

  /// Runs `body` against the portal's router, in process.
  func test<T>(
    _ change: (inout PortalSettings) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
  ) async throws -> T {
    let portal = Portal(settings: settings(change))
    let app = Application(router: portal.router())
    return try await app.test(.router, body)
  }

  func ledger() throws -> Ledger { try Ledger.open(path: store.appendingPathComponent("ledger.sqlite").path) }

  func issue(_ district: String?) throws -> String {
    try ledger().issueToken(district: district.map(DistrictCode.init(rawValue:)), at: portalTestTime).token
  }

  /// Files in a folder (names only), sorted.
  func names(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// Copies samples into the inbox and runs `run` on them (at the fixed test time, so
  /// `run` does not wait for them to settle).
  /// With `judgementKey`, `run` keeps each file's judgement in the ledger under it.
  func file(_ samples: [String], judgementKey: JudgementKey? = nil) throws {
    for name in samples {
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: samplePath(name)), to: inbox.appendingPathComponent(name))
    }
    _ = try Intake.run(
      inbox: inbox.path, store: store.path, programme: Programme.embeddedDefault(),
      clock: FixedClock(portalTestTime), language: .en, judgementKey: judgementKey)
  }
}

/// A `multipart/form-data` body as a browser sends it.
struct Multipart {
  static let boundary = "----khuyencongTestBoundary7MA4YWxk"

  var fields: [(String, String)] = []
  var file: (name: String, bytes: [UInt8])?

  var contentType: String { "multipart/form-data; boundary=\(Self.boundary)" }

  var bytes: [UInt8] {
    var out: [UInt8] = []
    for (name, value) in fields {
      out += Array(
        "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    if let file {
      out += Array(
        "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
          .utf8)
      out += file.bytes
      out += Array("\r\n".utf8)
    }
    out += Array("--\(Self.boundary)--\r\n".utf8)
    return out
  }

  var headers: HTTPFields { [.contentType: contentType] }
  var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }
}

extension TestResponse {
  var text: String { String(buffer: body) }
}
