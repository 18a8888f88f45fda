/// The columns covered, in the rows below, by `ss:MergeDown` merges from rows above.
///
/// Excel writes `ss:Index` on a cell that follows covered columns; LibreOffice 7.4 does not
/// (REAL-CLIENTS.md, "A LibreOffice trap"): in its two-row header the second row starts
/// `<Cell><Data>Bắt đầu</Data>` although "Bắt đầu" belongs in column J, after the merges
/// A–I. Skipping the covered columns recovers what the author saw. Only merges still active
/// are kept: at most one per column, so this stays small whatever the file's length.
struct VerticalMergeMap {
  private struct Span {
    var first: Int
    var last: Int
    var lastRow: Int
  }

  private var spans: [Span] = []

  /// Forgets merges that end above `row`.
  mutating func enterRow(_ row: Int) {
    spans.removeAll { $0.lastRow < row }
  }

  /// Records a merge of columns `first...last` that covers the rows after `row` up to `lastRow`.
  mutating func add(first: Int, last: Int, lastRow: Int) {
    spans.append(Span(first: first, last: last, lastRow: lastRow))
  }

  /// The first column at or after `column` not covered by a merge from above.
  func firstFree(from column: Int) -> Int {
    var column = column
    var moved = true
    while moved {
      moved = false
      for span in spans where span.first <= column && column <= span.last {
        column = span.last + 1
        moved = true
      }
    }
    return column
  }
}
