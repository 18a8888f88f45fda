/// One non-empty cell of a sheet row, at the place the district sees it.
public struct Cell: Hashable, Sendable {
  /// 1-based column (A = 1).
  public var column: Int
  /// What the cell holds. Setting it clears `textID` and `textIsNFC`.
  public var value: CellValue {
    didSet { textFacts = 0 }
  }
  /// Extra columns covered to the right by a merge starting here (`ss:MergeAcross`).
  public var mergeAcross: Int
  /// Extra rows covered below by a merge starting here (`ss:MergeDown`).
  public var mergeDown: Int
  /// Which of its file's repeated short texts the cell holds, numbered by its reader from 0
  /// (the CSV and SpreadsheetML readers' `TextInterner`, the xlsx shared-string index): two
  /// cells of one read of one file with the same number hold the same text. The mapper then
  /// works out what a text means once per number, by an array index instead of hashing the
  /// text in every cell (issue 7: "fold each distinct text once"). `nil` for any other cell.
  ///
  /// Not part of the cell's identity: `==` and hashing ignore it.
  public var textID: Int32? {
    let number = UInt32(truncatingIfNeeded: textFacts)
    return number == 0 ? nil : Int32(number - 1)
  }
  /// Whether the cell's reader made sure its text is NFC (SPEC §3): the mapper then only
  /// trims it, without scanning it for normalisation again (issue 7: an activity's long text
  /// was scanned twice). `false` says nothing. Not part of the cell's identity either.
  public var textIsNFC: Bool { textFacts >> 32 != 0 }
  /// `textID` + 1 (0 for none) in the low 32 bits, `textIsNFC` above: one word, so that a cell
  /// stays as cheap to copy as before the flag (a separate `Bool` made every copy of a row's
  /// cells go through the type's value witness: 4 % more instructions to validate a CSV).
  private var textFacts: UInt64

  /// Creates a cell; merges default to none. `textID`: see the property, and give it only
  /// when numbering texts as its doc says.
  public init(
    column: Int, value: CellValue, mergeAcross: Int = 0, mergeDown: Int = 0, textID: Int32? = nil,
    textIsNFC: Bool = false
  ) {
    self.column = column
    self.value = value
    self.mergeAcross = mergeAcross
    self.mergeDown = mergeDown
    // A negative number is none (the readers number from 0).
    let number = textID.map { $0 < 0 ? 0 : UInt64($0) + 1 } ?? 0
    self.textFacts = number | (textIsNFC ? 1 << 32 : 0)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.column == rhs.column && lhs.value == rhs.value && lhs.mergeAcross == rhs.mergeAcross
      && lhs.mergeDown == rhs.mergeDown
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(column)
    hasher.combine(value)
    hasher.combine(mergeAcross)
    hasher.combine(mergeDown)
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
