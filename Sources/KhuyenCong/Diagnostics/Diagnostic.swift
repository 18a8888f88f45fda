/// A problem found in a submission, kept as data until a person reads it.
///
/// The core never formats sentences: it records the code, the place and the raw values;
/// `MessageCatalog` renders them in Vietnamese or English at the edge.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// `budget.sum`: stable, part of the JSON contract.
  public var code: DiagnosticCode
  /// From the programme's policy where the SPEC says so.
  public var severity: Severity
  /// File, sheet, row (1-based), column, as in Excel.
  public var position: Position
  /// Filled into the vi/en template when rendered (`value`, `expected`, …).
  public var values: [String: String]

  /// Creates a diagnostic.
  public init(
    code: DiagnosticCode, severity: Severity, position: Position,
    values: [String: String] = [:]
  ) {
    self.code = code
    self.severity = severity
    self.position = position
    self.values = values
  }

  /// `budget.sum Sheet1!K12`: the compact form tests assert on.
  public var located: String {
    let place = position.cellReference
    return place.isEmpty ? code.rawValue : code.rawValue + " " + place
  }
}
