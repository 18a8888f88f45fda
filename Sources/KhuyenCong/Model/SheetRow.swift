/// One row of a sheet, holding only its non-empty cells, in column order.
///
/// Rows without any value are not delivered by readers: a file with 500 000 empty rows
/// (LibreOffice's xlsx round trip does that) costs nothing downstream.
public struct SheetRow: Hashable, Sendable {
  /// 1-based row number as the spreadsheet shows it (for CSV: the record number).
  public var number: Int
  /// The non-empty cells, by increasing column.
  public var cells: [Cell]

  /// Creates a row.
  public init(number: Int, cells: [Cell]) {
    self.number = number
    self.cells = cells
  }

  /// The value at a 1-based column, `.empty` where there is none.
  public subscript(column: Int) -> CellValue {
    cells.first { $0.column == column }?.value ?? .empty
  }

  /// The largest column holding a value (0 for none).
  public var lastColumn: Int { cells.last?.column ?? 0 }
}
