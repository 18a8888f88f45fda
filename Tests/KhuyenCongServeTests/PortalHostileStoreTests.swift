import Foundation
import Hummingbird
import HummingbirdTesting
import KhuyenCong
@testable import KhuyenCongIntake
@testable import KhuyenCongServe
import Testing

/// Issue 9's rules hold for the portal as for `run` and `status`: the status is built from the
/// judgements `run` kept, a stored path is confined to the store by the store's one rule, a
/// stored file is opened as `validate` opens one (never a FIFO, never through a link), and a
/// submission put in the inbox is one `run` takes (one hard link).
@Suite("Portal: the store's rules (issue 9)")
struct PortalHostileStoreTests {
  static let naHang = "2017-072-na-hang-flat.csv"
  static let key = JudgementKey(programmeSHA256: "programme-of-the-test", programVersion: "test")
  static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

  /// The stored copy of Na Hang's plan, absolute, and its ledger entry.
  func storedNaHang(_ workspace: PortalWorkspace) throws -> (path: String, entry: LedgerEntry) {
    let entry = try #require(try workspace.ledger().entries().first { $0.district?.rawValue == "072" })
    return (workspace.store.appendingPathComponent(entry.storedPath).path, entry)
  }

  @Test("the status comes from the judgements run kept: a stored copy no longer read does not change it")
  func statusFromJudgements() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([Self.naHang], judgementKey: Self.key)
    // The stored copy replaced by bytes that are no plan: a status that read it again would
    // say Na Hang's plan is rejected.
    let (path, _) = try storedNaHang(workspace)
    try FileManager.default.removeItem(atPath: path)
    try Data("not a plan\n".utf8).write(to: URL(fileURLWithPath: path))
    try await workspace.test({ $0.judgementKey = Self.key }) { client in
      try await client.execute(uri: "/api/status?year=2017", method: .get) { response in
        #expect(response.text.contains("\"code\":\"072\""))
        #expect(response.text.contains("\"status\":\"accepted\""))
      }
    }
    // Without the key, every stored copy is read again, as before issue 9.
    try await workspace.test { client in
      try await client.execute(uri: "/api/status?year=2017", method: .get) { response in
        #expect(!response.text.contains("\"status\":\"accepted\""))
      }
    }
  }

  @Test("a stored file reached through a symbolic link out of the store is not served")
  func storedPathThroughLink() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([Self.naHang])
    let (path, entry) = try storedNaHang(workspace)
    // The district's folder moved out of the store and a link left in its place.
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let outside = workspace.root.appendingPathComponent("outside")
    try FileManager.default.moveItem(at: folder, to: outside)
    try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: outside)
    let token = try workspace.issue("072")
    try await workspace.test { client in
      for kind in ["file", "report"] {
        try await client.execute(
          uri: "/file", method: .post, headers: Self.form,
          body: ByteBuffer(string: "token=\(token)&sha256=\(entry.sha256)&kind=\(kind)")
        ) { #expect($0.status == .notFound) }
      }
    }
  }

  @Test("a stored file or report replaced by a FIFO is refused at once, not waited on")
  func storedFIFO() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([Self.naHang])
    let (path, entry) = try storedNaHang(workspace)
    for target in [path, path + ".report.txt"] {
      try FileManager.default.removeItem(atPath: target)
      #expect(mkfifo(target, 0o600) == 0)
    }
    let token = try workspace.issue("072")
    try await workspace.test { client in
      for kind in ["file", "report"] {
        try await client.execute(
          uri: "/file", method: .post, headers: Self.form,
          body: ByteBuffer(string: "token=\(token)&sha256=\(entry.sha256)&kind=\(kind)")
        ) { #expect($0.status == .notFound) }
      }
      // The district's own files, with their reports: the page is served without the report.
      try await client.execute(
        uri: "/status?lang=en", method: .post, headers: Self.form,
        body: ByteBuffer(string: "year=2017&token=\(token)")
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("a submission lands in the inbox with one hard link, and the next run files it")
  func submissionHasOneLink() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let token = try workspace.issue("072")
    let upload = Multipart(fields: [("token", token)], file: (Self.naHang, try sampleBytes(Self.naHang)))
    try await workspace.test { client in
      try await client.execute(uri: "/submit", method: .post, headers: upload.headers, body: upload.buffer) {
        #expect($0.status == .ok)
      }
    }
    let names = try workspace.names(workspace.inbox)
    #expect(names.count == 1)
    var info = stat()
    #expect(stat(workspace.inbox.appendingPathComponent(names[0]).path, &info) == 0)
    #expect(info.st_nlink == 1)
    // Well after the file settled.
    let summary = try Intake.run(
      inbox: workspace.inbox.path, store: workspace.store.path, programme: Programme.embeddedDefault(),
      clock: FixedClock(Date().addingTimeInterval(3600)), language: .en)
    #expect(summary.skipped.isEmpty)
    #expect(try workspace.ledger().entries().count == 1)
  }
}
