/// A1-style references as xlsx writes them in `c r="B2"` and `mergeCell ref="A1:E1"`.
enum XLSXCellReference {
  /// `B2` → row 2, column 2; `B` alone (no row) → row `nil`. `nil` when not a reference.
  static func parse(_ text: some StringProtocol) -> (row: Int?, column: Int)? {
    parse(utf8: text.utf8)
  }

  /// `parse` of a reference's UTF-8 bytes: every cell of a sheet has one (`r="B2"`).
  static func parse(utf8 text: some Sequence<UInt8>) -> (row: Int?, column: Int)? {
    var column = 0
    var row = 0
    var digits = 0
    var sawLetter = false
    for byte in text {
      if digits == 0, case let upper = byte & 0xDF, upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") {
        sawLetter = true
        column = column * 26 + Int(upper - 64)
        if column > 16_384 { return nil }
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digits += 1
        if digits > 8 { return nil }
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
      } else {
        return nil
      }
    }
    guard sawLetter else { return nil }
    if digits == 0 { return (nil, column) }
    return row >= 1 ? (row, column) : nil
  }

  /// `parse` by `Character`, as it was before it read bytes: the reference it is tested against.
  static func characterParsed(_ text: some StringProtocol) -> (row: Int?, column: Int)? {
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
