import Foundation
import KhuyenCong
import Testing

/// The public SpreadsheetML files (Excel and third-party exporters) read to the cells the
/// LibreOffice 7.4 oracle shows (Fixtures/Read/spreadsheetml/SOURCES.md).
///
/// Normalisation, because the oracle prints *formatted* values: a DateTime is compared as
/// LibreOffice's CSV writes it (`MM/DD/YYYY`, or `YYYY-MM-DD` for a `yyyy-mm-dd` style, plus
/// ` HH:MM:SS` when there is a time, the milliseconds cut); a number the oracle shows with `%`
/// is compared as 100 × our literal; a number the oracle shows as a date (a `dd/mm/yy` style on
/// a Number cell) is compared as a serial day since 1899-12-30; a number the oracle shows in
/// scientific notation is compared by decimal value. Text and every other number are
/// compared exactly.
///
/// Known oracle defects are explicit exceptions (SOURCES.md "Known disagreements"), each
/// compared to another expectation, never skipped:
/// - LibreOffice 7.4 drops `ss:Type="Boolean"` values: booleans are compared with Gnumeric's
///   `1`/`0`, and the LibreOffice cell must be empty (so the exception is only used where
///   the defect is).
/// - LibreOffice ignores `encoding="iso-8859-1"`: that file is compared with Gnumeric.
/// - LibreOffice shows `1900-01-01T12:00:00.000` as `60:00:00` (off by one day): those cells
///   are compared with the explicit value 1900-01-01 12:00.
/// - LibreOffice drops the text of a `<U>` run (and, seen here, of `<S>`, `<Sub>`, `<Sup>`
///   and outline/shadow/double-underline runs): rich_text_stress is compared with Gnumeric.
/// - LibreOffice recalculates formulas and shows `#NAME?` for Excel's `Comment()`; we use the
///   cached value as Excel does (SPEC: "formulas: the cached value"): comments_stress_test's
///   Sheet3 column B is compared with Gnumeric, which also shows the cached value.
/// - issue.2157.small.xml is not well-formed (undeclared HTML entities such as `&lambda;`):
///   LibreOffice recovers by dropping the `&`, Gnumeric does not read it at all; we report
///   `xml.malformed` at its line. It has its own test below, not this table.
@Suite("SpreadsheetML oracle conformance")
struct SpreadsheetMLOracleTests {
  static let files = [
    "roo-xls/numbers1.xml", "roo-xls/datetime.xml", "roo-xls/boolean.xml",
    "roo-xls/whitespace.xml", "roo-xls/formula.xml", "roo-xls/font_colors.xml",
    "sheetjs/merge_cells.xls.xml", "sheetjs/rich_text_stress.xls.xml",
    "sheetjs/comments_stress_test.xls.xml", "sheetjs/xlsx-stream-d-date-cell.xls.xml",
    "phpspreadsheet/excel2003.iso8859-1.xml", "phpspreadsheet/bug4669.xml",
  ]

  /// Files compared with Gnumeric as a whole, and why.
  static let gnumericFiles: [String: String] = [
    "phpspreadsheet/excel2003.iso8859-1.xml": "LibreOffice ignores the declared ISO-8859-1",
    "sheetjs/rich_text_stress.xls.xml": "LibreOffice drops the text of U, S, Sub, Sup … runs",
  ]

  /// Cells compared with Gnumeric, and why.
  static let gnumericCells: [String: String] = [
    "sheetjs/comments_stress_test.xls.xml Sheet3!B1": "LibreOffice recalculates Comment()",
    "sheetjs/comments_stress_test.xls.xml Sheet3!B2": "LibreOffice recalculates Comment()",
    "sheetjs/comments_stress_test.xls.xml Sheet3!B3": "LibreOffice recalculates Comment()",
  ]

  /// Cells compared with an explicit value (as our `displayText`), and why.
  static let explicitCells: [String: (String, String)] = [
    "sheetjs/xlsx-stream-d-date-cell.xls.xml Sheet1!B7": (
      "1900-01-01T12:00:00", "LibreOffice shows 60:00:00, one day off"
    ),
    "sheetjs/xlsx-stream-d-date-cell.xls.xml Sheet1!B10": (
      "1900-01-01T12:00:00", "LibreOffice shows 60:00:00, one day off"
    ),
  ]

