/// Maps a streamed workbook to a submission (SPEC §3, "Layouts"): finds the sheet and the
/// header of the plan table, reads the title block or label rows above it, and sorts the
/// rows below into lines, section rows, the total row and the signature block.
///
/// Rows stream through: above the header at most `titleRowLimit` rows are kept; below it,
/// each row becomes its line at once. A caller that takes the lines as they are built
/// (`takeLines`, as validation does) keeps memory flat; otherwise `finish` returns them all.
public struct SubmissionMapper: WorkbookVisitor {
  /// How many rows above a header may form the title block; a sheet without a header in
  /// its first rows is not a plan table.
  static let titleRowLimit = 60

  private let file: String
  private let programme: Programme
  private let lookups: ProgrammeLookups
  private let titleReader: TitleBlockReader

  private enum Phase {
    case seeking
    case headerFound(SheetRow)
    /// A second header row with an inner group ("Trong đó"): a third row may follow.
    case subHeaderFound(SheetRow, SheetRow)
    /// Under the header: its layout is `layout` (kept once, not copied out of the phase for
    /// each row: its arrays and dictionaries were retained and released, issue 7).
    case body
    case skippingSheet
    case done
  }

  private var phase = Phase.seeking
  private var sheetName = ""
  private var titleRows: [SheetRow] = []
  private var planSheet: String?
  private var layout: HeaderLayout?
  /// `layout`'s columns as arrays.
  private var columnTable = ColumnTable([:])
  /// Builds the lines as the rows under the header stream in (none are kept).
  private var builder: LineBuilder?
  /// What the builder said once the table ended (`endTable`).
  private var built: LineBuilder.Output?
  /// Column of each key in the plan's sheet, once its header is known.
  private(set) var columnsByKey: [ColumnKey: Int] = [:]
  /// Rows sorted under the header so far (lines, sections, totals).
  private var bodyRowCount = 0
  private var totalSeen = false
  private var meta = SubmissionMeta()
  private var diagnostics: [Diagnostic] = []
  /// `row.ignored` raised so far: past `DiagnosticBounds.maxPerFile` they are only counted.
  private var ignoredRows = 0
  private var sheetNames: [String] = []
  /// A header row met again under the table (a page break), whose second row is skipped too.
  private var repeatedHeader: SheetRow?
  /// Later sheets with a plan header of their own, reported once each.
  private var ignoredSheets: [String] = []
  /// Folds of the short texts under the header, once per distinct text.
  private var memo: FoldMemo? = FoldMemo()
  /// Readings of the money cells' texts (trimmed), once per distinct text.
  private var numbers = CellTextMemo<NumberReader.Reading>()

  /// A mapper for the file named `file`, reading names against `programme`.
  /// `lookups`: `programme`'s tables, when the caller has built them (else built here).
  public init(file: String, programme: Programme, lookups: ProgrammeLookups? = nil) {
    let lookups = lookups ?? ProgrammeLookups(programme)
    self.file = file
    self.programme = programme
    self.lookups = lookups
    self.titleReader = TitleBlockReader(districts: lookups.districts, provinceName: programme.province.name)
  }

  public mutating func beginSheet(name: String, index: Int) {
    sheetName = name
    sheetNames.append(name)
    // The blank form's list of contents, indicators and communes is not a plan table.
    if name == TemplateWriter.listSheetName {
      phase = .skippingSheet
      sheetNames.removeLast()
      return
    }
    if planSheet == nil {
      phase = .seeking
      titleRows = []
    } else {
      phase = .done
    }
  }

