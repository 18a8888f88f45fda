import KhuyenCong

/// The cells of a workbook as the portal shows them: each sheet's rows, bounded so that a
/// 50 MiB file does not become a page of a million rows (issue 10). A district's plan has a
/// few dozen rows; the bounds leave room for a large one.
struct SheetGrid: WorkbookVisitor, Sendable {
  struct Sheet: Sendable {
    var name: String
    var index: Int
    var rows: [SheetRow] = []
    /// Rows left out past the bounds.
    var rowsLeftOut = 0
    var lastColumn = 0
  }

  static let maxRowsPerSheet = 1_000
  static let maxColumns = 40
  static let maxCells = 40_000

  private(set) var sheets: [Sheet] = []
  private var cells = 0

  mutating func beginSheet(name: String, index: Int) {
    sheets.append(Sheet(name: name, index: index))
  }

  mutating func visit(_ row: SheetRow) {
    guard !sheets.isEmpty else { return }
    let last = sheets.count - 1
    let kept = row.cells.filter { $0.column <= Self.maxColumns }
    guard sheets[last].rows.count < Self.maxRowsPerSheet, cells + kept.count <= Self.maxCells else {
      sheets[last].rowsLeftOut += 1
      return
    }
    cells += kept.count
    sheets[last].rows.append(SheetRow(number: row.number, cells: kept))
    sheets[last].lastColumn = max(sheets[last].lastColumn, kept.last?.column ?? 0)
  }

  mutating func endSheet() {}
}
