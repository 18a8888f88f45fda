import Foundation
@testable import KhuyenCong
import Testing

/// Small files that expand when read are stopped by the reading budget, with one `file.limit`
/// naming the limit, and honest files are not (issue 9, SPEC §4 `file.limit`).
@Suite("Reading budget")
struct ReadBudgetTests {
  private func read(_ bytes: [UInt8], name: String, chunkSize: Int = 4096, limits: ReadLimits = .standard)
    -> (report: ReadReport, rows: Int)
  {
    var source = MemorySource(bytes, chunkSize: chunkSize)
    var collector = WorkbookCollector()
    let report = WorkbookReader.read(&source, file: name, limits: limits, into: &collector)
    return (report, collector.sheets.map(\.rows.count).reduce(0, +))
  }

  private func limitReasons(_ report: ReadReport) -> [String] {
    report.diagnostics.filter { $0.code == .fileLimit }.compactMap { $0.values["reason"] }
  }

  /// A flat plan of `lines` lines, as CSV text (the same line repeated).
  private static let csvHeader =
    "district,plan_year,submitted_on,content,activity,implementer,beneficiary,place,total,national\n"

  @Test("an xlsx whose 400 rows point at one 32 767-character shared string stops at the cell-text limit")
  func oneLongSharedString() throws {
    let (report, sheets) = try readXLSXFixture("budget-one-long-string.xlsx")
    #expect(limitReasons(report) == ["cell-text"])
    #expect(report.isFatal)
    let delivered = sheets.first?.rows.count ?? 0
    #expect(delivered > 0 && delivered < 400)
    let limit = try #require(report.diagnostics.first { $0.code == .fileLimit }?.values["limit"])
    #expect(Int(limit).map { $0 >= 1 << 20 } == true)
  }

  @Test("an xlsx with 300 000 empty shared strings in 4 KB stops at the shared-string limit")
  func emptySharedStrings() throws {
    let (report, sheets) = try readXLSXFixture("budget-empty-shared-strings.xlsx")
    #expect(limitReasons(report) == ["shared-strings"])
    #expect(report.isFatal)
    #expect(sheets.isEmpty || sheets.allSatisfy { $0.rows.isEmpty })
  }

  @Test(
    "an xlsx of 13 KB that inflates to 24 MB of XML over its passes stops at the uncompressed-bytes limit")
  func xlsxInflatesTooMuch() throws {
    var limits = ReadLimits.standard
    limits.budget.uncompressedConstant = 1 << 20
    let (report, _) = try readXLSXFixture("two-6mb-sheets.xlsx", limits: limits)
    #expect(limitReasons(report) == ["uncompressed-bytes"])
    #expect(report.isFatal)
  }

  @Test("an xlsx of 60 000 tiny rows stops at the row limit in its first pass, before any row is delivered")
  func xlsxTinyRows() throws {
    let (report, sheets) = try readXLSXFixture("budget-tiny-rows.xlsx")
    #expect(limitReasons(report) == ["rows"])
    #expect(report.isFatal)
    #expect(sheets.allSatisfy { $0.rows.isEmpty })
    // Checked against the bytes read so far, not the whole sheet's 1.5 MB.
    let limit = try #require(report.diagnostics.first { $0.code == .fileLimit }?.values["limit"])
    #expect(Int(limit).map { $0 < 20_000 } == true)
  }

  @Test("an honest xlsx of 1500 rows passes the first pass's row count")
  func xlsxManyRowsWithinBudget() throws {
    let (report, sheets) = try readXLSXFixture("many-rows-deflated.xlsx")
    #expect(limitReasons(report).isEmpty)
    #expect(sheets.first?.rows.count == 1500)
  }

  @Test(
    "an xlsx sheet malformed at once counts the rest it inflates (to check its CRC-32) against the budget")
  func xlsxDrainCounted() throws {
    var limits = ReadLimits.standard
    limits.budget.uncompressedConstant = 1 << 20
    let (report, _) = try readXLSXFixture("budget-malformed-then-padding.xlsx", limits: limits)
    #expect(limitReasons(report) == ["uncompressed-bytes"])
    #expect(report.isFatal)
    // With the standard budget the same file is merely malformed.
    let (standard, _) = try readXLSXFixture("budget-malformed-then-padding.xlsx")
    #expect(limitReasons(standard).isEmpty)
    #expect(standard.diagnostics.contains { $0.code == .xmlMalformed })
  }

