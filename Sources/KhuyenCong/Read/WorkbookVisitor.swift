/// Receives a workbook as a reader streams it: sheet by sheet, row by row.
///
/// Readers never build the whole workbook: the mapper, `inspect` and the tests each keep
/// what they need, so memory does not grow with the file (SPEC §8).
public protocol WorkbookVisitor {
  /// A sheet starts. `index` is 0-based, in workbook order (not name order).
  mutating func beginSheet(name: String, index: Int)
  /// The next row of the current sheet holding at least one value, in increasing row order.
  mutating func visit(_ row: SheetRow)
  /// The current sheet ends.
  mutating func endSheet()
  /// `visit(row)`, with `textBytes` counted by the caller already: the UTF-8 bytes of the row's
  /// texts, each value without text counted 1 (`ReadBudget`'s count, which `BudgetedVisitor`
  /// passes on so that no one counts them twice).
  mutating func visit(_ row: SheetRow, textBytes: Int)
}

extension WorkbookVisitor {
  public mutating func visit(_ row: SheetRow, textBytes: Int) { visit(row) }
}

/// A sheet as collected in memory by `WorkbookCollector`.
public struct CollectedSheet: Hashable, Sendable {
  public var name: String
  public var rows: [SheetRow]

  /// Creates a sheet.
  public init(name: String, rows: [SheetRow]) {
    self.name = name
    self.rows = rows
  }

  /// The value at a 1-based row and column.
  public subscript(row: Int, column: Int) -> CellValue {
    rows.first { $0.number == row }?[column] ?? .empty
  }
}

/// Keeps every sheet in memory: for tests and small tools, not for the pipeline.
public struct WorkbookCollector: WorkbookVisitor {
  public private(set) var sheets: [CollectedSheet] = []

  /// An empty collector.
  public init() {}

  public mutating func beginSheet(name: String, index: Int) {
    sheets.append(CollectedSheet(name: name, rows: []))
  }

  public mutating func visit(_ row: SheetRow) {
    guard !sheets.isEmpty else { return }
    sheets[sheets.count - 1].rows.append(row)
  }

  public mutating func endSheet() {}
}