  public mutating func visit(_ row: SheetRow) {
    switch phase {
    case .seeking:
      if HeaderLayout.isHeader(row) {
        phase = .headerFound(row)
        planSheet = sheetName
      } else if titleRows.count < Self.titleRowLimit {
        titleRows.append(row)
      } else {
        // No header in the first rows: this sheet is not a plan table; look at the next.
        phase = .skippingSheet
      }
    case .headerFound(let upper):
      if HeaderLayout.isSubHeader(row, under: upper), ThreeRowHeader.hasInnerGroup(row) {
        phase = .subHeaderFound(upper, row)
      } else if HeaderLayout.isSubHeader(row, under: upper) {
        startBody(HeaderLayout(upper: upper, lower: row))
      } else {
        startBody(HeaderLayout(upper: upper, lower: nil))
        visit(row)
      }
    case .subHeaderFound(let upper, let middle):
      if HeaderLayout.isSubHeader(row, under: middle) {
        startBody(HeaderLayout(upper: upper, lower: ThreeRowHeader.merged(middle: middle, lower: row)))
      } else {
        startBody(HeaderLayout(upper: upper, lower: middle))
        visit(row)
      }
    case .body:
      if bodyRowCount == 0 && !totalSeen, let lastRow = layout?.lastRow, row.number <= lastRow + 1,
        HeaderLayout.isColumnNumberRow(row)
      {
        return
      }
      classify(row)
    case .skippingSheet:
      return
    case .done:
      // A second sheet with a plan header is not read; say so rather than drop it silently.
      if HeaderLayout.isHeader(row), sheetName != planSheet, ignoredSheets.last != sheetName {
        ignoredSheets.append(sheetName)
        diagnostics.append(
          Diagnostic(
            code: .sheetIgnored, severity: .warning,
            position: Position(file: file, sheet: sheetName, row: row.number),
            values: ["planSheet": planSheet ?? ""]))
      }
    }
  }

  public mutating func endSheet() {
    switch phase {
    case .headerFound(let upper):
      startBody(HeaderLayout(upper: upper, lower: nil))
      phase = .done
    case .subHeaderFound(let upper, let middle):
      startBody(HeaderLayout(upper: upper, lower: middle))
      phase = .done
    case .body:
      phase = .done
    case .seeking, .done, .skippingSheet:
      break
    }
  }

  private mutating func startBody(_ layout: HeaderLayout) {
    self.layout = layout
    columnTable = ColumnTable(layout.columns)
    phase = .body
    for row in titleRows { titleReader.read(row, file: file, sheet: sheetName, into: &meta) }
    titleRows = []
    builder = LineBuilder(
      file: file, sheet: sheetName, layout: layout, columns: columnTable, programme: programme,
      lookups: lookups, meta: meta)
    for (column, key) in layout.columns { columnsByKey[key] = column }
  }

  /// The sheet of the plan table, once its header was found.
  var tableSheet: String? { planSheet }
  /// The district the lines are for so far (the first one named; it never changes after).
  var linesDistrict: DistrictCode? { builder?.firstDistrict }
  /// The plan year the lines are for so far (the first one given; it never changes after).
  var linesYear: Int? { builder?.firstYear }

  /// Moves the lines built since the last call into `buffer` (which must be empty).
  mutating func takeLines(into buffer: inout [BuiltLine]) {
    builder?.takeReady(into: &buffer)
  }

  /// Ends the plan table: lines that waited for the file's number convention become final
  /// (`takeLines` hands them on). `finish` calls it when the caller did not.
  mutating func endTable() {
    guard built == nil, var builder else { return }
    built = builder.finish()
    self.builder = builder
  }

