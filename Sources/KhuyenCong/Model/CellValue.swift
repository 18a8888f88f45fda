/// The typed value of one spreadsheet cell, as the district's spreadsheet program stored it.
///
/// Numbers keep their decimal literal exactly as the file wrote it (`"2095.39"`, `"1E-3"`):
/// money is parsed from these digits later and never passes through floating point
/// (SPEC §3, "Money is exact").
public enum CellValue: Hashable, Sendable {
  /// No value (a covered merge cell, an `ss:Index` gap, an empty CSV field).
  case empty
  /// Text, NFC-normalised, exactly as typed (not trimmed: the mapper trims).
  case text(String)
  /// A number, as its decimal literal (`"-12.5"`, `"1.2345E+20"`).
  case number(String)
  /// A calendar date and time without a zone (SpreadsheetML `DateTime`, xlsx date formats).
  // Boxed: seven integers inline would make every cell of every sheet four times larger.
  indirect case dateTime(CivilDateTime)
  /// A boolean (`ss:Type="Boolean"` 1/0, xlsx `t="b"`).
  case boolean(Bool)
  /// An error value such as `#N/A` or `#DIV/0!`.
  case error(String)

  /// Whether the value is a text (of any length).
  var isText: Bool {
    if case .text = self { return true }
    return false
  }

  /// Whether the cell holds nothing a person would see.
  public var isEmpty: Bool {
    switch self {
    case .empty: return true
    case .text(let text): return text.isEmpty
    default: return false
    }
  }

  /// The value as a spreadsheet shows it in CSV: text as is, numbers as their literal,
  /// dates as ISO 8601, booleans `TRUE`/`FALSE`, errors as their code.
  public var displayText: String {
    switch self {
    case .empty: return ""
    case .text(let text): return text
    case .number(let literal): return literal
    case .dateTime(let date): return date.isoText
    case .boolean(let value): return value ? "TRUE" : "FALSE"
    case .error(let code): return code
    }
  }
}
