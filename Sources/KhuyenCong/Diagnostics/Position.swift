/// Where a problem is, as the district sees it in its spreadsheet.
///
/// Every field but `file` is optional: a file-level problem has no sheet, a header problem
/// has a row but maybe no column, a missing column has neither.
public struct Position: Hashable, Sendable, Codable {
  /// The file name as submitted (no directories).
  public var file: String
  /// The sheet name (`Sheet1` for CSV, as Excel names the only sheet of a CSV file).
  public var sheet: String?
  /// 1-based row number (CSV: record number, the row Excel shows).
  public var row: Int?
  /// 1-based column number; rendered as a letter.
  public var column: Int?
  /// For a file that is not a spreadsheet grid (XML): the line in the file.
  public var line: Int?

  /// Creates a position.
  public init(
    file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil,
    line: Int? = nil
  ) {
    self.file = file
    self.sheet = sheet
    self.row = row
    self.column = column
    self.line = line
  }

  /// The column as Excel names it, if any.
  public var columnLetter: String? { column.map(ColumnName.letters) }

  /// `Sheet1!C12`, `Sheet1!12:12`, `Sheet1`, `line 40`, or `""`: the cell reference a
  /// spreadsheet user types into the Name Box.
  public var cellReference: String {
    var text = ""
    if let sheet { text = sheet }
    if let row {
      let cell = column.map { ColumnName.letters($0) + String(row) } ?? "\(row):\(row)"
      text += text.isEmpty ? cell : "!" + cell
    } else if let column {
      let letters = ColumnName.letters(column)
      text += (text.isEmpty ? "" : "!") + letters + ":" + letters
    }
    if let line { text += (text.isEmpty ? "" : " ") + "line \(line)" }
    return text
  }

  /// The same place in another column of the same row.
  public func at(column: Int?) -> Position {
    var copy = self
    copy.column = column
    return copy
  }
}
