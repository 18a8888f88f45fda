import Foundation

/// A CSV file written by an oracle (LibreOffice or Gnumeric), as a grid of strings.
struct OracleCSV {
  var rows: [[String]]

  /// Parses RFC 4180 CSV (quotes, doubled quotes, embedded newlines); `nil` when absent.
  init?(url: URL) {
    guard let data = try? Data(contentsOf: url) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    while let char = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if char == "\"" {
          if let next = iterator.next() {
            if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
          } else {
            quoted = false
          }
        } else {
          field.append(char)
        }
      } else if char == "\"" {
        quoted = true
      } else if char == "," {
        row.append(field); field = ""
      } else if char == "\n" || char == "\r\n" {
        row.append(field); field = ""
        rows.append(row); row = []
      } else {
        field.append(char)
      }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    self.rows = rows
  }

  /// The text at a 1-based row and column; empty outside the grid.
  subscript(row: Int, column: Int) -> String {
    guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return "" }
    return rows[row - 1][column - 1]
  }
}