  @Test("an xlsx cell with 1000 attributes is refused before libxml2 parses it")
  func xlsxManyAttributes() throws {
    let (report, _) = try readXLSXFixture("budget-many-attributes.xlsx")
    #expect(limitReasons(report) == ["attributes-per-element"])
    #expect(report.diagnostics.first { $0.code == .fileLimit }?.values["limit"] == "256")
  }

  @Test(
    "an XML Spreadsheet cell with 300 000 attributes is refused at any chunk size",
    arguments: [1, 7, 4096])
  func spreadsheetMLManyAttributes(chunkSize: Int) {
    let count = chunkSize == 4096 ? 300_000 : 2_000
    let attributes = (0..<count).map { "a\($0)=\"1\"" }.joined(separator: " ")
    let xml =
      "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
      + "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"S\"><Table>"
      + "<Row><Cell \(attributes)><Data ss:Type=\"String\">x</Data></Cell></Row>"
      + "</Table></Worksheet></Workbook>"
    let (report, rows) = read(Array(xml.utf8), name: "attrs.xml", chunkSize: chunkSize)
    #expect(limitReasons(report) == ["attributes-per-element"])
    #expect(report.located == ["file.limit"])
    #expect(rows == 0)
  }

  @Test("200 attributes, '=' inside quoted values and in comments do not count against the limit")
  func attributesWithinLimit() {
    let attributes = (0..<200).map { "a\($0)=\"x=y=z\"" }.joined(separator: " ")
    let equals = String(repeating: "=", count: 1000)
    let xml =
      "<?xml version=\"1.0\"?><!-- \(equals) --><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
      + "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"S\"><Table>"
      + "<Row><Cell \(attributes)><Data ss:Type=\"String\">\(equals)</Data></Cell></Row>"
      + "</Table></Worksheet></Workbook>"
    let (report, rows) = read(Array(xml.utf8), name: "ok.xml", chunkSize: 3)
    #expect(report.diagnostics.isEmpty)
    #expect(rows == 1)
  }

  /// An XML Spreadsheet whose comment holds `body`.
  private static func spreadsheetML(comment body: String) -> [UInt8] {
    Array(
      ("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
        + "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"S\"><Table>"
        + "<Row><Cell><Data ss:Type=\"String\">x</Data></Cell></Row><!--" + body
        + "--></Table></Worksheet></Workbook>").utf8)
  }

  @Test(
    "a comment holding '--' ends the document there: malformed, said once (libxml2 copied the comment for each)",
    arguments: [7, 4096])
  func commentWithHyphens(chunkSize: Int) throws {
    let body = String(repeating: "x", count: 200_000) + String(repeating: "--y", count: 2_000)
    let (report, _) = read(Self.spreadsheetML(comment: body), name: "c.xml", chunkSize: chunkSize)
    let malformed = report.diagnostics.filter { $0.code == .xmlMalformed }
    #expect(malformed.count == 1)
    let reason = malformed.first.flatMap { $0.values["reason"] } ?? ""
    #expect(reason.hasPrefix("Double hyphen within comment"))
    #expect(report.isFatal)
  }

