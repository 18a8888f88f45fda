/// Turns the rows under a header into typed plan lines as they stream in (SPEC §3, §8), and
/// hands each line on as soon as it is final (`takeReady`): nothing here grows with the lines.
///
/// Money typed as text such as `1.500` means one thing in each number convention, and the
/// file's convention is only known once its whole table was seen ("an ambiguous value is
/// resolved by the file's other values or reported"). So each row becomes its line at once,
/// and only a line with an ambiguous cell waits (`Pending`, `held`), handed on first as
/// provisional (with the amounts it may end with) and then final at `finish`; raw rows are
/// never held. The outcome is exactly that of reading the whole table first.
struct LineBuilder {
  let file: String
  let sheet: String
  let layout: HeaderLayout
  let programme: Programme

  struct Output {
    var totals: [DeclaredTotal] = []
    var diagnostics: [Diagnostic] = []
    var meta: SubmissionMeta
    var moneyUnit: MoneyUnit = .trieuDong
    var convention: NumberConvention?
    var isForm = false
    /// Rows with an amount that could not be read, marked on their lines and totals (a line
    /// with an ambiguous amount, and a total, only at the end).
    var unreadableMoneyRows: Set<Int> = []
    /// How many lines the table has.
    var lineCount = 0
    /// Whether one of them is not a group project (beneficiary and place are then required).
    var hasNonGroupLine = false
  }

  /// A cell whose number depends on the file's convention, kept until it is decided.
  private struct Pending {
    enum Target {
      /// `held[index]`'s amount in column `key`.
      case line(Int)
      case total(Int)
      /// `held[index]`'s quantity.
      case quantity(Int)
    }

    var target: Target
    var key: ColumnKey
    var row: Int
    var raw: String
    var vietnamese: ExactDecimal
    var english: ExactDecimal
  }

  private var output: Output
  /// The programme's content resolver, behind one reference: the memo's closure captures it
  /// for each line, and a copy of the struct retained and released a dozen references.
  private let resolver: Shared<ContentResolver>
  private let districts: DistrictMatcher
  private var lastDistrict = ""
  /// The plan year and date cells of the last line whose year or date could be read.
  private var lastReadYear: CellValue?
  private var lastReadDate: CellValue?
  /// The numbers of the texts of `lastDistrict`, `lastReadYear` and `lastReadDate`
  /// (`Cell.textID`), when their reader numbered them: the same number is the same text,
  /// passed over without copying the cell (issue 7).
  private var lastDistrictID: Int32?
  private var lastReadYearID: Int32?
  private var lastReadDateID: Int32?
  /// The open section: its row, and the group of lines under it.
  private var sectionStart: (label: String, row: BodyRow, group: Int)?
  /// The group the next line falls in: a section or total row starts a new one, so each
  /// declared total covers a range of groups (`DeclaredTotal.lineGroups`), not a list of rows.
  private var group = 0
  private var sawStructure: Bool
  /// The conventions the file's text numbers point to so far (`NumberReader.convention`).
  /// (At most two: an array, where a set would hash the convention's name on every row.)
  private var evidence: [NumberConvention] = []
  private var pending: [Pending] = []
  /// Lines with a pending cell, in row order, with their group: final only at `finish`.
  private var held: [(line: PlanLine, group: Int)] = []
  /// Lines built and not yet taken (`takeReady`).
  private var ready: [BuiltLine] = []
  /// Readings of repeated texts: numbers (of the text as it is, for the convention's evidence,
  /// and trimmed, for the amount), plan times, periods, content cells.
  private var numbers = CellTextMemo<NumberReader.Reading>()
  private var amounts = CellTextMemo<TextNumber>()
  /// Cell texts trimmed and in NFC, for the short ones (they repeat).
  private var trims = CellTextMemo<String>()
  /// What each group-project text says (`flag`), for the texts met.
  private var flags = CellTextMemo<Bool?>()
  /// The column of each key (the leftmost, as `HeaderLayout.column(of:)`).
  private let keyColumns: ColumnTable
  private var times = Memo<TimeCell, PlanTime?>()
  /// Plan times of the texts their reader numbered, read with `timeTextsYear` as default year.
  private var timeTexts = CellTextMemo<PlanTime?>()
  private var timeTextsYear: Int?
  private var periods = Memo<PeriodText, Period?>()
  private var contents = Memo<ContentCell, ResolvedContent?>()

