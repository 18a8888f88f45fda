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
    case body(HeaderLayout)
    case skippingSheet
    case done
  }

  private var phase = Phase.seeking
  private var sheetName = ""
  private var titleRows: [SheetRow] = []
  private var planSheet: String?
  private var layout: HeaderLayout?
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
  /// Readings of the money cells' texts, once per distinct text.
  private var numbers = Memo<TextBytes, NumberReader.Reading>()

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
    case .body(let layout):
      if bodyRowCount == 0 && !totalSeen && row.number <= layout.lastRow + 1
        && HeaderLayout.isColumnNumberRow(row)
      {
        return
      }
      classify(row, layout: layout)
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
    phase = .body(layout)
    for row in titleRows { titleReader.read(row, file: file, sheet: sheetName, into: &meta) }
    titleRows = []
    builder = LineBuilder(
      file: file, sheet: sheetName, layout: layout, programme: programme, lookups: lookups, meta: meta)
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
  private mutating func classify(_ row: SheetRow, layout: HeaderLayout) {
    var cells = KeyedCells()
    var unmapped: [Cell] = []
    for cell in row.cells {
      if let key = layout.columns[cell.column] { cells[key] = cell } else { unmapped.append(cell) }
    }
    // Only a number makes a money cell count: a signature block may run across the money
    // columns ("TM. ỦY BAN NHÂN DÂN" under KCQG).
    let hasMoney = ColumnKey.money.contains { key in
      switch cells[key]?.value {
      case .number?: return true
      case .text(let text)?:
        return numbers.value(for: TextBytes(text.nfcTrimmed), { NumberReader.read($0.text) }) != .invalid
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
    let labels =
      [cells[.rowNumber], cells[.content], cells[.activity], cells[.implementer]].compactMap { $0 }
      + row.cells.filter { $0.column <= 3 }
    let isTotal = labels.contains { cell in
      guard case .text(let text) = cell.value, text.utf8.count <= 40 else { return false }
      return memo?.facts(of: text).isTotalLabel ?? false
    }
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
    let described: [ColumnKey] = [.content, .activity, .implementer, .beneficiary, .place, .unit, .quantity]
    let filled = described.filter { cells[$0].map { !$0.value.isEmpty } ?? false }
    // "A", "B." grouping sections (capital letters only: "a", "b" number sub-lines).
    if stt.count == 1, let letter = stt.first, ("A"..."H").contains(letter),
      !filled.contains(where: { [.implementer, .beneficiary, .place, .unit, .quantity].contains($0) })
    {
      return
    }
    let looksLikeLine = filled.count >= 2
    if !hasMoney && !looksLikeLine {
      let text = TextKey(row.cells.map { $0.value.displayText }.joined(separator: " "))
      if totalSeen || Self.signatureKeys.contains(where: { text.contains(words: $0) }) {
        return  // signature block: "Nơi nhận", "TM. ỦY BAN NHÂN DÂN", a name
      }
      if row.cells.allSatisfy({ layout.columns[$0.column] == .rowNumber }) {
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
    if hasMoney && filled.isEmpty && stt.isEmpty {
      // Amounts under the lines with no label: a total row that forgot to say so.
      totalSeen = true
      append(BodyRow(number: row.number, kind: .total, cells: cells))
      return
    }
    append(BodyRow(number: row.number, kind: .line, cells: cells))
  }

  /// Hands a row under the header to the line builder.
  private mutating func append(_ row: BodyRow) {
    bodyRowCount += 1
    builder?.add(row)
  }

  /// A row label without its trailing dot or parentheses ("II." → "II", "(1)" → "1").
  static func trimmedLabel(_ text: String) -> String {
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

/// One row under the header, kept raw until the file's number convention is known.
struct BodyRow: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    case line
    case section(String)
    case total
  }

  var number: Int
  var kind: Kind
  var cells: KeyedCells
}

/// The cells of one row by column key: a short array searched linearly, because a
/// dictionary per row costs kilobytes and a plan keeps every row until its numbers are read.
struct KeyedCells: Hashable, Sendable {
  private var entries: [Cell] = []
  private var keys: [ColumnKey] = []

  /// The cell in the column of `key`.
  subscript(key: ColumnKey) -> Cell? {
    get { keys.firstIndex(of: key).map { entries[$0] } }
    set {
      if let index = keys.firstIndex(of: key) {
        if let newValue {
          entries[index] = newValue
        } else {
          entries.remove(at: index)
          keys.remove(at: index)
        }
      } else if let newValue {
        keys.append(key)
        entries.append(newValue)
      }
    }
  }
}

extension DiagnosticCode {
  /// A second sheet that also holds a plan table was not read (warning).
  public static let sheetIgnored = Self(rawValue: "sheet.ignored")
}
