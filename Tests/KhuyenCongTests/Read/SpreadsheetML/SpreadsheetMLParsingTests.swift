import Foundation
import KhuyenCong
import Testing

/// The SAX way (`SpreadsheetMLReader.Parsing.fastest`) against the pull reader's: the same
/// report and the same rows, in the same order, for clean documents and for documents cut,
/// damaged or refused at many places (where the SAX way must give up and hand over to the
/// pull reader without delivering a row twice, or one the pull reader would not have).
@Suite("SpreadsheetML: the SAX way reads as the pull reader does")
struct SpreadsheetMLParsingTests {
  /// Both ways over `bytes` at `chunkSize`.
  static func both(
    _ bytes: [UInt8], chunkSize: Int = 4096, limits: ReadLimits = .standard
  ) -> (fast: (ReadReport, [CollectedSheet]), pulled: (ReadReport, [CollectedSheet])) {
    func read(_ parsing: SpreadsheetMLReader.Parsing) -> (ReadReport, [CollectedSheet]) {
      var source = MemorySource(bytes, chunkSize: chunkSize)
      var collector = WorkbookCollector()
      let report = SpreadsheetMLReader.read(
        &source, file: "plan.xml", limits: limits, parsing: parsing, into: &collector)
      return (report, collector.sheets)
    }
    return (read(.fastest), read(.pullReader))
  }

