import Foundation
import Hummingbird
import HummingbirdTesting
import KhuyenCong
import KhuyenCongIntake
@testable import KhuyenCongServe
import Testing

@Suite("Portal: self-check")
struct SelfCheckRouteTests {
  static let samples = [
    "rejected-budget_sum-2017-074-ham-yen.csv", "rejected-cell_required-2017-071-lam-binh.xml",
    "rejected-deadline_late-2017-076-son-duong.xlsx", "rejected-total_mismatch-2017-073-chiem-hoa.xlsx",
    "rejected-xml_malformed-2017-075-yen-son.xml", "rejected-file_encoding-2017-073-chiem-hoa.csv",
    "rejected-file_unreadable-2017-072-na-hang.csv",
    "2017-072-na-hang-flat.csv", "2017-070-tp-tuyen-quang-form.xml", "2017-071-lam-binh-form.xlsx",
  ]

  @Test("the API check answers what validate --format json prints for the same file", arguments: samples)
  func apiCheckMatchesValidate(sample: String) async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let expected = ValidationReport.json(
      [SubmissionFile.validate(path: samplePath(sample), against: Programme.embeddedDefault()).result],
      language: .en)
    let form = Multipart(file: (sample, try sampleBytes(sample)))
    let text = try await workspace.test { client in
      try await client.execute(
        uri: "/api/check?lang=en", method: .post, headers: form.headers, body: form.buffer
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        return response.text
      }
    }
    #expect(
      text.trimmingCharacters(in: .whitespacesAndNewlines)
        == expected.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test(
    "the check page marks each diagnosed cell by severity, shows its message beside it, and links it from the list"
  )
  func cellsAreMarked() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let sample = "rejected-budget_sum-2017-074-ham-yen.csv"
    let diagnostics = SubmissionFile.validate(path: samplePath(sample), against: Programme.embeddedDefault())
      .result.diagnostics
    let cellDiagnostics = diagnostics.filter { $0.position.row != nil && $0.position.column != nil }
    #expect(cellDiagnostics.contains { $0.code.rawValue == "budget.sum" })
    let form = Multipart(
      fields: [("district", "074"), ("year", "2017")], file: (sample, try sampleBytes(sample)))
    let page = try await workspace.test { client in
      try await client.execute(uri: "/check", method: .post, headers: form.headers, body: form.buffer) {
        response in
        #expect(response.status == .ok)
        return response.text
      }
    }
    #expect(page.contains("id=\"verdict\""))
    #expect(page.contains("KHÔNG ĐẠT"))
    for diagnostic in cellDiagnostics {
      let column = diagnostic.position.columnLetter ?? ""
      let row = diagnostic.position.row ?? 0
      let anchor = "s0-\(column)\(row)"
      #expect(page.contains("<td id=\"\(anchor)\" class=\"sev-\(diagnostic.severity)\">"))
      #expect(page.contains("<a href=\"#\(anchor)\">\(diagnostic.position.cellReference)</a>"))
      #expect(page.contains(PortalHTML.e(MessageCatalog.message(diagnostic, in: .vi))))
    }
    // The grid has Excel's column letters and row numbers.
    #expect(page.contains("<th>A</th><th>B</th><th>C</th>"))
    #expect(page.contains("id=\"s0-r1\""))
  }

  @Test("pages are Vietnamese by default, English with ?lang=en or Accept-Language, and ?lang wins")
  func language() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try await workspace.test { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.text.contains("<html lang=\"vi\">"))
        #expect(response.text.contains("Kiểm tra và nộp"))
      }
      try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "en-US,en;q=0.9,vi;q=0.3"])
      {
        #expect($0.text.contains("<html lang=\"en\">"))
      }
      try await client.execute(uri: "/?lang=vi", method: .get, headers: [.acceptLanguage: "en-US,en"]) {
        #expect($0.text.contains("<html lang=\"vi\">"))
      }
      try await client.execute(uri: "/?lang=en", method: .get) {
        #expect($0.text.contains("Check and submit"))
      }
    }
  }

  @Test("every page is sent with a Content-Security-Policy allowing only its own style, and no script")
  func securityHeaders() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try await workspace.test { client in
      for uri in ["/", "/status", "/no-such-page"] {
        try await client.execute(uri: uri, method: .get) { response in
          let policy = response.headers[.contentSecurityPolicy] ?? ""
          #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
          #expect(!policy.contains("script"))
          #expect(response.headers[.xContentTypeOptions] == "nosniff")
          #expect(!response.text.contains("<script"))
        }
      }
    }
  }

  @Test("HTML in a cell value and in the file name is shown as text, never as markup")
  func htmlIsEscaped() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let csv = """
      district,plan_year,submitted_on,content,activity,implementer,beneficiary,place,unit,quantity,total,national,local,counterpart,other
      072,2017,2016-10-20,3.3,<script>alert(1)</script>,<img src=x onerror=alert(2)>,"Cơ sở ""A"" & B",Xã Khau Tinh,cơ sở,1,100,50,0,50,0

      """
    let form = Multipart(file: ("<i>plan.csv", Array(csv.utf8)))
    let page = try await workspace.test { client in
      try await client.execute(uri: "/check", method: .post, headers: form.headers, body: form.buffer) {
        $0.text
      }
    }
    #expect(!page.contains("<script>"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("<i>plan"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("&lt;img src=x onerror=alert(2)&gt;"))
    #expect(page.contains("&lt;i&gt;plan.csv"))
  }

  @Test("nothing is kept: the spool folder is empty after a check and after each refusal")
  func nothingKept() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let sample = "2017-072-na-hang-flat.csv"
    let form = Multipart(file: (sample, try sampleBytes(sample)))
    let truncated = ByteBuffer(bytes: Array(form.bytes.prefix(form.bytes.count - 40)))
    try await workspace.test({ $0.maxFileBytes = 4096 }) { client in
      try await client.execute(uri: "/check", method: .post, headers: form.headers, body: form.buffer) {
        #expect($0.status == .ok)
      }
      try await client.execute(uri: "/check", method: .post, headers: form.headers, body: truncated) {
        #expect($0.status == .badRequest)
      }
      let large = Multipart(file: ("big.csv", [UInt8](repeating: 0x41, count: 5000)))
      try await client.execute(uri: "/check", method: .post, headers: large.headers, body: large.buffer) {
        #expect($0.status == .contentTooLarge)
      }
    }
    #expect(try workspace.names(workspace.spool) == [])
    #expect(try workspace.names(workspace.inbox) == [])
    #expect(try workspace.names(workspace.store) == [])
  }

  @Test("an upload over the file limit is refused with 413, also when its length is announced")
  func oversized() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let large = Multipart(file: ("big.csv", [UInt8](repeating: 0x41, count: 200_000)))
    try await workspace.test({ $0.maxFileBytes = 100_000 }) { client in
      try await client.execute(uri: "/check", method: .post, headers: large.headers, body: large.buffer) {
        #expect($0.status == .contentTooLarge)
        #expect($0.text.contains("MiB"))
      }
      try await client.execute(uri: "/api/check", method: .post, headers: large.headers, body: large.buffer) {
        #expect($0.status == .contentTooLarge)
        #expect($0.text.contains("\"status\":413"))
      }
    }
  }

  @Test("empty, truncated and non-multipart bodies are refused with 400 or 415, never a crash")
  func brokenBodies() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let sample = "2017-072-na-hang-flat.csv"
    let form = Multipart(file: (sample, try sampleBytes(sample)))
    let noFile = Multipart(fields: [("district", "072")])
    // What a browser sends when no file was chosen: an empty part without a name.
    let emptyFile = Multipart(file: ("", []))
    try await workspace.test { client in
      let cases: [(HTTPFields, ByteBuffer?, HTTPResponse.Status)] = [
        (form.headers, nil, .badRequest),
        (form.headers, ByteBuffer(bytes: Array(form.bytes.prefix(200))), .badRequest),
        (form.headers, ByteBuffer(bytes: Array(form.bytes.dropLast(30))), .badRequest),
        (noFile.headers, noFile.buffer, .badRequest),
        (emptyFile.headers, emptyFile.buffer, .badRequest),
        (form.headers, ByteBuffer(string: "no boundary anywhere in this body"), .badRequest),
        ([.contentType: "text/csv"], ByteBuffer(bytes: try sampleBytes(sample)), .unsupportedMediaType),
        ([:], ByteBuffer(bytes: try sampleBytes(sample)), .unsupportedMediaType),
        ([.contentType: "multipart/form-data"], form.buffer, .unsupportedMediaType),
        ([.contentType: "multipart/form-data; boundary="], form.buffer, .unsupportedMediaType),
      ]
      for (headers, body, status) in cases {
        try await client.execute(uri: "/check", method: .post, headers: headers, body: body) {
          #expect($0.status == status)
        }
      }
    }
    #expect(try workspace.names(workspace.spool) == [])
  }

  @Test("/template gives what `khuyencong template` writes, as XML Spreadsheet or CSV")
  func template() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let programme = Programme.embeddedDefault()
    let district = try #require(programme.district(DistrictCode(rawValue: "072")))
    let xml = TemplateWriter.spreadsheetML(
      programme: programme, year: PlanYear(rawValue: 2018), district: district)
    let csv = TemplateWriter.csv(programme: programme, year: PlanYear(rawValue: 2018), district: district)
    try await workspace.test { client in
      try await client.execute(uri: "/template?district=072&year=2018&format=xml", method: .get) { response in
        #expect(response.status == .ok)
        #expect(Array(response.body.readableBytesView) == xml)
        #expect(response.headers[.contentDisposition]?.contains("ke-hoach-khuyen-cong-2018-072.xml") == true)
      }
      try await client.execute(uri: "/template?district=Na%20Hang&year=2018&format=csv", method: .get) {
        #expect(Array($0.body.readableBytesView) == csv)
      }
      for bad in ["district=999&year=2018", "district=072&year=abc", "district=072&year=2018&format=pdf"] {
        try await client.execute(uri: "/template?" + bad, method: .get) { #expect($0.status == .badRequest) }
      }
    }
  }

  @Test("unknown pages answer 404, and a token in a URL is refused before anything else")
  func notFoundAndTokenInURL() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    try await workspace.test { client in
      try await client.execute(uri: "/store/accepted/2017/072/x.csv", method: .get) {
        #expect($0.status == .notFound)
      }
      try await client.execute(uri: "/../../etc/passwd", method: .get) { #expect($0.status == .notFound) }
      try await client.execute(uri: "/status?token=kc_abc", method: .get) { response in
        #expect(response.status == .badRequest)
        #expect(response.text.contains("mã truy cập"))
      }
    }
  }

  @Test("a file with thousands of problems answers one bounded page: the first 1000 listed, the rest counted")
  func manyProblems() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    var csv =
      "district,plan_year,submitted_on,content,activity,implementer,beneficiary,place,unit,quantity,total,national,local,counterpart,other\n"
    for _ in 0..<1100 { csv += "072,2017,2016-10-20,3.3,,,,,cơ sở,1,100,50,0,40,0\n" }
    let form = Multipart(file: ("many.csv", Array(csv.utf8)))
    let page = try await workspace.test { client in
      try await client.execute(uri: "/check?lang=en", method: .post, headers: form.headers, body: form.buffer)
      {
        #expect($0.status == .ok)
        return $0.text
      }
    }
    #expect(page.contains("The page lists the first 1000 problems;"))
    #expect(page.components(separatedBy: "<tr class=\"d-").count - 1 == 1000)
    #expect(page.contains("more rows not shown"))
  }

  @Test("a cell merged across columns spans them in the grid, as Excel shows it")
  func mergedCells() async throws {
    let workspace = try PortalWorkspace()
    defer { workspace.remove() }
    let sample = "2017-074-ham-yen-form-v2.xml"
    let form = Multipart(file: (sample, try sampleBytes(sample)))
    let page = try await workspace.test { client in
      try await client.execute(uri: "/check", method: .post, headers: form.headers, body: form.buffer) {
        $0.text
      }
    }
    #expect(page.contains("colspan=\""))
    #expect(page.contains("ĐẠT"))
  }
}