  /// A time cell as a memo key: its text by bytes (`TextBytes`), other values as they are.
  private struct TimeCell: MemoKey {
    var value: CellValue
    var defaultYear: Int?
    /// The text's bytes with their hash, for a text cell.
    private let text: TextBytes?

    init(value: CellValue, defaultYear: Int?) {
      self.value = value
      self.defaultYear = defaultYear
      if case .text(let text) = value { self.text = TextBytes(text) } else { self.text = nil }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
      guard lhs.defaultYear == rhs.defaultYear else { return false }
      if let a = lhs.text, let b = rhs.text { return a == b }
      return lhs.value == rhs.value
    }

    var memoHash: UInt64 {
      let year = UInt64(bitPattern: Int64(defaultYear ?? -1))
      return TextBytes.mix(text?.memoHash ?? UInt64(bitPattern: Int64(value.hashValue)), year)
    }
  }
  private struct PeriodText: MemoKey {
    var text: TextBytes
    var defaultYear: Int?

    var memoHash: UInt64 { TextBytes.mix(text.memoHash, UInt64(bitPattern: Int64(defaultYear ?? -1))) }
  }
  private struct Period {
    var start: PlanTime
    var end: PlanTime
  }
  private struct ContentCell: MemoKey {
    var text: TextBytes
    var unit: TextBytes?

    var memoHash: UInt64 { TextBytes.mix(text.memoHash, unit?.memoHash ?? 0) }
  }
  private struct ResolvedContent {
    var indicator: IndicatorCode?
    var area: IndicatorCode
  }

  /// A builder for the table under `layout` (whose columns `columns` tables), with what the
  /// title block said (`meta`).
  init(
    file: String, sheet: String, layout: HeaderLayout, columns: ColumnTable, programme: Programme,
    lookups: ProgrammeLookups, meta: SubmissionMeta
  ) {
    self.file = file
    self.sheet = sheet
    self.layout = layout
    self.programme = programme
    self.resolver = Shared(lookups.content)
    self.districts = lookups.districts
    self.sawStructure = layout.firstRow != layout.lastRow
    self.keyColumns = columns
    output = Output(meta: meta)
    // The title block's "Đơn vị tính" rules; a unit in the money header counts when the title
    // has none; two different units cannot both be right (`meta.unit`).
    output.moneyUnit = meta.moneyUnit?.value ?? layout.moneyUnit?.unit ?? .trieuDong
    if let title = meta.moneyUnit, let header = layout.moneyUnit, title.value != header.unit {
      output.diagnostics.append(
        Diagnostic(
          code: .metaUnit, severity: .error,
          position: Position(file: file, sheet: sheet, row: header.row, column: header.column),
          values: [
            "value": header.unit.vietnameseName, "other": title.value.vietnameseName,
            "otherCell": title.position.cellReference,
          ]))
    }
  }

  /// Takes the next row under the header; its line (or total) is built now.
  mutating func add(_ row: BodyRow) {
    noteEvidence(row)
    switch row.kind {
    case .section(let label):
      sawStructure = true
      if let open = sectionStart {
        output.totals.append(declared(open.row, section: open.label, groups: open.group..<open.group + 1))
      }
      group += 1
      sectionStart = (label, row, group)
    case .total:
      sawStructure = true
      if let open = sectionStart {
        output.totals.append(declared(open.row, section: open.label, groups: open.group..<open.group + 1))
        sectionStart = nil
      }
      // A total row covers every line above it.
      output.totals.append(declared(row, section: nil, groups: 0..<group + 1))
      group += 1
    case .line:
      readMeta(row)
      let pendingBefore = pending.count
      var built = line(row)
      complete(&built, row)
      output.lineCount += 1
      if !built.isGroup { output.hasNonGroupLine = true }
      if pending.count > pendingBefore {
        // It waits for the file's convention; until then it is announced with the amounts
        // it may end with, so that a check keyed on amounts keeps lines in row order.
        let waiting = pending[pendingBefore...]
        held.append((built, group))
        ready.append(
          BuiltLine(line: built, group: group, stage: .provisional(possibleAmounts(of: built, waiting))))
      } else {
        built.amountsAreReadable = !output.unreadableMoneyRows.contains(row.number)
        ready.append(BuiltLine(line: consume built, group: group, stage: .streamed))
      }
    }
  }