  /// Sorts one row below the header.
  private mutating func classify(_ row: SheetRow) {
    let cells = KeyedCells(row.cells, columns: columnTable)
    // Only a number makes a money cell count: a signature block may run across the money
    // columns ("TM. ỦY BAN NHÂN DÂN" under KCQG).
    let hasMoney = ColumnKey.money.contains { key in
      switch cells[key]?.value {
      case .number?: return true
      case .text(let text)?:
        return numbers.value(for: text, id: cells[key]?.textID) { NumberReader.read($0.nfcTrimmed) }
          != .invalid
      default: return false
      }
    }
    // The header repeated at a page break, with its second row and column numbers.
    if HeaderLayout.isHeader(row, memo: &memo) {
      repeatedHeader = row
      return
    }
    if let header = repeatedHeader {
      if HeaderLayout.isSubHeader(row, under: header) { return }
      repeatedHeader = nil
      if HeaderLayout.isColumnNumberRow(row) { return }
    }
    // "Tổng cộng" in the row number, content or activity column, or in one of the first three.
    // Only short texts can be a total's label: long ones are not folded at all.
    func isTotalLabel(_ cell: Cell?) -> Bool {
      guard case .text(let text)? = cell?.value, text.utf8.count <= 40 else { return false }
      return memo?.facts(of: text, id: cell?.textID).isTotalLabel ?? false
    }
    let isTotal =
      Self.labelKeys.contains { isTotalLabel(cells[$0]) }
      || row.cells.contains { $0.column <= 3 && isTotalLabel($0) }
    if isTotal {
      totalSeen = true
      append(BodyRow(number: row.number, kind: .total, cells: cells))
      return
    }
    let stt = cells[.rowNumber].map { Self.trimmedLabel($0.value.displayText) } ?? ""
    if !stt.isEmpty, stt.allSatisfy({ "IVXL".contains($0) }), DateReader.romanValue(stt) != nil {
      append(BodyRow(number: row.number, kind: .section(stt), cells: cells))
      return
    }
    func isFilled(_ key: ColumnKey) -> Bool { cells[key].map { !$0.value.isEmpty } ?? false }
    let filledCount = Self.describedKeys.count(where: isFilled)
    // "A", "B." grouping sections (capital letters only: "a", "b" number sub-lines).
    if stt.utf8.count == 1, let letter = stt.first, ("A"..."H").contains(letter),
      !Self.lineOnlyKeys.contains(where: isFilled)
    {
      return
    }
    let looksLikeLine = filledCount >= 2
    if !hasMoney && !looksLikeLine {
      let text = TextKey(row.cells.map { $0.value.displayText }.joined(separator: " "))
      if totalSeen || Self.signatureKeys.contains(where: { text.contains(words: $0) }) {
        return  // signature block: "Nơi nhận", "TM. ỦY BAN NHÂN DÂN", a name
      }
      if row.cells.allSatisfy({ columnTable.key(at: $0.column) == .rowNumber }) {
        return  // a numbered, empty line of the form
      }
      // Anything else is said, not swallowed: a note, a stray name, a heading of our own.
      // Said a bounded number of times, and counted after that (DiagnosticBounds).
      ignoredRows += 1
      guard ignoredRows <= DiagnosticBounds.maxPerFile else { return }
      let value = row.cells.map { $0.value.displayText.nfcTrimmed }.joined(separator: " | ")
      diagnostics.append(
        Diagnostic(
          code: .rowIgnored, severity: .info,
          position: Position(file: file, sheet: sheetName, row: row.number),
          values: ["value": DiagnosticBounds.boundedValue(value)]))
      return
    }
    if hasMoney && filledCount == 0 && stt.isEmpty {
      // Amounts under the lines with no label: a total row that forgot to say so.
      totalSeen = true
      append(BodyRow(number: row.number, kind: .total, cells: cells))
      return
    }
    append(BodyRow(number: row.number, kind: .line, cells: cells))
  }

  /// Columns whose cell may say a row is a total ("Tổng cộng"), besides the first three.
  private static let labelKeys: [ColumnKey] = [.rowNumber, .content, .activity, .implementer]
  /// Columns that describe a line: two filled make a row a line.
  private static let describedKeys: [ColumnKey] = [
    .content, .activity, .implementer, .beneficiary, .place, .unit, .quantity,
  ]
  /// Of those, the ones a grouping section row ("A", "B.") never fills.
  private static let lineOnlyKeys: [ColumnKey] = [.implementer, .beneficiary, .place, .unit, .quantity]

  /// Hands a row under the header to the line builder.
  private mutating func append(_ row: BodyRow) {
    bodyRowCount += 1
    builder?.add(row)
  }

  /// A row label without its trailing dot or parentheses ("II." → "II", "(1)" → "1").
  static func trimmedLabel(_ text: String) -> String {
    // A row number of ASCII letters and digits (most rows: "1", "12", "II") is its own label.
    if !text.isEmpty,
      text.utf8.allSatisfy({ byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      })
    {
      return text
    }
    var label = text.nfcTrimmed
    while let last = label.last, last == "." || last == ")" { label.removeLast() }
    while let first = label.first, first == "(" { label.removeFirst() }
    return label
  }

