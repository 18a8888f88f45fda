import Foundation
import Hummingbird
import HummingbirdTesting
import KhuyenCong
@testable import KhuyenCongIntake
@testable import KhuyenCongServe
import Testing

@Suite("Portal: submit, tokens, status")
struct SubmitRouteTests {
  static let naHang = "2017-072-na-hang-flat.csv"

  func form(_ sample: String = naHang, token: String?, name: String? = nil) throws -> Multipart {
    Multipart(
      fields: token.map { [("token", $0)] } ?? [], file: (name ?? sample, try sampleBytes(sample)))
  }

  @Test(
    "a district's token submits its own plan: the checked file lands in the inbox under a name the server makes"
  )
  func submitsIntoInbox() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let token = try workspace.issue("072")
    let upload = try form(token: token)
    try await workspace.test { client in
      try await client.execute(uri: "/submit", method: .post, headers: upload.headers, body: upload.buffer) {
        response in
        #expect(response.status == .ok)
        #expect(response.text.contains("id=\"submitted\""))
      }
      try await client.execute(uri: "/api/status?year=2017", method: .get) { response in
        #expect(response.text.contains("\"code\":\"072\",\"filesReceived\":0,"))
        #expect(response.text.contains("\"status\":\"submitted\",\"waitingForRun\":1"))
      }
    }
    let names = try workspace.names(workspace.inbox)
    #expect(names == ["072-20161029T010000Z-2017-072-na-hang-flat.csv"])
    let written = try Data(contentsOf: workspace.inbox.appendingPathComponent(names[0]))
    #expect(Array(written) == (try sampleBytes(Self.naHang)))
    #expect(try workspace.names(workspace.spool) == [])
  }

  @Test("without a token, or with a wrong or revoked one, nothing is submitted (401)")
  func refusedTokens() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let revoked = try workspace.issue("072")
    let id = try #require(try workspace.ledger().tokens().first?.id)
    #expect(try workspace.ledger().revokeToken(id: id, at: portalTestTime))
    let cases = [
      try form(token: nil), try form(token: "kc_" + String(repeating: "0", count: 64)),
      try form(token: revoked),
    ]
    try await workspace.test { client in
      for upload in cases {
        try await client.execute(uri: "/submit", method: .post, headers: upload.headers, body: upload.buffer)
        {
          #expect($0.status == .unauthorized)
        }
        try await client.execute(
          uri: "/api/submit", method: .post, headers: upload.headers, body: upload.buffer
        ) {
          #expect($0.status == .unauthorized)
        }
      }
    }
    #expect(try workspace.names(workspace.inbox) == [])
    #expect(try workspace.names(workspace.spool) == [])
  }

  @Test("another district's token cannot submit this district's plan (403); the Department's can")
  func otherDistrict() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let other = try workspace.issue("074")
    let department = try workspace.issue(nil)
    let byOther = try form(token: other)
    try await workspace.test { client in
      try await client.execute(uri: "/submit", method: .post, headers: byOther.headers, body: byOther.buffer)
      {
        #expect($0.status == .forbidden)
        #expect($0.text.contains("id=\"not-submitted\""))
      }
    }
    #expect(try workspace.names(workspace.inbox) == [])
    let upload = try form(token: nil)
    var tokenHeaders = upload.headers
    tokenHeaders[HeaderName.token] = department
    let headers = tokenHeaders
    try await workspace.test { client in
      try await client.execute(uri: "/api/submit", method: .post, headers: headers, body: upload.buffer) {
        response in
        #expect(response.status == .created)
        #expect(response.text.hasPrefix("{\"submitted\":\"072-20161029T010000Z-2017-072-na-hang-flat.csv\""))
      }
    }
    #expect(try workspace.names(workspace.inbox).count == 1)
  }

  @Test(
    "a file name with ../, NUL, newlines or a Windows path never reaches the disk as given",
    arguments: [
      "../../../etc/cron.d/x.csv", "a\u{0}b.csv", "line\nbreak\r.csv", "tab\tand\u{7F}.csv",
      "C:\\Users\\x\\..\\ke-hoach.csv", "..", ".hidden.csv",
    ])
  func hostileNames(name: String) async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let token = try workspace.issue("072")
    let upload = try form(token: token, name: name)
    // A raw line break inside the part's header breaks the form itself: refused (400), as a
    // browser never sends one (it writes %0A); every other name is accepted and cleaned.
    let broken = name.contains("\n") || name.contains("\r")
    try await workspace.test { client in
      try await client.execute(uri: "/submit", method: .post, headers: upload.headers, body: upload.buffer) {
        #expect($0.status == (broken ? .badRequest : .ok))
      }
    }
    let names = try workspace.names(workspace.inbox)
    #expect(names.count == (broken ? 0 : 1))
    #expect(try workspace.names(workspace.root) == ["inbox", "spool", "store"])
    #expect(try workspace.names(workspace.spool) == [])
    guard !broken else { return }
    let written = names.first ?? ""
    #expect(written.hasPrefix("072-20161029T010000Z-"))
    #expect(
      !written.contains("/") && !written.contains("\0") && !written.contains("\n") && !written.contains("\r"))
    #expect(!written.contains("\\") && !written.hasPrefix("."))
    // Nothing was created beside the inbox.
    #expect(try workspace.names(workspace.root) == ["inbox", "spool", "store"])
  }

  @Test(
    "failed token attempts are limited per client address (429), even for a right token; others are not affected"
  )
  func attemptsLimited() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let token = try workspace.issue("072")
    try await workspace.test({ $0.maxFailedAttempts = 3 }) { client in
      for _ in 0..<3 {
        try await client.execute(
          uri: "/status", method: .post,
          headers: [.contentType: "application/x-www-form-urlencoded", HeaderName.realIP: "203.0.113.7"],
          body: ByteBuffer(string: "token=wrong")
        ) { #expect($0.status == .unauthorized) }
      }
      try await client.execute(
        uri: "/status", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded", HeaderName.realIP: "203.0.113.7"],
        body: ByteBuffer(string: "token=\(token)")
      ) { #expect($0.status == .tooManyRequests) }
      try await client.execute(
        uri: "/status", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded", HeaderName.realIP: "198.51.100.2"],
        body: ByteBuffer(string: "token=\(token)")
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("the status table is public; a district's files and reports are shown only with its token")
  func statusAndOwnFiles() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([
      Self.naHang, "rejected-budget_sum-2017-074-ham-yen.csv",
      "rejected-deadline_late-2017-076-son-duong.xlsx",
    ])
    let naHangToken = try workspace.issue("072")
    try await workspace.test { client in
      try await client.execute(uri: "/status?year=2017&lang=en", method: .get) { response in
        #expect(response.status == .ok)
        let page = response.text
        #expect(page.contains("<tr id=\"d-072\">"))
        #expect(page.contains("<span class=\"status-accepted\">accepted</span>"))
        #expect(page.contains("<span class=\"status-rejected\">rejected</span>"))
        #expect(page.contains("<span class=\"status-late\">rejected: late</span>"))
        #expect(page.contains("<span class=\"status-missing\">missing</span>"))
        // Public: no report text, no download form.
        #expect(!page.contains("action=\"/file\""))
      }
      try await client.execute(uri: "/api/status?year=2017", method: .get) { response in
        #expect(response.text.contains("\"code\":\"072\""))
        #expect(response.text.contains("\"status\":\"late\""))
        #expect(response.text.contains("\"planYear\":2017"))
      }
      try await client.execute(
        uri: "/status?lang=en", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "year=2017&token=\(naHangToken)")
      ) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("<b>\(Self.naHang)</b>"))
        #expect(!response.text.contains("<b>rejected-budget_sum-2017-074-ham-yen.csv</b>"))
      }
    }
  }

  @Test("another district's file or report cannot be fetched by guessing its address or hash")
  func guessedFiles() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([Self.naHang, "rejected-budget_sum-2017-074-ham-yen.csv"])
    let entries = try workspace.ledger().entries()
    let hamYen = try #require(entries.first { $0.district?.rawValue == "074" })
    let naHang = try #require(entries.first { $0.district?.rawValue == "072" })
    let naHangToken = try workspace.issue("072")
    let department = try workspace.issue(nil)
    let naHangBytes = try sampleBytes(Self.naHang)
    @Sendable func body(_ token: String, _ sha: String, _ kind: String = "file") -> ByteBuffer {
      ByteBuffer(string: "token=\(token)&sha256=\(sha)&kind=\(kind)")
    }
    let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    try await workspace.test { client in
      try await client.execute(
        uri: "/file", method: .post, headers: form, body: body(naHangToken, hamYen.sha256)
      ) {
        #expect($0.status == .notFound)
      }
      try await client.execute(
        uri: "/file", method: .post, headers: form, body: body(naHangToken, hamYen.sha256, "report")
      ) { #expect($0.status == .notFound) }
      try await client.execute(
        uri: "/file", method: .post, headers: form, body: body(naHangToken, naHang.sha256)
      ) {
        #expect($0.status == .ok)
        #expect(Array($0.body.readableBytesView) == naHangBytes)
      }
      try await client.execute(
        uri: "/file", method: .post, headers: form, body: body(department, hamYen.sha256, "report")
      ) { response in
        #expect(response.status == .ok)
        // The district report is a note to the district (issue 8): it names the district and
        // the rejection, and carries the budget-sum message rather than its code.
        #expect(response.text.contains("Huyện Hàm Yên"))
        #expect(response.text.contains("BỊ TỪ CHỐI"))
        #expect(response.text.contains("Tổng kinh phí"))
      }
      try await client.execute(uri: "/" + hamYen.storedPath, method: .get) { #expect($0.status == .notFound) }
      try await client.execute(uri: "/file?sha256=\(hamYen.sha256)", method: .get) {
        #expect($0.status == .notFound || $0.status == .methodNotAllowed)
      }
      try await client.execute(
        uri: "/file", method: .post, headers: form, body: body(naHangToken, "../../ledger.sqlite")
      ) {
        #expect($0.status == .notFound)
      }
    }
  }

  @Test("the portal never writes the store: a check, a submit and the status leave it byte for byte")
  func storeUntouched() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([Self.naHang])
    let token = try workspace.issue("072")
    let before = try listing(workspace.store)
    let upload = try form("2017-074-ham-yen-form-v1.csv", token: token)
    let own = try form(token: token)
    try await workspace.test { client in
      try await client.execute(uri: "/check", method: .post, headers: upload.headers, body: upload.buffer) {
        _ in
      }
      try await client.execute(uri: "/submit", method: .post, headers: own.headers, body: own.buffer) {
        #expect($0.status == .ok)
      }
      try await client.execute(uri: "/status?year=2017", method: .get) { #expect($0.status == .ok) }
    }
    #expect(try listing(workspace.store) == before)
  }

  @Test("token issue keeps only the token's SHA-256; a revoked token is listed as revoked")
  func tokensAreHashed() throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let token = try workspace.issue("072")
    #expect(token.hasPrefix("kc_") && token.count == 67)
    let ledger = try workspace.ledger()
    let record = try #require(try ledger.tokens().first)
    #expect(record.sha256 == SHA256.hex(of: Array(token.utf8)))
    #expect(record.district?.rawValue == "072" && record.isActive)
    let bytes = try Data(contentsOf: workspace.store.appendingPathComponent("ledger.sqlite"))
    #expect(bytes.range(of: Data(token.utf8)) == nil)
    #expect(try ledger.revokeToken(id: record.id, at: portalTestTime))
    #expect(try ledger.tokens().first?.isActive == false)
    #expect(try !ledger.revokeToken(id: record.id, at: portalTestTime))
  }

  @Test("tokens are compared whole: a prefix, a longer text or another token's hash opens nothing")
  func tokenComparison() throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let token = try workspace.issue("072")
    let tokens = try workspace.ledger().tokens()
    #expect(TokenCheck.holder(of: token, among: tokens) == .district(DistrictCode(rawValue: "072")))
    #expect(TokenCheck.holder(of: " \(token)\n", among: tokens) == .district(DistrictCode(rawValue: "072")))
    #expect(TokenCheck.holder(of: String(token.dropLast()), among: tokens) == nil)
    #expect(TokenCheck.holder(of: token + "0", among: tokens) == nil)
    #expect(TokenCheck.holder(of: tokens[0].sha256, among: tokens) == nil)
    #expect(TokenCheck.holder(of: "", among: tokens) == nil)
  }

  @Test("the ledger is in WAL mode once opened, so the portal's readers never wait on run")
  func ledgerIsWAL() throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try workspace.file([Self.naHang])
    let header = try Data(contentsOf: workspace.store.appendingPathComponent("ledger.sqlite")).prefix(20)
    // Bytes 18 and 19 of an SQLite file are 2 in WAL mode (1 with a rollback journal).
    #expect(Array(header.suffix(2)) == [2, 2])
    let reader = try Ledger.openForReading(path: workspace.store.appendingPathComponent("ledger.sqlite").path)
    #expect(try reader.entries().count == 1)
  }

  func listing(_ folder: URL) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var lines: [String] = []
    while let item = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = folder.path + "/" + item
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        !item.hasSuffix("-wal"), !item.hasSuffix("-shm")
      else { continue }
      lines.append(item + " " + SHA256.hex(of: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }
    return lines.sorted()
  }
}

