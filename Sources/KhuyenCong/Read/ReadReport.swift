/// The file formats districts send (SPEC §3).
public enum SpreadsheetFormat: String, Hashable, Sendable, Codable {
  case csv
  /// XML Spreadsheet 2003 (SpreadsheetML).
  case spreadsheetML = "xml-spreadsheet-2003"
  /// Office Open XML workbook.
  case xlsx
  /// Not a format we read.
  case unknown
}

/// Bounds that keep a hostile or mistaken file from costing unbounded time or memory.
public struct ReadLimits: Hashable, Sendable {
  /// Largest file accepted, in bytes (checked early by the intake, again while reading).
  public var maxFileBytes: Int
  /// Largest uncompressed size of one xlsx entry.
  public var maxEntryBytes: Int
  /// Largest total uncompressed size of the xlsx entries read.
  public var maxTotalUncompressedBytes: Int
  /// Most characters in one cell (Excel holds at most 32 767).
  public var maxCellCharacters: Int
  /// Most rows and columns a sheet may address (Excel: 1 048 576 × 16 384).
  public var maxRows: Int
  public var maxColumns: Int
  /// What reading may expand, in proportion to the bytes read (`ReadBudget`).
  public var budget: ReadBudget.Allowance {
    get { allowance.value }
    set { allowance = AllowanceBox(newValue) }
  }
  // Boxed: a ReadLimits twice its size inside `Intake` made Swift 6.3.1's debug build crash
  // while destroying a `Store` beside it (IntakeRecoveryTests.foldersFlushed).
  private var allowance = AllowanceBox(.standard)

  /// Creates limits.
  public init(
    maxFileBytes: Int, maxEntryBytes: Int, maxTotalUncompressedBytes: Int,
    maxCellCharacters: Int, maxRows: Int, maxColumns: Int
  ) {
    self.maxFileBytes = maxFileBytes
    self.maxEntryBytes = maxEntryBytes
    self.maxTotalUncompressedBytes = maxTotalUncompressedBytes
    self.maxCellCharacters = maxCellCharacters
    self.maxRows = maxRows
    self.maxColumns = maxColumns
  }

  /// The defaults: 50 MiB per file, 200 MiB uncompressed per xlsx part, Excel's grid and cell
  /// size. A district's plan is a few dozen kilobytes; these leave room for a 100 000-line CSV
  /// or xlsx, and about 60 000 lines of XML Spreadsheet (some 820 bytes a line).
  public static let standard = ReadLimits(
    maxFileBytes: 50 << 20, maxEntryBytes: 200 << 20, maxTotalUncompressedBytes: 400 << 20,
    maxCellCharacters: 32_767, maxRows: 1_048_576, maxColumns: 16_384)
}

/// What a sheet looked like once read (for `inspect`).
public struct SheetSummary: Hashable, Sendable {
  public var name: String
  /// Rows that held at least one value.
  public var rowCount: Int
  /// The largest row number seen.
  public var lastRow: Int
  /// The largest column number seen.
  public var lastColumn: Int
  /// Merged ranges (`A1:C2`).
  public var merges: [String]
  /// Hidden sheets are read too, and said so.
  public var hidden: Bool

  /// Creates a summary.
  public init(
    name: String, rowCount: Int = 0, lastRow: Int = 0, lastColumn: Int = 0,
    merges: [String] = [], hidden: Bool = false
  ) {
    self.name = name
    self.rowCount = rowCount
    self.lastRow = lastRow
    self.lastColumn = lastColumn
    self.merges = merges
    self.hidden = hidden
  }
}

/// How a file was read: what was detected, and every problem met on the way.
public struct ReadReport: Hashable, Sendable {
  public var format: SpreadsheetFormat
  /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `Windows-1258`, `TCVN3`, or the XML encoding.
  public var encoding: String?
  /// For CSV: `,`, `;` or a tab.
  public var delimiter: Character?
  public var sheets: [SheetSummary]
  public var diagnostics: [Diagnostic]

  /// Creates a report.
  public init(
    format: SpreadsheetFormat, encoding: String? = nil, delimiter: Character? = nil,
    sheets: [SheetSummary] = [], diagnostics: [Diagnostic] = []
  ) {
    self.format = format
    self.encoding = encoding
    self.delimiter = delimiter
    self.sheets = sheets
    self.diagnostics = diagnostics
  }

  /// Whether reading failed so badly that no cell can be trusted.
  public var isFatal: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A `ReadBudget.Allowance` held by reference, compared by value.
final class AllowanceBox: Hashable, Sendable {
  let value: ReadBudget.Allowance
  init(_ value: ReadBudget.Allowance) { self.value = value }
  static func == (lhs: AllowanceBox, rhs: AllowanceBox) -> Bool { lhs.value == rhs.value }
  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
