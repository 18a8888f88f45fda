import Testing

@testable import KhuyenCong

/// The rules that turn stored numbers into what the district saw: date formats, serial
/// dates, and the 15 significant digits spreadsheets show.
@Suite("XLSX value rules")
struct XLSXValueRulesTests {
  @Test(
    "format codes with a date or time letter outside quotes and brackets are dates",
    arguments: [
      ("dd/mm/yyyy", true), ("[$-42A]d mmmm yyyy", true), ("h:mm", true), ("[h]:mm:ss", true),
      ("yyyy\\-mm\\-dd\\ hh:mm:ss", true), ("General", false), ("#,##0 \"đ\"", false),
      ("\"TRUE\";\"TRUE\";\"FALSE\"", false), ("[Red]0.00", false), ("0.00E+00", false),
      ("_(* #,##0_)", false), ("@", false), ("0\\d", false),
    ])
  func dateFormats(code: String, isDate: Bool) {
    #expect(XLSXNumberFormat.isDate(code: code) == isDate)
  }

  @Test("built-in ids 14–22 and 45–47 are dates, others are not")
  func builtInDateIds() {
    #expect(
      (0...60).filter(XLSXNumberFormat.isBuiltInDate)
        == [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])
  }

  @Test(
    "serials of the 1900 system give the days Excel shows",
    arguments: [
      ("1", "1900-01-01"), ("59", "1900-02-28"), ("61", "1900-03-01"), ("42668", "2016-10-25"),
      ("2958465", "9999-12-31"), ("0.5", "1899-12-31T12:00:00"),
      ("42668.3526388889", "2016-10-25T08:27:48"), ("42668.0000000058", "2016-10-25T00:00:00.001"),
      ("4.2668E+4", "2016-10-25"),
    ])
  func serials1900(serial: String, expected: String) {
    #expect(XLSXSerialDate.dateTime(serial: serial[...], date1904: false)?.isoText == expected)
  }

  @Test(
    "serial 60 (the fictitious 1900-02-29), negatives and years after 9999 are not dates",
    arguments: ["60", "-1", "2958466", "abc", "1.2.3"])
  func notDates(serial: String) {
    #expect(XLSXSerialDate.dateTime(serial: serial[...], date1904: false) == nil)
  }

  @Test("a whole serial reads as the same serial written with a fraction, in both systems")
  func wholeSerials() {
    // Whole serials have a short cut from their bytes; ".0" takes the general reading.
    for serial in [
      "0", "1", "59", "60", "61", "42668", "0042668", "2958465", "2958466", "3000000", "3000001",
      "9999999", "12345678", "99999999",
    ] {
      for date1904 in [false, true] {
        #expect(
          XLSXSerialDate.dateTime(serial: serial[...], date1904: date1904)
            == XLSXSerialDate.dateTime(serial: (serial + ".0")[...], date1904: date1904),
          "\(serial), 1904: \(date1904)")
      }
    }
  }

  @Test(
    "a number cell in a date style decodes the same on the plain-decimal path or not",
    arguments: [
      "0", "1", "60", "42668", "-7", "0.5", "42668.3526388889", "42668.0000000058", "2958465",
      "2958466", "123456789012345", "1234567890123456", "4.2668E+4", " 42668 ", "-", "12a", "",
    ])
  func dateStyledNumbers(literal: String) {
    for date1904 in [false, true] {
      let decoder = XLSXCellDecoder(
        sharedStrings: XLSXStringTable(), styles: XLSXStyles(dateStyles: [false, true]),
        date1904: date1904)
      let raw = XLSXCellDecoder.RawCell(type: "n", style: 1, value: Array(literal.utf8), inline: nil)
      // The general path, as `decode` takes it for any literal that is not a plain decimal.
      let trimmed = XLSXCellDecoder.trimmed(literal)
      let expected: CellValue? =
        trimmed.isEmpty
        ? .empty
        : !XLSXCellDecoder.isNumberLiteral(trimmed)
          ? nil
          : XLSXSerialDate.dateTime(serial: trimmed, date1904: date1904).map { .dateTime($0) }
            ?? .number(XLSXNumberLiteral.displayed(trimmed))
      switch decoder.decode(raw) {
      case .success(let decoded): #expect(decoded.value == expected, "\(literal)")
      case .failure(let problem): #expect(expected == nil && problem.expected == "Number", "\(literal)")
      }
    }
  }

  @Test("the 1904 system counts from 1904-01-01 and has day 60")
  func serials1904() {
    #expect(XLSXSerialDate.dateTime(serial: "0", date1904: true)?.isoText == "1904-01-01")
    #expect(XLSXSerialDate.dateTime(serial: "60", date1904: true)?.isoText == "1904-03-01")
  }

  @Test(
    "literals longer than 15 significant digits are shown as spreadsheets show them",
    arguments: [
      ("2095.3899999999999999", "2095.39"), ("0.100000000000000000001", "0.1"),
      ("3380.12000000000000011", "3380.12"), ("-0.30000000000000004", "-0.3"),
      ("99999999999999999", "100000000000000000"), ("1.5E+3", "1.5E+3"), ("150", "150"),
      ("1.23456789012345678E+30", "1.23456789012346E+30"),
      ("0.000012345678901234567", "0.0000123456789012346"),
    ])
  func fifteenDigits(literal: String, shown: String) {
    #expect(XLSXNumberLiteral.displayed(literal[...]) == shown)
  }

  @Test(
    "a number cell decodes to what the 15-digit rule shows, on the plain-decimal path or not",
    arguments: [
      "0", "7", "-7", "150", "2017", "42667", "0.5", "-12.25", "123456789012345",
      "1234567890123456", "12345678901234.5", "1234567890123.45", "0.00000000000001",
      "00000000000000012", "2095.3899999999999999", "-0.30000000000000004", "5.", ".5", "-.5",
      "+3", "1E-3", "1.5E+3", " 42 ", "-", "1.2.3", "12a", "",
    ])
  func plainDecimals(literal: String) {
    let decoder = XLSXCellDecoder(sharedStrings: XLSXStringTable(), styles: XLSXStyles(), date1904: false)
    let raw = XLSXCellDecoder.RawCell(type: nil, style: 0, value: Array(literal.utf8), inline: nil)
    let trimmed = XLSXCellDecoder.trimmed(literal)
    let expected: CellValue? =
      trimmed.isEmpty
      ? .empty
      : XLSXCellDecoder.isNumberLiteral(trimmed) ? .number(XLSXNumberLiteral.displayed(trimmed)) : nil
    switch decoder.decode(raw) {
    case .success(let decoded): #expect(decoded.value == expected && decoded.textID == nil)
    case .failure(let problem): #expect(expected == nil && problem.expected == "Number")
    }
    if XLSXCellDecoder.isPlainDecimal(Array(literal.utf8)) {
      #expect(XLSXNumberLiteral.displayed(literal[...]) == literal)
    }
    // The SpreadsheetML reader takes the same short cut: the same value as its general path.
    let spreadsheetTrimmed = SpreadsheetMLValue.trimmed(literal)
    let spreadsheetExpected: CellValue? =
      spreadsheetTrimmed.isEmpty
      ? .empty
      : SpreadsheetMLValue.isNumberLiteral(spreadsheetTrimmed)
        ? .number(XLSXNumberLiteral.displayed(Substring(spreadsheetTrimmed))) : nil
    #expect(SpreadsheetMLValue.parse(type: "Number", text: literal) == spreadsheetExpected)
  }

  @Test(
    "number literals are the xsd:double form without INF and NaN",
    arguments: [
      ("12", true), ("-12.5", true), ("1E-3", true), (".5", true), ("5.", true), ("", false),
      ("1,5", false), ("INF", false), ("1E", false), ("--1", false),
    ])
  func numberLiterals(text: String, valid: Bool) {
    #expect(XLSXCellDecoder.isNumberLiteral(text[...]) == valid)
  }

  @Test("cell references and merged ranges parse to rows and columns")
  func references() {
    #expect(XLSXCellReference.parse("B2")?.column == 2)
    #expect(XLSXCellReference.parse("XFD1048576")?.row == 1_048_576)
    #expect(XLSXCellReference.parse("4A") == nil)
    #expect(
      XLSXCellReference.range("C3:D3").map { [$0.top, $0.left, $0.bottom, $0.right] } == [
        3, 3, 3, 4,
      ])
    #expect(XLSXCellReference.range("A1") == nil)
  }

  @Test("relationship targets resolve against the workbook's folder or the root")
  func targets() {
    #expect(
      XLSXRelationships.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
    #expect(
      XLSXRelationships.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
    #expect(XLSXRelationships.resolve("../x/s.xml", from: "xl/workbook.xml") == "x/s.xml")
    #expect(XLSXRelationships.partName(for: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
    #expect(XLSXRelationships.partName(for: "") == "_rels/.rels")
  }
}
