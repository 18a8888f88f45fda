/// A header over three rows (issue 8): "Kinh phí" over L–P; under it "Tổng" and the group
/// "Trong đó" over M–P; under that "KCQG", "KCĐP", "Đối ứng", "Nguồn khác". The blank form
/// writes it so, as Vietnamese plan tables do.
enum ThreeRowHeader {
  /// Folded texts of a group heading inside a sub-header row ("Trong đó", "Chia ra").
  static let groupWords: Set<String> = ["trong do", "chia ra", "trong do gom", "bao gom"]

  /// Whether `middle` (a sub-header) holds an inner group heading, so a third row may follow.
  static func hasInnerGroup(_ middle: SheetRow) -> Bool {
    middle.cells.contains { isInnerGroup($0) }
  }

  /// An inner group heading: "Trong đó", merged across or not.
  static func isInnerGroup(_ cell: Cell) -> Bool {
    guard case .text(let text) = cell.value else { return false }
    return groupWords.contains(TextKey(text).folded)
  }

  /// The rows under the top header row read as one: `middle`'s cells except its inner group
  /// heading, and `lower`'s cells (which win in their columns), numbered as `lower`.
  static func merged(middle: SheetRow, lower: SheetRow) -> SheetRow {
    let lowerColumns = Set(lower.cells.map(\.column))
    var cells = middle.cells.filter { !isInnerGroup($0) && !lowerColumns.contains($0.column) }
    cells += lower.cells
    cells.sort { $0.column < $1.column }
    var row = lower
    row.cells = cells
    return row
  }
}