  /// Folded labels of a total row.
  static let totalWords: Set<String> = [
    "tong cong", "cong", "tong", "tong so", "total", "grand total",
    "tong cong toan huyen", "cong toan bo", "tong cong kinh phi",
  ]
  /// Phrases of a signature block, folded.
  static let signatureWords = [
    "noi nhan", "tm uy ban", "tm ubnd", "chu tich", "da ky", "nguoi lap",
    "luu vt", "thu truong", "nguoi lap bieu", "ky ten",
  ]
  /// The same, folded once (a row of a long sheet is compared with each).
  static let signatureKeys = signatureWords.map { TextKey($0) }

  /// The submission, once every sheet was read, with the lines no caller took (every line,
  /// in row order, when nobody called `takeLines`).
  public mutating func finish(report: ReadReport) -> MappedSubmission {
    var submission = Submission(file: file)
    var diagnostics = self.diagnostics
    if ignoredRows > DiagnosticBounds.maxPerFile {
      diagnostics.append(
        Diagnostic(
          code: .reportTruncated, severity: .info, position: Position(file: file),
          values: ["count": String(ignoredRows - DiagnosticBounds.maxPerFile)]))
    }
    endTable()
    guard let layout, let planSheet, let built else {
      if !report.isFatal {
        diagnostics.append(
          Diagnostic(
            code: .headerMissing, severity: .error,
            position: Position(file: file, sheet: sheetNames.first),
            values: ["columns": ColumnKey.required.map(\.rawValue).joined(separator: ", ")]))
      }
      return MappedSubmission(
        submission: submission, meta: meta, declaredTotals: [],
        diagnostics: diagnostics, columns: [:], numberConvention: nil)
    }
    submission.sheet = planSheet
    var rest: [BuiltLine] = []
    builder?.takeReady(into: &rest)
    self.builder = nil
    diagnostics += built.diagnostics
    var lines: [PlanLine] = []
    for entry in rest {
      if case .provisional = entry.stage { continue }
      lines.append(entry.line)
    }
    // Lines that waited for the convention come last: back in row order.
    lines.sort { ($0.source.row ?? 0) < ($1.source.row ?? 0) }
    submission.lines = PlanLines(lines)
    submission.lineCount = built.lineCount
    submission.layout = built.isForm ? .form : .flat
    submission.documentNumber = meta.documentNumber
    submission.moneyUnit = built.moneyUnit
    submission.district = built.meta.districts.first?.value
    submission.planYear = built.meta.planYears.first.map { PlanYear(rawValue: $0.value) }
    submission.submittedOn = built.meta.dates.first?.value
    diagnostics += headerProblems(layout, sheet: planSheet, hasNonGroupLine: built.hasNonGroupLine)
    if built.lineCount == 0 {
      diagnostics.append(
        Diagnostic(
          code: .planEmpty, severity: .error,
          position: Position(file: file, sheet: planSheet, row: layout.lastRow)))
    }
    let mapped = MappedSubmission(
      submission: submission, meta: built.meta, declaredTotals: built.totals,
      diagnostics: diagnostics, columns: columnsByKey,
      numberConvention: built.convention)
    return mapped
  }
}

