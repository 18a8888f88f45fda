/// One non-empty cell of a sheet row, at the place the district sees it.
public struct Cell: Hashable, Sendable {
  /// 1-based column (A = 1).
  public var column: Int
  public var value: CellValue
  /// Extra columns covered to the right by a merge starting here (`ss:MergeAcross`).
  public var mergeAcross: Int
  /// Extra rows covered below by a merge starting here (`ss:MergeDown`).
  public var mergeDown: Int

  /// Creates a cell; merges default to none.
  public init(column: Int, value: CellValue, mergeAcross: Int = 0, mergeDown: Int = 0) {
    self.column = column
    self.value = value
    self.mergeAcross = mergeAcross
    self.mergeDown = mergeDown
  }

  /// The column as Excel names it (`A`, `Z`, `AA`).
  public var columnLetter: String { ColumnName.letters(column) }
}

/// Column numbering as spreadsheets show it.
public enum ColumnName {
  /// `1` → `A`, `27` → `AA`; `0` or less gives an empty string.
  public static func letters(_ column: Int) -> String {
    var n = column
    var scalars: [Unicode.Scalar] = []
    while n > 0 {
      let r = (n - 1) % 26
      scalars.append(Unicode.Scalar(UInt8(65 + r)))
      n = (n - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars.reversed()))
  }

  /// `A` → 1, `AA` → 27; `nil` when `letters` is not a column name.
  public static func number(_ letters: some StringProtocol) -> Int? {
    var n = 0
    for scalar in letters.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { return nil }
      n = n * 26 + Int(scalar.value - 64)
      if n > 16_384 { return nil }
    }
    return n == 0 ? nil : n
  }
}