  @Test("the scanner ends a document at the first '--' inside a comment, in UTF-8 and UTF-16, across chunks")
  func scannerFindsBrokenComments() {
    func outcome(_ chunks: [[UInt8]]) -> [AttributeScanner.Outcome] {
      var scanner = AttributeScanner()
      return chunks.map { chunk in chunk.withUnsafeBytes { scanner.scan($0, maxAttributes: 256) } }
    }
    let bytes = { (text: String) in Array(text.utf8) }
    #expect(outcome([bytes("<a><!-- a - b --><b/></a>")]) == [.clean])
    #expect(outcome([bytes("<a><!-- a -- b --></a>")]) == [.brokenComment(end: 13)])
    #expect(outcome([bytes("<a><!-- a ---></a>")]) == [.brokenComment(end: 13)])
    #expect(outcome([bytes("<a><!-- a -"), bytes("- b --></a>")]) == [.clean, .brokenComment(end: 2)])
    // Not a comment: a declaration, a processing instruction, an attribute value.
    #expect(outcome([bytes("<?x a -- b?><!DOCTYPE a -- b><a t=\"--x\">-- x</a>")]) == [.clean])
    let utf16 = Array("<a><!-- a -- b --></a>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(outcome([utf16]) == [.brokenComment(end: 25)])
  }

  @Test("the scanner's verdict and rescan count do not depend on where chunks split the bytes")
  func scannerChunkInvariant() {
    // Every state and the bytes that leave it: quoted '>' and '<', '=' inside values and
    // text, both quotes, end tags, comments, processing instructions, CDATA.
    let piece =
      "<row r=\"1\" a='x>y' b=\"p<q\"><c t=\"s\">a=b &gt; c</c><!-- x > y --><?pi a>b?>"
      + "<![CDATA[ ]> ]]]> ]]><e f=\"'\" g='\"'/></row>\n"
    let document = Array(
      ("<?xml version=\"1.0\"?><sheet>" + String(repeating: piece, count: 40) + "</sheet>").utf8)
    func scan(chunk: Int) -> (AttributeScanner.Outcome, Int) {
      var scanner = AttributeScanner()
      var start = 0
      while start < document.count {
        let end = min(start + chunk, document.count)
        let outcome = document[start..<end].withUnsafeBytes {
          scanner.scan($0, maxAttributes: 3, maxRescan: .max)
        }
        if outcome != .clean { return (outcome, start) }
        start = end
      }
      return (.clean, scanner.rescan)
    }
    let whole = scan(chunk: document.count)
    #expect(whole.0 == .clean && whole.1 > 0)
    for chunk in [1, 2, 3, 5, 7, 13, 64, 511, 512, 513] {
      #expect(scan(chunk: chunk) == whole, "chunks of \(chunk) bytes")
    }
    // A fourth attribute is found wherever the chunks split it.
    var four = document
    four.insert(contentsOf: Array(" d=\"4\"".utf8), at: 40)
    for chunk in [1, 7, four.count] {
      var scanner = AttributeScanner()
      var outcomes: [AttributeScanner.Outcome] = []
      var start = 0
      while start < four.count {
        let end = min(start + chunk, four.count)
        outcomes.append(four[start..<end].withUnsafeBytes { scanner.scan($0, maxAttributes: 3) })
        start = end
      }
      #expect(outcomes.contains(.tooManyAttributes), "chunks of \(chunk) bytes")
    }
  }

  @Test("attributes passed over whole give the state machine's outcomes, counts and state")
  func scannerAttributesWhole() {
    // Random markup from the bytes that matter (quotes, '=', '<', '>', '/', '!', '-', '?',
    // '[', ']', a zero) and letters, scanned at several chunk sizes both ways.
    var generator = SplitMix(seed: 0xA77)
    let alphabet = Array("<<>>\"\"\"'==/!-?[]  abcr1".utf8) + [0]
    let pieces = ["<c r=\"A1\" s=\"0\" t=\"s\"><v>12</v></c>", "<row r=\"2\">", "</row>", "<a b='x'/>"]
    for round in 0..<300 {
      var document: [UInt8] = []
      for _ in 0..<Int(generator.next() % 60) {
        if generator.next() % 3 == 0 {
          document += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
        } else {
          document.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
        }
      }
      let maxAttributes = Int(generator.next() % 6)
      let maxRescan = Int(generator.next() % 200)
      for chunk in [1, 3, 17, max(1, document.count)] {
        func run(whole: Bool) -> [String] {
          var scanner = AttributeScanner()
          scanner.passesAttributesWhole = whole
          var seen: [String] = []
          var start = 0
          while start < document.count {
            let end = min(start + chunk, document.count)
            let outcome = document[start..<end].withUnsafeBytes {
              scanner.scan($0, maxAttributes: maxAttributes, maxRescan: maxRescan)
            }
            seen.append("\(outcome) \(scanner.rescan) \(scanner.closes) \(scanner.isBetweenConstructs)")
            if outcome != .clean { break }
            start = end
          }
          return seen
        }
        #expect(run(whole: true) == run(whole: false), "round \(round), chunks of \(chunk)")
      }
    }
  }

  @Test(
    "an xlsx found by fuzzing (2 MB of comment, a run of 3 781 hyphens, then damage) is refused as damaged")
  func fuzzCommentHyphens() throws {
    let (report, _) = try readXLSXFixture("fuzz-comment-hyphens.xlsx")
    #expect(report.diagnostics.map(\.code) == [.fileUnreadable])
    #expect(report.isFatal)
  }

  @Test(
    "a long comment with '>' in every piece is refused by the markup-rescan budget (libxml2 rescanned it for each)",
    arguments: [7, 4096])
  func commentWithManyGreaterThan(chunkSize: Int) {
    let body = String(repeating: String(repeating: "x", count: 99) + ">", count: 15_000)
    let (report, rows) = read(Self.spreadsheetML(comment: body), name: "c.xml", chunkSize: chunkSize)
    #expect(limitReasons(report) == ["markup-rescan"])
    #expect(report.isFatal)
    #expect(rows <= 1)
  }

  @Test("formulas holding '>' in 3 000 cells and a short comment with '>' cost no markup-rescan limit")
  func formulasWithGreaterThan() {
    let cell =
      "<Cell ss:Formula=\"=IF(RC[-1]&gt;0,IF(RC[-2]>1,RC[-1],0),0)\">"
      + "<Data ss:Type=\"Number\">1</Data></Cell>"
    let xml =
      "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
      + "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><!-- a > b --><Worksheet ss:Name=\"S\"><Table>"
      + String(repeating: "<Row>" + String(repeating: cell, count: 10) + "</Row>", count: 300)
      + "</Table></Worksheet></Workbook>"
    let (report, rows) = read(Array(xml.utf8), name: "f.xml")
    #expect(limitReasons(report).isEmpty)
    #expect(rows == 300)
  }

  @Test("an xlsx found by fuzzing (a 2.5 MB comment, half of it '>') is refused by the markup-rescan budget")
  func fuzzCommentRescan() throws {
    let (report, _) = try readXLSXFixture("fuzz-comment-rescan.xlsx")
    #expect(limitReasons(report) == ["markup-rescan"])
    #expect(report.isFatal)
  }

  @Test(
    "passing over bytes scanned cleanly from between constructs leaves the scanner as scanning them again would"
  )
  func scannerPassOver() {
    // A clean worksheet (no '>' inside a construct), then a part whose '>' inside comments
    // and values are charged: the charges and the verdict must not change when the second
    // look at the worksheet is passed over instead of scanned.
    let sheet = Array(
      ("<?xml version=\"1.0\"?><worksheet>"
        + String(repeating: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>", count: 30)
        + "</worksheet>\n").utf8)
    let next = Array(String(repeating: "<a b='x>y'><!-- p > q --></a>", count: 200).utf8)
    func run(passingOver: Bool, maxRescan: Int) -> (AttributeScanner.Outcome, Int, Int) {
      var scanner = AttributeScanner()
      let first = sheet.withUnsafeBytes { scanner.scan($0, maxAttributes: 8, maxRescan: maxRescan) }
      #expect(first == .clean && scanner.closes == 0 && scanner.isBetweenConstructs)
      if passingOver {
        scanner.pass(over: sheet.count)
      } else {
        #expect(sheet.withUnsafeBytes { scanner.scan($0, maxAttributes: 8, maxRescan: maxRescan) } == .clean)
      }
      let outcome = next.withUnsafeBytes { scanner.scan($0, maxAttributes: 8, maxRescan: maxRescan) }
      return (outcome, scanner.rescan, scanner.closes)
    }
    for maxRescan in [.max, 10_000, 500, 0] {
      #expect(run(passingOver: true, maxRescan: maxRescan) == run(passingOver: false, maxRescan: maxRescan))
    }
    #expect(run(passingOver: true, maxRescan: .max).1 > 0)
  }

  @Test("the scanner ends processing instructions at '?>' and CDATA sections at ']]>'")
  func scannerConstructs() {
    var scanner = AttributeScanner()
    let text = "<?pi a > b ?><a><![CDATA[ x > y ]] z ]]><!-- c > d --><b c=\">\"/></a>"
    let outcome = Array(text.utf8).withUnsafeBytes { scanner.scan($0, maxAttributes: 256, maxRescan: 0) }
    // Each '>' inside an open construct is charged (the first at least); none is left open.
    #expect(outcome == .tooMuchRescanning)
    var fresh = AttributeScanner()
    let closed = Array(text.utf8).withUnsafeBytes { fresh.scan($0, maxAttributes: 256, maxRescan: 1_000) }
    #expect(closed == .clean)
    #expect(fresh.rescan > 0)
    let after = Array("<c x='1'/>".utf8).withUnsafeBytes {
      fresh.scan($0, maxAttributes: 0, maxRescan: 1_000)
    }
    #expect(after == .tooManyAttributes)
  }

  @Test("a CSV plan followed by 200 000 rows of 'a' stops at the row limit")
  func csvRowsOfA() {
    let text =
      Self.csvHeader + "072,2017,24/10/2016,3.3,x,y,z,Yên Hoa,10,5\n"
      + String(repeating: "a\n", count: 200_000)
    let (report, rows) = read(Array(text.utf8), name: "rows.csv", chunkSize: 1 << 16)
    #expect(limitReasons(report) == ["rows"])
    #expect(report.isFatal)
    #expect(rows < 20_000)
  }

  @Test("an XML Spreadsheet followed by 40 000 rows of 'a' stops at the row limit")
  func spreadsheetMLRowsOfA() {
    let row = "<Row><Cell><Data ss:Type=\"String\">a</Data></Cell></Row>"
    let xml =
      "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
      + "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"S\"><Table>"
      + String(repeating: row, count: 40_000) + "</Table></Worksheet></Workbook>"
    let (report, rows) = read(Array(xml.utf8), name: "rows.xml")
    #expect(limitReasons(report) == ["rows"])
    #expect(rows < 40_000)
  }

  @Test("a CSV that repeats a long cell past a small cell-text budget stops there")
  func csvCellTextBudget() {
    var limits = ReadLimits.standard
    limits.budget.textConstant = 1000
    limits.budget.textPerByte = 0
    let text = String(repeating: String(repeating: "x", count: 100) + "\n", count: 50)
    let (report, rows) = read(Array(text.utf8), name: "text.csv", limits: limits)
    #expect(limitReasons(report) == ["cell-text"])
    #expect(report.diagnostics.first { $0.code == .fileLimit }?.values["limit"] == "1000")
    #expect(rows == 10)
  }

  @Test("a file past a small cell budget stops at the cells limit")
  func cellBudget() {
    var limits = ReadLimits.standard
    limits.budget.cellsConstant = 100
    limits.budget.bytesPerCell = 1 << 30
    let text = String(repeating: "a,b,c,d,e,f,g,h,i,j\n", count: 50)
    let (report, rows) = read(Array(text.utf8), name: "cells.csv", limits: limits)
    #expect(limitReasons(report) == ["cells"])
    #expect(rows == 10)
  }

  @Test(
    "every sample submission reads within the standard budget",
    arguments: try FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)
      .filter { !$0.hasSuffix(".md") }.sorted())
  func samplesWithinBudget(name: String) throws {
    let bytes = Array(try Data(contentsOf: samplesFolder.appendingPathComponent(name)))
    let (report, _) = read(bytes, name: name)
    #expect(limitReasons(report).isEmpty)
  }

  @Test("the file.limit message names the limit and its value, in Vietnamese and English")
  func limitMessage() {
    let diagnostic = Diagnostic(
      code: .fileLimit, severity: .error, position: Position(file: "a.xlsx"),
      values: ["reason": "cell-text", "limit": "1048576"])
    #expect(MessageCatalog.message(diagnostic, in: .en).contains("1048576"))
    #expect(MessageCatalog.message(diagnostic, in: .vi).contains("1048576"))
    #expect(MessageCatalog.message(diagnostic, in: .en).contains("cell text"))
    #expect(MessageCatalog.message(diagnostic, in: .vi).contains("chữ"))
  }
}

/// The repository's `samples/` folder.
let samplesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("samples")
