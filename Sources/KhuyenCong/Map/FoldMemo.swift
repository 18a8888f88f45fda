/// What the mapper asks of every short text under the header, row after row, answered once
/// per distinct text: does it name a column (a header repeated at a page break), is it a total
/// row's label. A plan repeats its texts on every line, so most rows cost lookups, not folds.
///
/// Bounded: once `maxEntries` texts are kept, new ones are folded each time, not added.
struct FoldMemo {
  static let maxEntries = 4096

  struct Facts {
    /// The column the text names as a header cell.
    var columnKey: ColumnKey?
    /// Whether the text folds to a total row's label ("Tổng cộng").
    var isTotalLabel: Bool
  }

  private var facts: [String: Facts] = [:]

  /// The facts of `text`.
  mutating func facts(of text: String) -> Facts {
    if let known = facts[text] { return known }
    let key = TextKey(text)
    let found = Facts(
      columnKey: ColumnKey.matching(key), isTotalLabel: SubmissionMapper.totalWords.contains(key.folded))
    if facts.count < Self.maxEntries { facts[text] = found }
    return found
  }
}