  /// The district the lines are for so far: the first one named (it never changes after).
  var firstDistrict: DistrictCode? { output.meta.districts.first?.value }
  /// The plan year the lines are for so far: the first one given (it never changes after).
  var firstYear: Int? { output.meta.planYears.first?.value }

  /// Moves the lines built since the last call into `buffer` (which must be empty): the
  /// caller checks them and lets them go.
  mutating func takeReady(into buffer: inout [BuiltLine]) {
    swap(&buffer, &ready)
  }

  /// The amounts a line with pending cells ends with under each outcome of `finish`
  /// (Vietnamese, English, undecided), as `resolve` would set them.
  private func possibleAmounts(of line: PlanLine, _ waiting: ArraySlice<Pending>) -> [FundTotals] {
    let outcomes: [NumberConvention?] = [.vietnamese, .english, nil]
    return outcomes.map { convention in
      var amounts = line.amounts
      for cell in waiting {
        guard case .line = cell.target,
          let fund = FundColumn.allCases.first(where: { $0.columnKey == cell.key })
        else { continue }
        let value: ExactDecimal?
        switch convention {
        case .vietnamese?: value = cell.vietnamese
        case .english?: value = cell.english
        case nil: value = nil
        }
        if let value, let amount = Money(value, unit: output.moneyUnit),
          amount.dong.magnitude <= Self.largestAmount
        {
          amounts.set(fund, amount)
        }
      }
      return amounts
    }
  }

  /// The lines and totals, once the table has ended: the convention is decided and the
  /// ambiguous cells are read in it (or reported).
  /// The held lines become ready, final, in row order.
  mutating func finish() -> Output {
    if let open = sectionStart {
      output.totals.append(declared(open.row, section: open.label, groups: open.group..<open.group + 1))
      sectionStart = nil
    }
    output.convention = evidence.count == 1 ? evidence.first : nil
    for cell in pending { resolve(cell) }
    pending = []
    // Lines and totals with an amount that could not be read say so themselves.
    let unreadable = output.unreadableMoneyRows
    for (line, group) in held {
      var final = line
      final.amountsAreReadable = !unreadable.contains(line.source.row ?? 0)
      ready.append(BuiltLine(line: final, group: group, stage: .resolved))
    }
    held = []
    if !unreadable.isEmpty {
      for index in output.totals.indices where unreadable.contains(output.totals[index].position.row ?? 0) {
        output.totals[index].amountsAreReadable = false
      }
    }
    let flatColumns: Set<ColumnKey> = [.district, .planYear, .submittedOn]
    output.isForm = sawStructure && flatColumns.isDisjoint(with: layout.columns.values)
    // A section row without amounts declares nothing to check.
    output.totals.removeAll { $0.amounts.isEmpty }
    return output
  }

  /// What the row's text numbers say about the file's convention.
  private mutating func noteEvidence(_ row: BodyRow) {
    for key in Self.numberKeys {
      if let id = row.cells.textID(key), let known = numbers.known(id: id) {
        if case .value(_, let found?) = known, !evidence.contains(found) { evidence.append(found) }
        continue
      }
      if let cell = row.cells[key], case .value(_, let found?)? = numbers.value(of: cell, NumberReader.read) {
        if !evidence.contains(found) { evidence.append(found) }
      }
    }
  }

  // MARK: - Cells

