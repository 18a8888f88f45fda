/// One worksheet to write as SpreadsheetML: column widths, rows, and how many rows to freeze.
struct SpreadsheetMLWorksheet: Sendable {
  /// The sheet name (Excel: at most 31 characters, none of `:\/?*[]`).
  var name: String
  /// Widths in points, column A first.
  var columnWidths: [Int]
  var rows: [SpreadsheetMLRow]
  /// Rows kept in view when scrolling (the title and header); 0 for none.
  var frozenRows: Int
  /// Excel drop-down lists on ranges of this sheet.
  var dataValidations: [SpreadsheetMLDataValidation] = []
  /// Whether the sheet's head was written (`flushRows`).
  var headWritten = false
  /// The number of the last row written and let go (`flushRows`).
  var writtenRow = 0

  /// Creates a sheet.
  init(name: String, columnWidths: [Int], rows: [SpreadsheetMLRow] = [], frozenRows: Int = 0) {
    self.name = name
    self.columnWidths = columnWidths
    self.rows = rows
    self.frozenRows = frozenRows
  }

  /// The number the next appended row gets.
  var nextRowNumber: Int { (rows.last?.number ?? writtenRow) + 1 }

  /// Lets the rows written go (`flushRows`).
  mutating func dropRows() { rows.removeAll(keepingCapacity: true) }

  /// Appends a row after the last one.
  mutating func append(_ cells: [SpreadsheetMLCell], height: Int? = nil) {
    rows.append(SpreadsheetMLRow(number: nextRowNumber, cells: cells, height: height))
  }

  /// Leaves `count` empty rows.
  mutating func skip(_ count: Int = 1) {
    let number = nextRowNumber + count - 1
    rows.append(SpreadsheetMLRow(number: number, cells: [], height: nil))
  }
}

/// One row; cells may skip columns (written with `ss:Index`).
struct SpreadsheetMLRow: Sendable {
  /// 1-based row number; rows must be written in increasing order.
  var number: Int
  var cells: [SpreadsheetMLCell]
  /// Height in points when the row needs more than one line.
  var height: Int?
}

/// One cell at a 1-based column.
struct SpreadsheetMLCell: Sendable {
  /// What a cell holds; `nil` for a styled empty cell (a bordered blank to fill in).
  enum Value: Sendable {
    case text(String)
    /// A decimal literal written as is (`1234.5`): exact, no floating point on the way.
    case number(String)
  }

  var column: Int
  var value: Value?
  var style: SpreadsheetMLStyle
  var mergeAcross: Int = 0
  var mergeDown: Int = 0
  /// An Excel formula in R1C1 notation (`=SUM(R[1]C:R[1]C)`), written as `ss:Formula`
  /// without a cached value: Excel and LibreOffice compute it on opening.
  var formula: String?

  /// A text cell.
  static func text(
    _ column: Int, _ text: String, _ style: SpreadsheetMLStyle = .text,
    across: Int = 0, down: Int = 0
  ) -> Self {
    Self(column: column, value: .text(text), style: style, mergeAcross: across, mergeDown: down)
  }

  /// A number cell from an exact decimal literal.
  static func number(_ column: Int, _ literal: String, _ style: SpreadsheetMLStyle = .number)
    -> Self
  {
    Self(column: column, value: .number(literal), style: style)
  }

  /// A money cell in triệu đồng.
  static func money(_ column: Int, _ money: Money, _ style: SpreadsheetMLStyle = .number) -> Self {
    number(column, money.trieuText, style)
  }

  /// A formula cell (R1C1 notation) with no cached value.
  static func formula(_ column: Int, _ formula: String, _ style: SpreadsheetMLStyle = .number) -> Self {
    Self(column: column, value: nil, style: style, formula: formula)
  }

  /// An empty cell carrying a style (borders).
  static func blank(_ column: Int, _ style: SpreadsheetMLStyle = .text) -> Self {
    Self(column: column, value: nil, style: style)
  }
}

/// An Excel drop-down list (`x:DataValidation`): the cells of `range` offer the values of
/// `source`, another range (`'Danh mục'!R4C8:R40C8`); `errorStyle` says what typing another
/// value does (`Warn`: asks, `Info`: tells; a district may still write several communes).
struct SpreadsheetMLDataValidation: Sendable {
  /// R1C1 range (`R12C2:R511C2`).
  var range: String
  /// R1C1 range of the values, with its sheet.
  var source: String
  var errorStyle: String
}
