import Foundation
import KhuyenCong

/// The bytes of `Fixtures/Read/xlsx/<name>`.
func xlsxFixture(_ name: String) throws -> [UInt8] {
  let url = fixtureURL("Read/xlsx").appendingPathComponent(name)
  return Array(try Data(contentsOf: url))
}

/// Reads a fixture with `XLSXReader`, delivering the file in chunks of `chunkSize`.
func readXLSXFixture(
  _ name: String, chunkSize: Int = 4096, limits: ReadLimits = .standard
) throws -> (report: ReadReport, sheets: [CollectedSheet]) {
  var source = MemorySource(try xlsxFixture(name), chunkSize: chunkSize)
  var collector = WorkbookCollector()
  let report = XLSXReader.read(&source, file: name, limits: limits, into: &collector)
  return (report, collector.sheets)
}

/// A sheet as the grid of texts a spreadsheet's CSV export shows: rows 1...last, columns
/// 1...widest, empty strings where there is nothing.
func xlsxGrid(_ sheet: CollectedSheet) -> [[String]] {
  let lastRow = sheet.rows.last?.number ?? 0
  let width = sheet.rows.map(\.lastColumn).max() ?? 0
  return (1...max(lastRow, 1)).map { row in
    (1...max(width, 1)).map { sheet[row, $0].displayText }
  }
}

/// The fields of a small CSV written by soffice (`,`, `"` quoting, no embedded newlines).
func xlsxOracleCSV(_ name: String) throws -> [[String]] {
  let text = String(decoding: try xlsxFixture(name), as: UTF8.self)
  return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
    var fields: [String] = []
    var field = ""
    var quoted = false
    var previous: Character?
    for character in line {
      if quoted {
        if character == "\"" {
          quoted = false
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        if previous == "\"" { field.append("\"") }
        quoted = true
      } else if character == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
      previous = character
    }
    fields.append(field)
    return fields
  }
}

extension ReadReport {
  /// `code place part` for each diagnostic, as tests compare them.
  var located: [String] {
    diagnostics.map { d in
      [d.located, d.values["part"]].compactMap { $0 }.joined(separator: " ")
    }
  }
}