  static func expectSame(
    _ bytes: [UInt8], _ label: String, chunkSize: Int = 4096, limits: ReadLimits = .standard,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let (fast, pulled) = both(bytes, chunkSize: chunkSize, limits: limits)
    #expect(fast.0 == pulled.0, "\(label): report", sourceLocation: sourceLocation)
    #expect(
      fast.1 == pulled.1,
      "\(label): rows \(fast.1.map(\.rows.count)) against \(pulled.1.map(\.rows.count))",
      sourceLocation: sourceLocation)
  }

  /// A district plan of `rows` lines on two sheets (the second hidden), with Vietnamese text,
  /// numbers, dates, merged cells, skipped columns, rich text and comments: about 300 bytes a
  /// line, so a few hundred lines span several of the SAX way's 64 KiB pieces.
  static func plan(rows: Int) -> [UInt8] {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <?mso-application progid="Excel.Sheet"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
       xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"
       xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
      <Worksheet ss:Name="Kế hoạch &amp; dự toán"><Table>
      <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">KẾ HOẠCH KHUYẾN CÔNG NĂM 2017</Data></Cell></Row>
      <Row ss:Index="3"><Cell><Data ss:Type="String">STT</Data></Cell><Cell><Data ss:Type="String">Nội dung</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">Kinh phí</Data></Cell></Row>

      """
    for line in 1...rows {
      let district = ["Lâm Bình", "Hàm Yên", "Na Hang"][line % 3]
      xml += "<Row ss:AutoFitHeight=\"0\"><Cell><Data ss:Type=\"Number\">\(line)</Data></Cell>"
      xml += "<Cell><Data ss:Type=\"String\">Đào tạo nghề dệt thổ cẩm tại \(district), lớp \(line)</Data>"
      xml += "<Comment ss:Author=\"x\"><ss:Data>ghi chú</ss:Data></Comment></Cell>"
      xml += "<Cell ss:Index=\"4\"><Data ss:Type=\"Number\">\(line * 1_500_000)</Data></Cell>"
      if line % 7 == 0 {
        xml += "<Cell><ss:Data ss:Type=\"String\" xmlns=\"http://www.w3.org/TR/REC-html40\">"
        xml += "<B>Ưu tiên</B><Font> hộ nghèo</Font></ss:Data></Cell>"
      }
      if line % 11 == 0 {
        xml +=
          "<Cell ss:MergeDown=\"1\"><Data ss:Type=\"DateTime\">2017-03-0\(line % 9 + 1)T00:00:00.000</Data></Cell>"
      }
      xml += "</Row>\n"
      if line % 50 == 0 { xml += "<!-- phần \(line / 50) -->\n" }
    }
    xml += """
      </Table></Worksheet>
      <Worksheet ss:Name="Ẩn"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
      <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
      </Worksheet>
      </Workbook>

      """
    return Array(xml.utf8)
  }

  @Test("every SpreadsheetML fixture, sample and fuzz seed reads alike both ways, at chunk sizes 4096 and 7")
  func everyFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../..").standardizedFileURL
    var paths: [URL] = []
    for folder in ["samples", "fuzz/seeds/spreadsheetml", "Tests/KhuyenCongTests/Fixtures"] {
      let base = root.appendingPathComponent(folder)
      let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
      while let url = walker?.nextObject() as? URL {
        if url.pathExtension == "xml" || folder.hasPrefix("fuzz") { paths.append(url) }
      }
    }
    try #require(paths.count >= 20, "found \(paths.count) files under \(root.path)")
    for url in paths.sorted(by: { $0.path < $1.path }) {
      guard let data = try? Data(contentsOf: url), !data.isEmpty else { continue }
      Self.expectSame([UInt8](data), url.lastPathComponent)
      Self.expectSame([UInt8](data), url.lastPathComponent + " by 7", chunkSize: 7)
    }
  }

  @Test("a plan of several 64 KiB pieces reads alike both ways, whole and in UTF-16")
  func wholePlan() throws {
    let bytes = Self.plan(rows: 900)
    try #require(bytes.count > 4 * 65_536)
    let (fast, _) = Self.both(bytes)
    #expect(fast.0.diagnostics.isEmpty)
    #expect(fast.1.first?.rows.count == 902)
    Self.expectSame(bytes, "whole")
    let text = String(decoding: bytes, as: UTF8.self)
      .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    Self.expectSame(utf16, "UTF-16")
  }

  /// Places to damage the plan at: spread over it, and around each 64 KiB boundary.
  static func places(in count: Int) -> [Int] {
    var places = Set(stride(from: 97, to: count, by: count / 23))
    for boundary in stride(from: 65_536, to: count, by: 65_536) {
      for offset in [-300, -1, 0, 1, 511, 4_096] where boundary + offset < count {
        places.insert(boundary + offset)
      }
    }
    return places.sorted()
  }

  @Test("a plan cut short anywhere reads alike both ways")
  func cut() {
    let bytes = Self.plan(rows: 700)
    for place in Self.places(in: bytes.count) {
      Self.expectSame(Array(bytes[..<place]), "cut at \(place)")
    }
  }

  @Test(
    "a plan damaged anywhere reads alike both ways",
    arguments: [
      "<", "&bogus;", "<!DOCTYPE x>", "<!-- -- -->", "\u{FF}", "</Row>", "<Row/><Row ss:Index=\"1\"/>",
      "<u:Row/>", "<Cell ss:Index=\"1\" ss:Index=\"2\"/>", "<x xml:id=\"1 2\"/>",
      "<x xml:id=\"a\"/><y xml:id=\"a\"/>",
    ])
  func damaged(insert: String) {
    let bytes = Self.plan(rows: 600)
    let text = Array(insert.utf8)
    for place in Self.places(in: bytes.count) {
      Self.expectSame(Array(bytes[..<place]) + text + bytes[place...], "\(insert) at \(place)")
    }
  }

  @Test("a long comment before the damage, and a text run of 10 MB, read alike both ways")
  func longConstructs() {
    let bytes = Self.plan(rows: 400)
    let comment = Array(("<!--" + String(repeating: "chú thích ", count: 12_000) + "-->").utf8)
    for place in Self.places(in: bytes.count).prefix(12) {
      let damaged = Array(bytes[..<place]) + comment + Array("<".utf8) + bytes[place...]
      Self.expectSame(damaged, "comment then < at \(place)")
    }
    // After the last row: the pull reader refuses the text node, SAX has no such limit.
    let text = String(decoding: bytes, as: UTF8.self)
    let end = text.utf8.distance(
      from: text.startIndex, to: text.range(of: "</Row>", options: .backwards)!.upperBound)
    let blank = [UInt8](repeating: 0x20, count: 10_000_100)
    Self.expectSame(Array(bytes[..<end]) + blank + bytes[end...], "10 MB of spaces")
  }

  @Test("a sheet's visibility written past its first 64 bytes, in pieces, reads alike both ways")
  func visibility() {
    let text = String(decoding: Self.plan(rows: 3), as: UTF8.self)
    for visible in [
      String(repeating: "ẩn ", count: 150) + "SheetHidden", "Sheet&amp;Hidden SheetHidden",
      String(repeating: "x", count: 70) + "&amp;SheetHidden",
      String(repeating: "x", count: 60) + "<!-- -->SheetHidden",
    ] {
      let bytes = text.replacingOccurrences(
        of: "<Visible>SheetHidden</Visible>", with: "<Visible>\(visible)</Visible>")
      Self.expectSame(Array(bytes.utf8), visible)
    }
  }

  /// A sheet of `rows` short rows, whole or around `middle`.
  static func sheet(_ rows: ClosedRange<Int>, middle: String = "", then more: ClosedRange<Int>? = nil)
    -> String
  {
    func lines(_ range: ClosedRange<Int>) -> String {
      range.map {
        "<Row><Cell><Data ss:Type=\"String\">dòng \($0)</Data></Cell><Cell><Data ss:Type=\"Number\">\($0)</Data></Cell></Row>\n"
      }
      .joined()
    }
    return """
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
      <Worksheet ss:Name="A"><Table>
      \(lines(rows))\(middle)\(more.map(lines) ?? "")</Table></Worksheet></Workbook>

      """
  }

  @Test(
    "nesting past 256, markup rescanned past the allowance, a second UTF-16 declaration and TSCII read alike both ways (found by review)"
  )
  func reviewed() {
    for depth in [249, 250, 255, 256, 257] {
      let nest = String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "\n"
      Self.expectSame(Array(Self.sheet(1...5, middle: nest, then: 6...3000).utf8), "depth \(depth)")
    }
    // A `>` every 512 bytes of a comment: the pull reader, counting its allowance from 512-byte
    // pieces, stops where SAX's 64 KiB pieces would still be allowed.
    for blocks in [255, 258, 261, 264] {
      let comment =
        "<!--" + String(repeating: String(repeating: "a", count: 511) + ">", count: blocks) + "-->\n"
      Self.expectSame(
        Array(Self.sheet(1...5, middle: comment, then: 6...6000).utf8), "rescan \(blocks)", chunkSize: 65_536)
    }
    for declared in ["UTF-16BE", "UTF-16LE", "UCS-2", "UTF-16", "UTF-32"] {
      let text = "<?xml version=\"1.0\" encoding=\"\(declared)\"?>\n" + Self.sheet(1...20)
      for bigEndian in [false, true] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
          bytes +=
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        Self.expectSame(bytes, "\(declared) \(bigEndian ? "BE" : "LE")")
      }
    }
    // TSCII turns byte 0x82 into four characters, which libxml2 decoded differently from one
    // read to the next: both ways now refuse it at its declaration (SpreadsheetMLEncodingTests).
    var tscii = Array(
      """
      <?xml version="1.0" encoding="TSCII"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>

      """.utf8)
    for row in 1...3000 {
      tscii +=
        Array("<Row><Cell><Data>".utf8) + [UInt8](repeating: 0x82, count: 20)
        + Array("\(row)</Data></Cell></Row>\n".utf8)
    }
    tscii += Array("</Table></Worksheet></Workbook>\n".utf8)
    Self.expectSame(tscii, "TSCII")
  }

  @Test("a budget crossed part way reads alike both ways (the SAX way reads further ahead)")
  func budget() {
    let bytes = Self.plan(rows: 900)
    for perRow in [300, 340, 400] {
      var allowance = ReadBudget.Allowance.standard
      allowance.xmlBytesPerRow = perRow
      allowance.rowsConstant = 5
      var limits = ReadLimits.standard
      limits.budget = allowance
      let (fast, _) = Self.both(bytes, limits: limits)
      Self.expectSame(bytes, "\(perRow) bytes a row", limits: limits)
      if perRow == 400 { #expect(fast.0.diagnostics.map(\.code) == [.fileLimit]) }
    }
  }
}