  @Test("each public file reads to the oracle's cells", arguments: files)
  func matchesOracle(path: String) throws {
    let corpus = fixtureURL("Read/spreadsheetml/corpus")
    let (report, sheets) = readFixture("Read/spreadsheetml/corpus/" + path)
    #expect(!report.isFatal, "\(report.diagnostics.map(\.located))")
    let directory = (path as NSString).deletingLastPathComponent
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    #expect(!sheets.isEmpty)
    for (index, sheet) in sheets.enumerated() {
      let libreOffice = OracleCSV(
        url: corpus.appendingPathComponent("oracle/libreoffice-7.4/\(directory)/\(stem)-\(sheet.name).csv"))
      let gnumeric = OracleCSV(
        url: corpus.appendingPathComponent("oracle/gnumeric-1.12.55/\(directory)/\(stem).\(index).csv"))
      let wholeFileGnumeric = Self.gnumericFiles[path] != nil
      guard let primary = wholeFileGnumeric ? gnumeric : libreOffice else {
        Issue.record("no oracle CSV for \(path) sheet \(sheet.name)")
        continue
      }
      let lastRow = max(primary.rows.count, sheet.rows.last?.number ?? 0)
      let lastColumn = max(primary.rows.map(\.count).max() ?? 0, sheet.rows.map(\.lastColumn).max() ?? 0)
      guard lastRow > 0 else { continue }
      for row in 1...lastRow {
        for column in 1...max(lastColumn, 1) {
          let place = "\(sheet.name)!\(ColumnName.letters(column))\(row)"
          let key = "\(path) \(place)"
          let value = sheet[row, column]
          if let (expected, _) = Self.explicitCells[key] {
            #expect(value.displayText == expected, "\(key)")
            continue
          }
          if Self.gnumericCells[key] != nil {
            #expect(value.displayText == gnumeric?[row, column], "\(key)")
            continue
          }
          if case .boolean(let flag) = value {
            // LibreOffice 7.4 drops booleans; Gnumeric shows 1/0.
            #expect(libreOffice?[row, column] == "", "\(key) LibreOffice now shows booleans?")
            #expect(gnumeric?[row, column] == (flag ? "1" : "0"), "\(key)")
            continue
          }
          let oracle = primary[row, column]
          #expect(Self.matches(value, oracle), "\(key): read \(value), oracle \(oracle)")
        }
      }
    }
  }

  /// Our value against the oracle's text, with the normalisation documented on the suite.
  static func matches(_ value: CellValue, _ oracle: String) -> Bool {
    switch value {
    case .empty: return oracle.isEmpty
    case .text(let text): return text == oracle
    case .error(let code): return code == oracle
    case .boolean: return false
    case .dateTime(let date): return libreOfficeDate(oracle) == truncatedToSeconds(date)
    case .number(let literal):
      if literal == oracle { return true }
      if let shown = libreOfficeDate(oracle), let days = Int(literal) {
        return shown == CivilDateTime(date: CivilDate(daysSinceEpoch: days - 25_569))
      }
      if oracle.hasSuffix("%"), let percent = Decimal(string: String(oracle.dropLast())),
        let number = Decimal(string: literal)
      {
        return number * 100 == percent
      }
      if oracle.contains("E"), let shown = Decimal(string: oracle), let number = Decimal(string: literal) {
        return shown == number
      }
      return false
    }
  }

  /// Parses `MM/DD/YYYY[ HH:MM:SS]` or `YYYY-MM-DD[ HH:MM:SS]`: how LibreOffice 7.4's CSV
  /// export writes a date-time cell (the second for a `yyyy-mm-dd` style).
  static func libreOfficeDate(_ text: String) -> CivilDateTime? {
    let parts = text.split(separator: " ")
    guard parts.count == 1 || parts.count == 2 else { return nil }
    var fields: [Int]
    if parts[0].contains("/") {
      let mdy = parts[0].split(separator: "/").compactMap { Int($0) }
      guard mdy.count == 3 else { return nil }
      fields = [mdy[2], mdy[0], mdy[1]]
    } else {
      fields = parts[0].split(separator: "-").compactMap { Int($0) }
      guard fields.count == 3, parts[0].count == 10 else { return nil }
    }
    var time = [0, 0, 0]
    if parts.count == 2 {
      time = parts[1].split(separator: ":").compactMap { Int($0) }
      guard time.count == 3 else { return nil }
    }
    guard let day = CivilDate.valid(year: fields[0], month: fields[1], day: fields[2]) else { return nil }
    return CivilDateTime(
      year: day.year, month: day.month, day: day.day, hour: time[0], minute: time[1], second: time[2])
  }

  /// The oracle prints no milliseconds (it cuts them: 08:27:48.765 shows as 08:27:48).
  static func truncatedToSeconds(_ date: CivilDateTime) -> CivilDateTime {
    var copy = date
    copy.millisecond = 0
    return copy
  }
}

extension CivilDateTime {
  /// Midnight of `date`.
  init(date: CivilDate) { self.init(year: date.year, month: date.month, day: date.day) }
}