extension SubmissionMapper {
  /// `header.missing` for required columns not found, `header.unknown-column` (a warning)
  /// for header cells naming nothing we know.
  fileprivate func headerProblems(_ layout: HeaderLayout, sheet: String, hasNonGroupLine: Bool)
    -> [Diagnostic]
  {
    // A shifted second header row is the one fault: the columns it renames follow from it.
    if let shift = layout.shifted { return [shift.diagnostic(file: file, sheet: sheet)] }
    var found: [Diagnostic] = []
    var required = ColumnKey.required
    // Beneficiary and place may be absent only when every line is a group project.
    if hasNonGroupLine { required += [.beneficiary, .place] }
    let present = Set(layout.columns.values)
    let missing = required.filter { !present.contains($0) }
    if !missing.isEmpty {
      found.append(
        Diagnostic(
          code: .headerMissing, severity: .error,
          position: Position(file: file, sheet: sheet, row: layout.lastRow),
          values: ["columns": missing.map(\.rawValue).joined(separator: ", ")]))
    }
    for cell in layout.unknown {
      found.append(
        Diagnostic(
          code: .headerUnknownColumn, severity: .warning,
          position: Position(file: file, sheet: sheet, row: cell.row, column: cell.column),
          values: ["value": cell.text]))
    }
    for cell in layout.duplicates {
      found.append(
        Diagnostic(
          code: .headerUnknownColumn, severity: .warning,
          position: Position(file: file, sheet: sheet, row: cell.row, column: cell.column),
          values: ["value": cell.text, "reason": "duplicate"]))
    }
    return found
  }
}

/// One row under the header, as the line builder takes it.
struct BodyRow: Sendable {
  enum Kind: Hashable, Sendable {
    case line
    case section(String)
    case total
  }

  var number: Int
  var kind: Kind
  var cells: KeyedCells
}

/// The cells of one row by column key: the row's own cells, and for each key the place of its
/// cell among them, inline. No allocation and no hashing per row: a row is sorted by key once
/// and then asked for its cells about forty times.
struct KeyedCells: Sendable {
  private let cells: [Cell]
  /// For each key (`ColumnKey.index`), the place of its cell in `cells` plus one; 0 for none.
  private var places = InlineArray<21, Int32>(repeating: 0)

  /// The cells of `cells` (one row's) whose column has a key in `columns`.
  init(_ cells: [Cell], columns: ColumnTable) {
    self.cells = cells
    for (place, cell) in cells.enumerated() {
      if let key = columns.key(at: cell.column) { places[key.index] = Int32(truncatingIfNeeded: place + 1) }
    }
  }

  /// The number of the text in the column of `key` (`Cell.textID`), read without copying the
  /// cell (and retaining its text). Inlined, as the subscript: called, each copied the whole
  /// struct (its 84-byte `InlineArray`) to the stack to read one element of it (Swift 6.3).
  @inline(__always)
  func textID(_ key: ColumnKey) -> Int32? {
    let place = Int(places[key.index])
    return place == 0 ? nil : cells[place - 1].textID
  }

  /// The cell in the column of `key`.
  @inline(__always)
  subscript(key: ColumnKey) -> Cell? {
    let place = Int(places[key.index])
    return place == 0 ? nil : cells[place - 1]
  }
}

/// Which key each column of a layout holds and which column holds each key, as arrays: read
/// for every cell of every line, where a dictionary would hash each time.
struct ColumnTable: Sendable {
  /// The key of column `c` at `c`; columns past the last keyed one have none.
  private let keys: [ColumnKey?]
  /// The column of each key (`ColumnKey.index`); 0 for none.
  private var columns = InlineArray<21, Int32>(repeating: 0)

  /// The table of `layout.columns` (one column per key: `HeaderLayout` reports a second one
  /// as a duplicate and keeps the first).
  init(_ layout: [Int: ColumnKey]) {
    var keys = [ColumnKey?](repeating: nil, count: max(0, layout.keys.max() ?? 0) + 1)
    for (column, key) in layout where column >= 0 {
      keys[column] = key
      let known = columns[key.index]
      if known == 0 || column < known { columns[key.index] = Int32(truncatingIfNeeded: column) }
    }
    self.keys = keys
  }

  /// The key of the 1-based `column`, if it has one.
  @inline(__always)
  func key(at column: Int) -> ColumnKey? {
    column >= 0 && column < keys.count ? keys[column] : nil
  }

  /// The column of `key`, if the layout has it.
  @inline(__always)
  func column(of key: ColumnKey) -> Int? {
    let column = columns[key.index]
    return column == 0 ? nil : Int(column)
  }
}

extension DiagnosticCode {
  /// A second sheet that also holds a plan table was not read (warning).
  public static let sheetIgnored = Self(rawValue: "sheet.ignored")
}