@Suite("Portal: bounds")
struct PortalBoundsTests {
  @Test("at most the running checks at once, then the waiting ones; beyond that a check is refused")
  func gateRefusesBeyondQueue() async throws {
    let gate = CheckGate(running: 1, waiting: 1)
    let release = DispatchSemaphore(value: 0)
    let first = Task { try await gate.run { release.wait() } }
    while await gate.load.active < 1 { await Task.yield() }
    let second = Task { try await gate.run { 2 } }
    while await gate.load.queued < 1 { await Task.yield() }
    await #expect(throws: CheckGate.Busy.self) { try await gate.run { 3 } }
    release.signal()
    try await first.value
    #expect(try await second.value == 2)
    #expect(await gate.load.active == 0)
  }

  @Test("Accept-Language picks the better of vi and en by quality; Vietnamese otherwise")
  func acceptLanguage() {
    #expect(PortalLanguage.fromAcceptLanguage(nil) == .vi)
    #expect(PortalLanguage.fromAcceptLanguage("fr-FR,fr;q=0.9") == .vi)
    #expect(PortalLanguage.fromAcceptLanguage("en-GB,en;q=0.8,vi;q=0.5") == .en)
    #expect(PortalLanguage.fromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8") == .vi)
    #expect(PortalLanguage.fromAcceptLanguage("fr,en;q=0.7,vi;q=0.9") == .vi)
    #expect(PortalLanguage.fromAcceptLanguage("en;q=0") == .vi)
  }

  @Test("a client's file name is cut to one safe component")
  func cleanNames() {
    #expect(FormUpload.cleanName("../../etc/passwd") == "passwd")
    #expect(FormUpload.cleanName("C:\\Users\\x\\kế hoạch.csv") == "kế hoạch.csv")
    #expect(FormUpload.cleanName("a\u{0}b\nc.csv") == "a_b_c.csv")
    #expect(FormUpload.cleanName("..") == "ke-hoach")
    #expect(FormUpload.cleanName(".hidden.csv") == "hidden.csv")
    #expect(FormUpload.cleanName(String(repeating: "x", count: 300) + ".csv").count == 120)
  }
}
