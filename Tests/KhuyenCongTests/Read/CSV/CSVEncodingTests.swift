import Testing

@testable import KhuyenCong

@Suite("CSV encodings: one plan, every way Excel and old tools save it")
struct CSVEncodingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var encoding: String
    var delimiter: Character
    var testDescription: String { encoding }
  }

  static let cases: [Case] = [
    Case(file: "plan-utf8.csv", encoding: "UTF-8", delimiter: ","),
    Case(file: "plan-utf8-bom.csv", encoding: "UTF-8 (BOM)", delimiter: ","),
    Case(file: "plan-utf16le-bom-tab.txt", encoding: "UTF-16LE (BOM)", delimiter: "\t"),
    Case(file: "plan-utf16be-bom-tab.txt", encoding: "UTF-16BE (BOM)", delimiter: "\t"),
    Case(file: "plan-windows1258-semicolon.csv", encoding: "Windows-1258", delimiter: ";"),
    Case(file: "plan-tcvn3.csv", encoding: "TCVN3", delimiter: ","),
  ]

  @Test("the encoding and delimiter are detected", arguments: cases)
  func detection(of fixture: Case) throws {
    let result = readCSV(try csvFixture("encodings/\(fixture.file)"))
    #expect(result.report.encoding == fixture.encoding)
    #expect(result.report.delimiter == fixture.delimiter)
  }

  @Test("every encoding reads to the same NFC cells as the UTF-8 file", arguments: cases)
  func sameCells(as fixture: Case) throws {
    let reference = readCSV(try csvFixture("encodings/plan-utf8.csv"))
    let result = readCSV(try csvFixture("encodings/\(fixture.file)"))
    #expect(result.rows == reference.rows)
    #expect(result.sheets.map(\.name) == ["plan"])
  }

  @Test("the Vietnamese text is read exactly, composed to NFC")
  func vietnameseText() throws {
    let result = readCSV(try csvFixture("encodings/plan-windows1258-semicolon.csv"))
    #expect(result.text(1, 1) == "UBND HUYỆN LÂM BÌNH")
    #expect(result.text(3, 1) == "Lâm Bình, ngày 25 tháng 10 năm 2016")
    #expect(result.text(6, 3) == "Đào tạo nghề mây tre đan")
    #expect(result.text(6, 4) == "Thượng Lâm")
    #expect(result.text(6, 6) == "150,5")
    for row in result.rows {
      for cell in row.cells {
        let text = cell.value.displayText
        #expect(text == text.precomposedStringWithCanonicalMapping)
      }
    }
  }

  @Test(
    "Windows-1258 and UTF files raise no diagnostic",
    arguments: cases.filter { $0.encoding != "TCVN3" })
  func noDiagnostics(for fixture: Case) throws {
    #expect(readCSV(try csvFixture("encodings/\(fixture.file)")).report.diagnostics.isEmpty)
  }

  @Test("TCVN3 text is converted, and an info diagnostic says so")
  func tcvn3IsReported() throws {
    let result = readCSV(try csvFixture("encodings/plan-tcvn3.csv"), file: "lam-binh.csv")
    #expect(result.located == ["file.encoding"])
    let diagnostic = try #require(result.report.diagnostics.first)
    #expect(diagnostic.severity == .info)
    #expect(diagnostic.values == ["encoding": "TCVN3"])
    #expect(!result.report.isFatal)
  }

  @Test(
    "the programme's indicator list is told apart in Windows-1258 and TCVN3",
    arguments: [("indicators-windows1258.csv", "Windows-1258"), ("indicators-tcvn3.csv", "TCVN3")])
  func windows1258OrTCVN3(file: String, encoding: String) throws {
    let reference = readCSV(try csvFixture("encodings/indicators-utf8.csv"))
    let result = readCSV(try csvFixture("encodings/\(file)"))
    #expect(result.report.encoding == encoding)
    #expect(result.report.delimiter == ";")
    #expect(result.rows == reference.rows)
    #expect(result.text(8, 2) == "Lần bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh")
  }

  @Test("a short Windows-1258 line is not taken for TCVN3")
  func shortWindows1258() {
    // "Lâm Bình;Thượng Lâm" as Excel writes it in code page 1258
    let bytes: [UInt8] = [
      0x4C, 0xE2, 0x6D, 0x20, 0x42, 0x69, 0xCC, 0x6E, 0x68, 0x3B,
      0x54, 0x68, 0xFD, 0xF5, 0xF2, 0x6E, 0x67, 0x20, 0x4C, 0xE2, 0x6D,
    ]
    let result = readCSV(bytes)
    #expect(result.report.encoding == "Windows-1258")
    #expect(result.rows.first?.cells.map(\.value.displayText) == ["Lâm Bình", "Thượng Lâm"])
  }

  @Test("a short TCVN3 line is recognised")
  func shortTCVN3() {
    // "Lâm Bình;Thượng Lâm" typed with an ABC font
    let bytes: [UInt8] = [
      0x4C, 0xA9, 0x6D, 0x20, 0x42, 0xD7, 0x6E, 0x68, 0x3B,
      0x54, 0x68, 0xAD, 0xEE, 0x6E, 0x67, 0x20, 0x4C, 0xA9, 0x6D,
    ]
    let result = readCSV(bytes)
    #expect(result.report.encoding == "TCVN3")
    #expect(result.rows.first?.cells.map(\.value.displayText) == ["Lâm Bình", "Thượng Lâm"])
  }
}
