/// A1-style references as xlsx writes them in `c r="B2"` and `mergeCell ref="A1:E1"`.
enum XLSXCellReference {
  /// `B2` → row 2, column 2; `B` alone (no row) → row `nil`. `nil` when not a reference.
  static func parse(_ text: some StringProtocol) -> (row: Int?, column: Int)? {
    let letters = text.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    let digits = text.dropFirst(letters.count)
    guard let column = ColumnName.number(letters.uppercased()) else { return nil }
    if digits.isEmpty { return (nil, column) }
    guard digits.allSatisfy(\.isASCIIDigitCharacter), digits.count <= 8, let row = Int(digits),
      row >= 1
    else { return nil }
    return (row, column)
  }

  /// A merged range `A1:E1` as its corners; `nil` unless both are full cell references.
  static func range(_ text: some StringProtocol)
    -> (top: Int, left: Int, bottom: Int, right: Int)?
  {
    let corners = text.split(separator: ":", omittingEmptySubsequences: false)
    guard corners.count == 2, let first = parse(corners[0]), let firstRow = first.row,
      let last = parse(corners[1]), let lastRow = last.row
    else { return nil }
    return (
      min(firstRow, lastRow), min(first.column, last.column), max(firstRow, lastRow),
      max(first.column, last.column)
    )
  }
}
