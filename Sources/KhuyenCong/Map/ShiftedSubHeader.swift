/// A header's second row whose cells sit left of the groups they belong under (issue 8,
/// finding 7): a program that re-saved a LibreOffice XML Spreadsheet dropped the positions of
/// the cells under the merged "Thời gian thực hiện" / "Kinh phí" headings, so "Bắt đầu …
/// Nguồn khác" land in A–G. Read as they stand they rename the first columns and every line
/// is misread; the fault is said once, with its fix, and nothing that follows from it.
struct ShiftedSubHeader: Hashable, Sendable {
  /// The second header row.
  var row: Int
  /// Where its cells are (`A`…`G`).
  var firstColumn: Int
  var lastColumn: Int
  /// Its texts, in order ("Bắt đầu", …, "Nguồn khác").
  var texts: [String]
  /// The group headings they belong under, with their columns ("Kinh phí", L, P).
  var groups: [Group]

  struct Group: Hashable, Sendable {
    var text: String
    var first: Int
    var last: Int
  }

  /// The shift, when `lower` (the row under the header `upper`) has exactly as many cells as
  /// `upper`'s merged group headings span, all left of the first group, and most of them name
  /// a column once set under their group.
  static func detect(upper: SheetRow, lower: SheetRow) -> ShiftedSubHeader? {
    let groups = upper.cells.filter { $0.mergeAcross > 0 && !$0.value.isEmpty }.map {
      Group(text: $0.value.displayText.nfcTrimmed, first: $0.column, last: $0.column + $0.mergeAcross)
    }
    guard let firstGroup = groups.map(\.first).min() else { return nil }
    let cells = lower.cells.filter { !$0.value.isEmpty }.sorted { $0.column < $1.column }
    let slots = groups.sorted { $0.first < $1.first }.flatMap { group in
      (group.first...group.last).map { _ in group.text }
    }
    guard cells.count >= 2, cells.count == slots.count,
      let last = cells.last?.column, last < firstGroup
    else { return nil }
    var known = 0
    for (cell, group) in zip(cells, slots) {
      let text = cell.value.displayText.nfcTrimmed
      if ColumnKey.matching(TextKey(group + " " + text)) != nil { known += 1 }
    }
    guard known * 2 > cells.count else { return nil }
    return ShiftedSubHeader(
      row: lower.number, firstColumn: cells[0].column, lastColumn: last,
      texts: cells.map { $0.value.displayText.nfcTrimmed }, groups: groups)
  }
}

extension ShiftedSubHeader {
  /// `header.shifted` at the second header row, naming the cells, where they are and where
  /// they belong.
  func diagnostic(file: String, sheet: String) -> Diagnostic {
    let groupsText = groups.sorted { $0.first < $1.first }.map {
      "“\($0.text)” (\(ColumnName.letters($0.first))–\(ColumnName.letters($0.last)))"
    }
    return Diagnostic(
      code: .headerShifted, severity: .error,
      position: Position(file: file, sheet: sheet, row: row),
      values: [
        "row": String(row), "first": texts.first ?? "", "last": texts.last ?? "",
        "from": ColumnName.letters(firstColumn), "to": ColumnName.letters(lastColumn),
        "groups": groupsText.joined(separator: ", "),
      ])
  }
}
