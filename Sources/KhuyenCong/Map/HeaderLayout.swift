/// Which column holds which key, found from the header text (SPEC §3, "Columns": any order,
/// case-, diacritic- and spacing-insensitive, Vietnamese or English, over one or two rows).
struct HeaderLayout: Hashable, Sendable {
  /// Key of each 1-based column.
  var columns: [Int: ColumnKey] = [:]
  /// The header row (the upper one of a two-row header).
  var firstRow: Int
  /// The last header row (the lower one of a two-row header).
  var lastRow: Int
  /// Header cells that name no known column, with their text.
  var unknown: [(column: Int, row: Int, text: String)] = []
  /// Header cells naming a key another column already has.
  var duplicates: [(column: Int, row: Int, text: String)] = []
  /// A money unit a header cell declares ("Kinh phí (nghìn đồng)"), with its cell.
  var moneyUnit: (unit: MoneyUnit, column: Int, row: Int)?
  /// A second header row whose cells sit left of their groups (issue 8).
  var shifted: ShiftedSubHeader?

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.columns == rhs.columns && lhs.firstRow == rhs.firstRow && lhs.lastRow == rhs.lastRow
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(firstRow)
    hasher.combine(lastRow)
  }

  /// The column holding `key`.
  func column(of key: ColumnKey) -> Int? {
    columns.filter { $0.value == key }.map(\.key).min()
  }

  /// Whether `row` looks like a plan table's header: at least three known column names,
  /// among them one of content, activity or total.
  static func isHeader(_ row: SheetRow) -> Bool {
    var memo: FoldMemo?
    return isHeader(row, memo: &memo)
  }

  /// `isHeader(row)`, with the texts' folds remembered in `memo` when there is one.
  static func isHeader(_ row: SheetRow, memo: inout FoldMemo?) -> Bool {
    // The keys named, one bit each (`ColumnKey.index`): a set would allocate for every row.
    var keys: UInt32 = 0
    let cells = row.cells
    guard cells.count >= 3 else { return false }
    for index in cells.indices {
      // A numbered text seen before that names no column (most cells of a plan's lines): passed
      // over without copying the cell (each copy retained its text, and released it: issue 7).
      let id = cells[index].textID
      if let id, let facts = memo?.known(id: id), facts.columnKey == nil { continue }
      // Header texts are short; a long cell is never one (and is costly to fold).
      guard case .text(let text) = cells[index].value, text.utf8.count <= 120 else { continue }
      guard let key = Self.columnKey(text, id: id, memo: &memo), key != .rowNumber else { continue }
      keys |= 1 << key.index
    }
    let required: UInt32 =
      1 << ColumnKey.content.index | 1 << ColumnKey.activity.index | 1 << ColumnKey.total.index
    return keys.nonzeroBitCount >= 3 && keys & required != 0
  }

  /// The column a header cell's text names, its fold remembered in `memo` when there is one.
  private static func columnKey(_ text: String, id: Int32?, memo: inout FoldMemo?) -> ColumnKey? {
    if memo != nil { return memo?.facts(of: text, id: id).columnKey }
    return ColumnKey.matching(TextKey(text))
  }

  /// Whether `row`, just under a header, continues it: only text cells, each naming a key
  /// alone or under the group cell above it ("Tổng" under "Kinh phí").
  static func isSubHeader(_ row: SheetRow, under upper: SheetRow) -> Bool {
    guard !row.cells.isEmpty else { return false }
    var known = 0
    for cell in row.cells {
      guard case .text(let text) = cell.value else { return false }
      let group = groupText(above: cell.column, in: upper)
      if ColumnKey.matching(TextKey(text)) != nil || ColumnKey.matching(TextKey(group + " " + text)) != nil {
        known += 1
      }
    }
    // Most sub-headers must be known; one misspelt or renamed one ("Dự toán" for "Tổng")
    // must not turn the header's second row into a plan line.
    return known * 2 > row.cells.count
  }

  /// Whether `row` is the column-number row ("A", "B", "1", "2", …) forms put under the header.
  static func isColumnNumberRow(_ row: SheetRow) -> Bool {
    guard row.cells.count >= 3 else { return false }
    return row.cells.allSatisfy { cell in
      let text = SubmissionMapper.trimmedLabel(cell.value.displayText)
      return !text.isEmpty && text.count <= 4
        && text.allSatisfy { $0.isASCIIDigitCharacter || ("A"..."Z").contains($0) || $0 == "=" || $0 == "+" }
    } && row.cells.contains { SubmissionMapper.trimmedLabel($0.value.displayText) == "1" }
  }

  /// Builds the layout from the header row and, for a two-row header, the row under it.
  init(upper: SheetRow, lower: SheetRow?) {
    firstRow = upper.number
    lastRow = lower?.number ?? upper.number
    shifted = lower.flatMap { ShiftedSubHeader.detect(upper: upper, lower: $0) }
    var columnsSeen: Set<Int> = Set(upper.cells.map(\.column))
    if let lower { columnsSeen.formUnion(lower.cells.map(\.column)) }
    for column in columnsSeen.sorted() {
      let upperText = upper.cells.first { $0.column == column }.map { $0.value.displayText.nfcTrimmed }
      let group = Self.groupText(above: column, in: upper)
      let lowerText = lower?.cells.first { $0.column == column }.map { $0.value.displayText.nfcTrimmed }
      var candidates: [String] = []
      if let lowerText, !lowerText.isEmpty {
        candidates = [lowerText, group + " " + lowerText]
      } else if let upperText {
        candidates = [upperText]
      }
      // "Tổng kinh phí (triệu đồng)": the parenthesis names a unit, not the column.
      for (text, row) in [(upperText, upper.number), (lowerText, lower?.number ?? upper.number)] {
        guard let text, let open = text.firstIndex(of: "(") else { continue }
        if moneyUnit == nil, let unit = TitleBlockReader.moneyUnit(String(text[open...])) {
          moneyUnit = (unit, column, row)
        }
      }
      candidates += candidates.map(Self.withoutParentheses).filter { !$0.isEmpty }
      guard let shown = candidates.first else { continue }
      let row = (lowerText?.isEmpty == false ? lower?.number : nil) ?? upper.number
      guard let key = candidates.lazy.compactMap({ ColumnKey.matching(TextKey($0)) }).first else {
        unknown.append((column, row, shown))
        continue
      }
      if columns.values.contains(key) {
        duplicates.append((column, row, shown))
      } else {
        columns[column] = key
      }
    }
  }

  /// `text` without its parenthesised parts.
  static func withoutParentheses(_ text: String) -> String {
    var out = ""
    var depth = 0
    for character in text {
      if character == "(" {
        depth += 1
      } else if character == ")" {
        depth = max(0, depth - 1)
      } else if depth == 0 {
        out.append(character)
      }
    }
    return out.nfcTrimmed
  }

  /// The text of the header cell covering `column` in `row`, merged across or not.
  static func groupText(above column: Int, in row: SheetRow) -> String {
    for cell in row.cells where cell.column <= column && column <= cell.column + cell.mergeAcross {
      return cell.value.displayText.nfcTrimmed
    }
    return ""
  }
}
