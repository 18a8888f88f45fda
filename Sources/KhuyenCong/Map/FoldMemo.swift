/// What the mapper asks of every short text under the header, row after row, answered once
/// per distinct text: does it name a column (a header repeated at a page break), is it a total
/// row's label. A plan repeats its texts on every line, so most rows cost lookups, not folds.
///
/// Bounded as `CellTextMemo` is: once its texts are kept, new ones are folded each time.
struct FoldMemo {
  struct Facts {
    /// The column the text names as a header cell.
    var columnKey: ColumnKey?
    /// Whether the text folds to a total row's label ("Tổng cộng").
    var isTotalLabel: Bool
  }

  private var facts = CellTextMemo<Facts>()

  /// The longest fold that means something here: a column's header or a total's label.
  private static let longestMeaningful =
    (ColumnKey.allCases.flatMap(\.headerAliases) + SubmissionMapper.totalWords).map(\.count).max() ?? 0

  /// Whether `bytes` has more ASCII letters and digits than the longest header or label (the
  /// scan stops there), or no letter at all.
  private static func cannotMean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let limit = longestMeaningful
    var letters = 0
    var hasLetter = false
    for byte in bytes {
      if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80 {
        hasLetter = true
        if byte < 0x80 { letters += 1 }
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        letters += 1
      }
      if letters > limit { return true }
    }
    return !hasLetter
  }

  /// The facts of `text`; `id`: its number (`Cell.textID`), when its reader gave one.
  mutating func facts(of text: String, id: Int32? = nil) -> Facts {
    // A numbered text is worked out once whatever it holds; others that cannot mean anything
    // are not kept (an activity's description is unique on every line).
    if id == nil && Self.countsOut(text) { return Self.meaningless }
    return facts.value(for: text, id: id, Self.facts(of:))
  }

  /// The facts of text number `id` (`Cell.textID`), when they were worked out before.
  func known(id: Int32) -> Facts? { facts.known(id: id) }

  private static let meaningless = Facts(columnKey: nil, isTotalLabel: false)

  /// Each ASCII letter or digit stays one character of the fold, so a text with more of them
  /// than the longest header or label (an activity's description, unique on every line) names
  /// neither; nor does a text of ASCII digits and signs only (an amount, a date).
  private static func countsOut(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(cannotMean)
      ?? Array(text.utf8).withUnsafeBufferPointer(cannotMean)
  }

  private static func facts(of text: String) -> Facts {
    if countsOut(text) { return meaningless }
    let key = TextKey(text)
    return Facts(
      columnKey: ColumnKey.matching(key), isTotalLabel: SubmissionMapper.totalWords.contains(key.folded))
  }
}