  private func position(_ row: Int, _ key: ColumnKey?) -> Position {
    Position(file: file, sheet: sheet, row: row, column: key.flatMap { keyColumns.column(of: $0) })
  }

  private mutating func text(_ row: BodyRow, _ key: ColumnKey) -> String? {
    // A numbered text trimmed before (most cells): without copying the cell.
    if let id = row.cells.textID(key), let known = trims.known(id: id) { return known.isEmpty ? nil : known }
    guard let cell = row.cells[key] else { return nil }
    let text = trim(cell)
    return text.isEmpty ? nil : text
  }

  /// The cell's `displayText.nfcTrimmed`, remembered for the texts its reader numbered and
  /// other short ones (district, unit, place: they repeat).
  private mutating func trim(_ cell: Cell) -> String {
    guard case .text(let text) = cell.value else { return cell.value.displayText.nfcTrimmed }
    if cell.textID == nil && text.utf8.count > 64 {
      // NFC already (its reader says): nothing to do unless it starts or ends with a space.
      if cell.textIsNFC, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
        !Self.isWhitespace(first), !Self.isWhitespace(last)
      {
        return text
      }
      return text.nfcTrimmed
    }
    return trims.value(for: text, id: cell.textID) { $0.nfcTrimmed }
  }

  /// Whether `scalar` has Unicode's White_Space property (which Foundation's
  /// `whitespacesAndNewlines` trims): answered for ASCII without the property tables.
  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    return scalar.properties.isWhitespace
  }

  /// What a text in a number column says, trimmed: nothing, or a reading.
  private enum TextNumber {
    /// Vietnamese forms write "-" for nothing in a money column.
    case nothing
    case reading(NumberReader.Reading)

    init(_ raw: String) {
      let trimmed = raw.nfcTrimmed
      // (A mark is one character: longer texts skip hashing into the set.)
      if trimmed.utf8.count <= 3 && LineBuilder.nothingMarks.contains(trimmed) {
        self = .nothing
      } else {
        self = .reading(NumberReader.read(trimmed))
      }
    }
  }

  /// What a number cell holds, before the file's convention is known.
  private enum NumberCell {
    case absent
    case value(ExactDecimal)
    case unreadable(Diagnostic)
    /// `1.500`: 1,5 or 1500, decided with the file's convention (`finish`).
    case ambiguous(raw: String, vietnamese: ExactDecimal, english: ExactDecimal)
  }

  /// An exact number from a cell; a diagnostic (at the cell) when it is not one.
  private mutating func number(_ row: BodyRow, _ key: ColumnKey) -> NumberCell {
    // A numbered text read before as nothing or as one number (most amounts): without copying
    // the cell. Other readings need the text (for their report or to wait): read below.
    if let id = row.cells.textID(key), let known = amounts.known(id: id) {
      switch known {
      case .nothing: return .absent
      case .reading(.value(let value, _)): return .value(value)
      case .reading(.ambiguous), .reading(.invalid): break
      }
    }
    guard let cell = row.cells[key], !cell.value.isEmpty else { return .absent }
    switch cell.value {
    case .number(let literal):
      guard let value = ExactDecimal(literal: literal) else {
        return .unreadable(typeError(position(row.number, key), literal, expected: "number"))
      }
      return .value(value)
    case .text(let raw):
      switch amounts.value(for: raw, id: cell.textID, TextNumber.init) {
      case .nothing: return .absent
      case .reading(.value(let value, _)): return .value(value)
      case .reading(.ambiguous(let vietnamese, let english)):
        return .ambiguous(raw: raw, vietnamese: vietnamese, english: english)
      case .reading(.invalid):
        return .unreadable(typeError(position(row.number, key), raw, expected: "number"))
      }
    default:
      return .unreadable(typeError(position(row.number, key), cell.value.displayText, expected: "number"))
    }
  }

  /// The ambiguous value read in the file's convention, or its `cell.type` when there is none.
  private func decided(_ cell: Pending) -> CellReading<ExactDecimal> {
    switch output.convention {
    case .vietnamese?: return .value(cell.vietnamese)
    case .english?: return .value(cell.english)
    case nil:
      return .unreadable(
        Diagnostic(
          code: .cellType, severity: .error, position: position(cell.row, cell.key),
          values: [
            "value": cell.raw, "expected": "number", "reason": "ambiguous",
            "vietnamese": cell.vietnamese.description, "english": cell.english.description,
          ]))
    }
  }

  /// Reads a pending cell now that the convention is known, into its line or total.
  private mutating func resolve(_ cell: Pending) {
    let reading = decided(cell)
    switch cell.target {
    case .quantity(let index):
      var line = held[index].line
      quantity(reading, row: cell.row, into: &line)
      held[index].line = line
    case .line(let index):
      if case .value(let amount) = money(reading, row: cell.row, key: cell.key, isLine: true),
        let fund = FundColumn.allCases.first(where: { $0.columnKey == cell.key })
      {
        held[index].line.amounts.set(fund, amount)
      }
    case .total(let index):
      if case .value(let amount) = money(reading, row: cell.row, key: cell.key, isLine: false),
        let fund = FundColumn.allCases.first(where: { $0.columnKey == cell.key })
      {
        output.totals[index].amounts[fund] = Located(amount, at: position(cell.row, cell.key))
      }
    }
  }

  private func typeError(_ at: Position, _ value: String, expected: String) -> Diagnostic {
    Diagnostic(
      code: .cellType, severity: .error, position: at,
      values: ["value": value, "expected": expected])
  }

  /// The number in a cell, or, when it is ambiguous, a note to read it at `finish`.
  private mutating func reading(_ row: BodyRow, _ key: ColumnKey, waiting target: Pending.Target)
    -> CellReading<ExactDecimal>
  {
    switch number(row, key) {
    case .absent: return .absent
    case .value(let value): return .value(value)
    case .unreadable(let diagnostic): return .unreadable(diagnostic)
    case .ambiguous(let raw, let vietnamese, let english):
      pending.append(
        Pending(
          target: target, key: key, row: row.number, raw: raw, vietnamese: vietnamese,
          english: english))
      return .absent
    }
  }

  /// Money in the file's unit from a number read in a cell; an unreadable one is reported
  /// and its row's sums become unknown. A negative amount is reported on lines only: a total
  /// row's sign follows its lines.
  private mutating func money(
    _ reading: CellReading<ExactDecimal>, row: Int, key: ColumnKey, isLine: Bool
  ) -> CellReading<Money> {
    switch reading {
    case .absent:
      return .absent
    case .unreadable(let diagnostic):
      output.diagnostics.append(diagnostic)
      output.unreadableMoneyRows.insert(row)
      return .unreadable(diagnostic)
    case .value(let value):
      // Where a report points: made only for one (most amounts are fine).
      var at: Position { position(row, key) }
      guard let amount = Money(value, unit: output.moneyUnit) else {
        output.unreadableMoneyRows.insert(row)
        let overflows = value.units.multipliedReportingOverflow(by: output.moneyUnit.dongPerUnit).overflow
        let diagnostic = Diagnostic(
          code: .cellType, severity: .error, position: at,
          values: [
            "value": value.description, "expected": "money",
            "reason": overflows ? "too large" : "finer than 1 đồng",
          ])
        output.diagnostics.append(diagnostic)
        return .unreadable(diagnostic)
      }
      // One amount above a million tỷ đồng is a typing slip, and would let sums overflow.
      if amount.dong.magnitude > Self.largestAmount {
        output.unreadableMoneyRows.insert(row)
        let diagnostic = Diagnostic(
          code: .cellType, severity: .error, position: at,
          values: ["value": amount.trieuText, "expected": "money", "reason": "too large"])
        output.diagnostics.append(diagnostic)
        return .unreadable(diagnostic)
      }
      if amount.dong < 0 && isLine {
        output.diagnostics.append(
          Diagnostic(
            code: .budgetNegative, severity: .error, position: at,
            values: ["value": amount.trieuText, "column": key.rawValue]))
      }
      return .value(amount)
    }
  }

  /// A line's quantity from a number read in its cell.
  private mutating func quantity(_ reading: CellReading<ExactDecimal>, row: Int, into line: inout PlanLine) {
    switch reading {
    case .unreadable(let diagnostic): output.diagnostics.append(diagnostic)
    case .value(let value):
      if value.units <= 0 {
        output.diagnostics.append(
          Diagnostic(
            code: .cellType, severity: .error, position: position(row, .quantity),
            values: ["value": value.description, "expected": "quantity > 0"]))
      }
      line.quantity = value
    case .absent: break
    }
  }

  // MARK: - Rows

  /// The total row `row` as declared, covering the lines of `groups`; it becomes
  /// `output.totals[output.totals.count]`.
  private mutating func declared(_ row: BodyRow, section: String?, groups: Range<Int>) -> DeclaredTotal {
    var amounts: [FundColumn: Located<Money>] = [:]
    let index = output.totals.count
    for fund in FundColumn.allCases {
      let read = reading(row, fund.columnKey, waiting: .total(index))
      if case .value(let amount) = money(read, row: row.number, key: fund.columnKey, isLine: false) {
        amounts[fund] = Located(amount, at: position(row.number, fund.columnKey))
      }
    }
    let label = section.map { s in text(row, .activity).map { s + ". " + $0 } ?? s }
    return DeclaredTotal(
      section: label, position: position(row.number, nil), amounts: amounts,
      lineGroups: groups)
  }

  /// The flat layout's meta columns: the first value, and any row that disagrees with it.
  /// `lastDistrict` is the previous line's district text: the same text is not matched again.
  private mutating func readMeta(_ row: BodyRow) {
    if !repeats(row, .district, lastDistrictID), let value = text(row, .district), value != lastDistrict {
      lastDistrict = value
      lastDistrictID = row.cells.textID(.district)
      let at = position(row.number, .district)
      if let code = districts.exact(value) ?? districts.mentioned(in: value) {
        if output.meta.districts.last?.value != code { output.meta.districts.append(Located(code, at: at)) }
      } else if output.meta.unknownDistricts.last?.value != value {
        output.meta.unknownDistricts.append(Located(value, at: at))
      }
    }
    // The same readable year or date as the line before changes nothing: not read again.
    if !repeats(row, .planYear, lastReadYearID), let cell = row.cells[.planYear], !cell.value.isEmpty,
      cell.value != lastReadYear
    {
      let at = position(row.number, .planYear)
      let shown = cell.value.displayText.nfcTrimmed
      if let year = TitleBlockReader.year(in: shown) {
        lastReadYear = cell.value
        lastReadYearID = cell.textID
        if output.meta.planYears.last?.value != year { output.meta.planYears.append(Located(year, at: at)) }
      } else {
        output.meta.unreadableYears.append(Located(shown, at: at))
      }
    }
    if !repeats(row, .submittedOn, lastReadDateID), let cell = row.cells[.submittedOn], !cell.value.isEmpty,
      cell.value != lastReadDate
    {
      let at = position(row.number, .submittedOn)
      if let day = DateReader.day(from: cell.value) {
        lastReadDate = cell.value
        lastReadDateID = cell.textID
        if output.meta.dates.last?.value != day { output.meta.dates.append(Located(day, at: at)) }
      } else {
        output.meta.unreadableDates.append(Located(cell.value.displayText, at: at))
      }
    }
  }

  /// Whether the cell of `key` holds text number `last` (`Cell.textID`): the text read from
  /// that column last, passed over without copying the cell.
  private func repeats(_ row: BodyRow, _ key: ColumnKey, _ last: Int32?) -> Bool {
    guard let last else { return false }
    return row.cells.textID(key) == last
  }

  /// The line of `row`, its texts and amounts read; `complete` reads the rest. Two steps: a
  /// line changed in place through calls and then returned was copied on its way out (a
  /// dozen references retained, then released with the original: issue 7).
  private mutating func line(_ row: BodyRow) -> PlanLine {
    let contentText = text(row, .content) ?? ""
    var amounts = FundTotals()
    let index = held.count
    for fund in FundColumn.allCases {
      let read = reading(row, fund.columnKey, waiting: .line(index))
      if case .value(let amount) = money(read, row: row.number, key: fund.columnKey, isLine: true) {
        amounts.set(fund, amount)
      }
    }
    return PlanLine(
      source: position(row.number, nil), contentText: contentText,
      activity: text(row, .activity) ?? "", implementer: text(row, .implementer) ?? "",
      amounts: amounts)
  }

  /// The rest of the line of `row` (`line`); when one of its cells waits for the file's
  /// convention, it becomes `held[held.count]`.
  private mutating func complete(_ line: inout PlanLine, _ row: BodyRow) {
    let contentText = line.contentText
    let index = held.count
    line.beneficiary = text(row, .beneficiary)
    line.place = text(row, .place)
    line.unit = text(row, .unit)
    line.note = text(row, .note)
    if let cell = row.cells[.group], !cell.value.isEmpty {
      let flag = flags.value(of: cell) { Self.flag(.text($0)) } ?? Self.flag(cell.value)
      switch flag {
      case let value?: line.isGroup = value
      case nil:
        output.diagnostics.append(
          typeError(
            position(row.number, .group), cell.value.displayText,
            expected: "x / có / không"))
      }
    }
    // Required cells (SPEC §3): beneficiary and place may be empty for a group project. Their
    // texts were read above (`text` gives `nil` for an empty cell, kept as "" or `nil`): not
    // trimmed and scanned a second time.
    require(.content, filled: !contentText.isEmpty, row: row.number)
    require(.activity, filled: !line.activity.isEmpty, row: row.number)
    require(.implementer, filled: !line.implementer.isEmpty, row: row.number)
    if !line.isGroup {
      require(.beneficiary, filled: line.beneficiary != nil, row: row.number)
      require(.place, filled: line.place != nil, row: row.number)
    }
    if keyColumns.column(of: .total) != nil, line.amounts.total == .zero,
      row.cells[.total].map({
        $0.value.isEmpty || Self.nothingMarks.contains($0.value.displayText.nfcTrimmed)
      }) ?? true
    {
      output.unreadableMoneyRows.insert(row.number)  // no total: its sum cannot be checked
      output.diagnostics.append(
        Diagnostic(
          code: .cellRequired, severity: .error,
          position: position(row.number, .total),
          values: ["column": ColumnKey.total.rawValue]))
    }
    if !contentText.isEmpty {
      let resolver = self.resolver
      if let resolved = contents.value(
        for: ContentCell(text: TextBytes(contentText), unit: line.unit.map(TextBytes.init)),
        { cell in
          resolver.value.resolve(cell.text.text, unit: cell.unit?.text).map {
            ResolvedContent(indicator: $0.indicator, area: $0.area)
          }
        })
      {
        line.indicator = resolved.indicator
        line.contentArea = resolved.area
      } else {
        output.diagnostics.append(
          Diagnostic(
            code: .contentUnknown, severity: .error,
            position: position(row.number, .content),
            values: ["value": contentText]))
      }
    }
    quantity(reading(row, .quantity, waiting: .quantity(index)), row: row.number, into: &line)
    readTimes(row, into: &line)
  }

  /// `cell.required` for the cell of `key` in row `row`, unless it is `filled`.
  private mutating func require(_ key: ColumnKey, filled: Bool, row: Int) {
    // A column missing from the header is one `header.missing`, not an error on every line.
    guard !filled, keyColumns.column(of: key) != nil else { return }
    output.diagnostics.append(
      Diagnostic(
        code: .cellRequired, severity: .error,
        position: position(row, key),
        values: ["column": key.rawValue]))
  }

  private mutating func readTimes(_ row: BodyRow, into line: inout PlanLine) {
    let defaultYear = output.meta.planYears.first?.value
    for key in Self.timeKeys {
      // A numbered text read before as a time (most cells): without copying the cell.
      if defaultYear == timeTextsYear, let id = row.cells.textID(key),
        case let known?? = timeTexts.known(id: id)
      {
        if key == .start { line.start = known } else { line.end = known }
        continue
      }
      guard let cell = row.cells[key], !cell.value.isEmpty else { continue }
      if let time = planTime(cell, defaultYear: defaultYear) {
        if key == .start { line.start = time } else { line.end = time }
      } else {
        output.diagnostics.append(
          typeError(
            position(row.number, key), cell.value.displayText,
            expected: "month, quarter or date"))
      }
    }
    if let cell = row.cells[.period], !cell.value.isEmpty {
      if case .text(let text) = cell.value,
        let period = periods.value(
          for: PeriodText(text: TextBytes(text.nfcTrimmed), defaultYear: output.meta.planYears.first?.value),
          {
            DateReader.period(from: $0.text.text, defaultYear: $0.defaultYear).map {
              Period(start: $0.start, end: $0.end)
            }
          })
      {
        line.start = line.start ?? period.start
        line.end = line.end ?? period.end
      } else if let time = times.value(
        for: TimeCell(value: cell.value, defaultYear: nil), { DateReader.planTime(from: $0.value) })
      {
        line.start = line.start ?? time
        line.end = line.end ?? time
      } else {
        output.diagnostics.append(
          typeError(
            position(row.number, .period), cell.value.displayText,
            expected: "month, quarter or date"))
      }
    }
  }

  /// `DateReader.planTime` of a cell, remembered.
  private mutating func planTime(_ cell: Cell, defaultYear: Int?) -> PlanTime? {
    if case .text(let text) = cell.value, let id = cell.textID {
      if defaultYear != timeTextsYear {
        timeTexts = CellTextMemo()
        timeTextsYear = defaultYear
      }
      return timeTexts.value(for: text, id: id) {
        DateReader.planTime(from: .text($0), defaultYear: defaultYear)
      }
    }
    return times.value(for: TimeCell(value: cell.value, defaultYear: defaultYear)) {
      DateReader.planTime(from: $0.value, defaultYear: $0.defaultYear)
    }
  }

  /// The columns of a line's start and end.
  private static let timeKeys: [ColumnKey] = [.start, .end]

  /// Columns whose text numbers say which convention the file writes.
  private static let numberKeys = ColumnKey.money + [.quantity]

  /// The largest amount accepted in one cell, in đồng (10^15: a million tỷ).
  static let largestAmount: UInt64 = 1_000_000_000_000_000

  /// Texts that mean an empty amount.
  static let nothingMarks: Set<String> = ["-", "–", "—", "--"]

  /// "x", "có", "1", "yes", TRUE → true; "không", "0", "no", FALSE → false.
  static func flag(_ value: CellValue) -> Bool? {
    switch value {
    case .boolean(let flag): return flag
    case .number(let literal): return literal == "1" ? true : literal == "0" ? false : nil
    default:
      let key = TextKey(value.displayText)
      if ["x", "co", "1", "yes", "true", "y", "nhom", "v"].contains(key.folded) { return true }
      if ["", "khong", "0", "no", "false", "n", "k"].contains(key.folded) { return false }
      return nil
    }
  }
}

extension FundTotals {
  /// Sets the amount of one money column.
  mutating func set(_ fund: FundColumn, _ amount: Money) {
    switch fund {
    case .total: total = amount
    case .national: national = amount
    case .local: local = amount
    case .counterpart: counterpart = amount
    case .other: other = amount
    }
  }
}

/// A line as the mapper hands it on to validation.
struct BuiltLine {
  /// Where the line stands in the stream.
  enum Stage {
    /// Final when built.
    case streamed
    /// Waiting for the file's number convention: the amounts it may end with (one per
    /// outcome). It comes again, `resolved`, when the table has ended.
    case provisional([FundTotals])
    /// Final at the end of the table, after being `provisional`.
    case resolved
  }

  var line: PlanLine
  /// The group of lines it falls in (`DeclaredTotal.lineGroups`).
  var group: Int
  var stage: Stage
}

/// A value behind one reference, so that capturing or copying it costs one retain.
final class Shared<Value: Sendable>: Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
