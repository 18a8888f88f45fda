/// One cell of a line as Map hands it on: absent, a value, or unreadable with the diagnostic
/// that says why (SPEC §4: every problem at its cell, and nothing derived from a value that
/// could not be read).
public enum CellReading<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The cell is empty, or holds a mark that means nothing ("-" in a money column).
  case absent
  /// The cell's value.
  case value(Value)
  /// The cell holds something that is not a `Value`; the diagnostic is at the cell.
  case unreadable(Diagnostic)

  /// The value, when there is one.
  public var value: Value? {
    if case .value(let value) = self { return value }
    return nil
  }
}
