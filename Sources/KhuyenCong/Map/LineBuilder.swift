/// Turns the raw rows under a header into typed plan lines, once the whole table was seen:
/// money in text cells can only be read after the file's number convention is decided
/// (SPEC §3: "an ambiguous value is resolved by the file's other values or reported").
struct LineBuilder {
  let file: String
  let sheet: String
  let layout: HeaderLayout
  let programme: Programme

  struct Output {
    var lines: [PlanLine] = []
    var totals: [DeclaredTotal] = []
    var diagnostics: [Diagnostic] = []
    var meta: SubmissionMeta
    var moneyUnit: MoneyUnit = .trieuDong
    var convention: NumberConvention?
    var isForm = false
    /// Rows with an amount that could not be read: their sums are unknown.
    var unreadableMoneyRows: Set<Int> = []
  }

  /// Builds the lines and totals of `rows`; each row's cells are released once its line is
  /// built, so the raw table and the typed lines are not both held whole.
  func build(rows: inout [BodyRow], meta: SubmissionMeta) -> Output {
    var output = Output(meta: meta)
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
    output.convention = decideConvention(rows)
    let resolver = ContentResolver(programme: programme)
    let districts = DistrictMatcher(programme: programme)
    var lastDistrict = ""
    var sectionStart: (label: String, row: BodyRow, lines: [Int])?
    var allLineRows: [Int] = []
    var sawStructure = layout.firstRow != layout.lastRow
    for index in rows.indices {
      let row = rows[index]
      rows[index].cells = KeyedCells()
      switch row.kind {
      case .section(let label):
        sawStructure = true
        if let open = sectionStart {
          output.totals.append(declared(open.row, section: open.label, lines: open.lines, into: &output))
        }
        sectionStart = (label, row, [])
      case .total:
        sawStructure = true
        if let open = sectionStart {
          output.totals.append(declared(open.row, section: open.label, lines: open.lines, into: &output))
          sectionStart = nil
        }
        output.totals.append(declared(row, section: nil, lines: allLineRows, into: &output))
      case .line:
        readMeta(row, districts: districts, lastDistrict: &lastDistrict, into: &output.meta)
        output.lines.append(line(row, resolver: resolver, into: &output))
        allLineRows.append(row.number)
        sectionStart?.lines.append(row.number)
      }
    }
    if let open = sectionStart {
      output.totals.append(declared(open.row, section: open.label, lines: open.lines, into: &output))
    }
    let flatColumns: Set<ColumnKey> = [.district, .planYear, .submittedOn]
    output.isForm = sawStructure && flatColumns.isDisjoint(with: layout.columns.values)
    // A section row without amounts declares nothing to check.
    output.totals.removeAll { $0.amounts.isEmpty }
    return output
  }

  // MARK: - Cells

  private func position(_ row: Int, _ key: ColumnKey?) -> Position {
    Position(file: file, sheet: sheet, row: row, column: key.flatMap { layout.column(of: $0) })
  }

  private func text(_ row: BodyRow, _ key: ColumnKey) -> String? {
    guard let cell = row.cells[key] else { return nil }
    let text = cell.value.displayText.nfcTrimmed
    return text.isEmpty ? nil : text
  }

  /// The text convention of the file, from every number typed as text in it.
  private func decideConvention(_ rows: [BodyRow]) -> NumberConvention? {
    var readings: [NumberReader.Reading] = []
    for row in rows {
      for key in ColumnKey.money + [.quantity] {
        if case .text(let text)? = row.cells[key]?.value { readings.append(NumberReader.read(text)) }
      }
    }
    return NumberReader.convention(from: readings)
  }

  /// An exact number from a cell; a diagnostic (at the cell) when it is not one.
  private func number(_ row: BodyRow, _ key: ColumnKey, convention: NumberConvention?)
    -> Result<ExactDecimal?, DiagnosticBox>
  {
    guard let cell = row.cells[key], !cell.value.isEmpty else { return .success(nil) }
    // Vietnamese forms write "-" for nothing in a money column.
    if case .text(let raw) = cell.value, Self.nothingMarks.contains(raw.nfcTrimmed) { return .success(nil) }
    let at = position(row.number, key)
    switch cell.value {
    case .number(let literal):
      guard let value = ExactDecimal(literal: literal) else {
        return .failure(DiagnosticBox(typeError(at, literal, expected: "number")))
      }
      return .success(value)
    case .text(let raw):
      switch NumberReader.read(raw.nfcTrimmed) {
      case .value(let value, _): return .success(value)
      case .ambiguous(let vietnamese, let english):
        switch convention {
        case .vietnamese?: return .success(vietnamese)
        case .english?: return .success(english)
        case nil:
          return .failure(
            DiagnosticBox(
              Diagnostic(
                code: .cellType, severity: .error, position: at,
                values: [
                  "value": raw, "expected": "number", "reason": "ambiguous",
                  "vietnamese": vietnamese.description, "english": english.description,
                ])))
        }
      case .invalid:
        return .failure(DiagnosticBox(typeError(at, raw, expected: "number")))
      }
    default:
      return .failure(DiagnosticBox(typeError(at, cell.value.displayText, expected: "number")))
    }
  }

  private func typeError(_ at: Position, _ value: String, expected: String) -> Diagnostic {
    Diagnostic(
      code: .cellType, severity: .error, position: at,
      values: ["value": value, "expected": expected])
  }

  /// Money from a cell in the file's unit; `nil` for an empty cell.
  /// A negative amount is reported on lines only: a total row's sign follows its lines.
  private func money(
    _ row: BodyRow, _ key: ColumnKey, into output: inout Output,
    isLine: Bool = true
  ) -> Money?? {
    switch number(row, key, convention: output.convention) {
    case .failure(let box):
      output.diagnostics.append(box.diagnostic)
      output.unreadableMoneyRows.insert(row.number)
      return .some(nil)
    case .success(nil):
      return nil
    case .success(let value?):
      let at = position(row.number, key)
      guard let amount = Money(value, unit: output.moneyUnit) else {
        output.unreadableMoneyRows.insert(row.number)
        let overflows = value.units.multipliedReportingOverflow(by: output.moneyUnit.dongPerUnit).overflow
        output.diagnostics.append(
          Diagnostic(
            code: .cellType, severity: .error, position: at,
            values: [
              "value": value.description, "expected": "money",
              "reason": overflows ? "too large" : "finer than 1 đồng",
            ]))
        return .some(nil)
      }
      // One amount above a million tỷ đồng is a typing slip, and would let sums overflow.
      if amount.dong.magnitude > Self.largestAmount {
        output.unreadableMoneyRows.insert(row.number)
        output.diagnostics.append(
          Diagnostic(
            code: .cellType, severity: .error, position: at,
            values: ["value": amount.trieuText, "expected": "money", "reason": "too large"]))
        return .some(nil)
      }
      if amount.dong < 0 && isLine {
        output.diagnostics.append(
          Diagnostic(
            code: .budgetNegative, severity: .error, position: at,
            values: ["value": amount.trieuText, "column": key.rawValue]))
      }
      return .some(amount)
    }
  }

  // MARK: - Rows

  private func declared(_ row: BodyRow, section: String?, lines: [Int], into output: inout Output)
    -> DeclaredTotal
  {
    var amounts: [FundColumn: Located<Money>] = [:]
    for fund in FundColumn.allCases {
      if case .some(.some(let amount)) = money(row, fund.columnKey, into: &output, isLine: false) {
        amounts[fund] = Located(amount, at: position(row.number, fund.columnKey))
      }
    }
    let label = section.map { s in text(row, .activity).map { s + ". " + $0 } ?? s }
    return DeclaredTotal(
      section: label, position: position(row.number, nil), amounts: amounts,
      lineRows: lines)
  }

  /// The flat layout's meta columns: the first value, and any row that disagrees with it.
  /// `lastDistrict` is the previous line's district text: the same text is not matched again.
  private func readMeta(
    _ row: BodyRow, districts: DistrictMatcher, lastDistrict: inout String,
    into meta: inout SubmissionMeta
  ) {
    if let value = text(row, .district), value != lastDistrict {
      lastDistrict = value
      let at = position(row.number, .district)
      if let code = districts.exact(value) ?? districts.mentioned(in: value) {
        if meta.districts.last?.value != code { meta.districts.append(Located(code, at: at)) }
      } else if meta.unknownDistricts.last?.value != value {
        meta.unknownDistricts.append(Located(value, at: at))
      }
    }
    if let cell = row.cells[.planYear], !cell.value.isEmpty {
      let at = position(row.number, .planYear)
      let shown = cell.value.displayText.nfcTrimmed
      if let year = TitleBlockReader.year(in: shown) {
        if meta.planYears.last?.value != year { meta.planYears.append(Located(year, at: at)) }
      } else {
        meta.unreadableYears.append(Located(shown, at: at))
      }
    }
    if let cell = row.cells[.submittedOn], !cell.value.isEmpty {
      let at = position(row.number, .submittedOn)
      if let day = DateReader.day(from: cell.value) {
        if meta.dates.last?.value != day { meta.dates.append(Located(day, at: at)) }
      } else {
        meta.unreadableDates.append(Located(cell.value.displayText, at: at))
      }
    }
  }

  private func line(_ row: BodyRow, resolver: ContentResolver, into output: inout Output) -> PlanLine {
    let contentText = text(row, .content) ?? ""
    var amounts = FundTotals()
    for fund in FundColumn.allCases {
      if case .some(.some(let amount)) = money(row, fund.columnKey, into: &output) {
        switch fund {
        case .total: amounts.total = amount
        case .national: amounts.national = amount
        case .local: amounts.local = amount
        case .counterpart: amounts.counterpart = amount
        case .other: amounts.other = amount
        }
      }
    }
    var line = PlanLine(
      source: position(row.number, nil), contentText: contentText,
      activity: text(row, .activity) ?? "", implementer: text(row, .implementer) ?? "",
      amounts: amounts)
    line.beneficiary = text(row, .beneficiary)
    line.place = text(row, .place)
    line.unit = text(row, .unit)
    line.note = text(row, .note)
    if let cell = row.cells[.group], !cell.value.isEmpty {
      switch Self.flag(cell.value) {
      case let value?: line.isGroup = value
      case nil:
        output.diagnostics.append(
          typeError(
            position(row.number, .group), cell.value.displayText,
            expected: "x / có / không"))
      }
    }
    // Required cells (SPEC §3): beneficiary and place may be empty for a group project.
    var required: [ColumnKey] = [.content, .activity, .implementer]
    if !line.isGroup { required += [.beneficiary, .place] }
    // A column missing from the header is one `header.missing`, not an error on every line.
    for key in required where text(row, key) == nil && layout.column(of: key) != nil {
      output.diagnostics.append(
        Diagnostic(
          code: .cellRequired, severity: .error,
          position: position(row.number, key),
          values: ["column": key.rawValue]))
    }
    if layout.column(of: .total) != nil, line.amounts.total == .zero,
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
      if let resolved = resolver.resolve(contentText, unit: line.unit) {
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
    switch number(row, .quantity, convention: output.convention) {
    case .failure(let box): output.diagnostics.append(box.diagnostic)
    case .success(let value?):
      if value.units <= 0 {
        output.diagnostics.append(
          Diagnostic(
            code: .cellType, severity: .error, position: position(row.number, .quantity),
            values: ["value": value.description, "expected": "quantity > 0"]))
      }
      line.quantity = value
    case .success(nil): break
    }
    readTimes(row, into: &line, output: &output)
    return line
  }

  private func readTimes(_ row: BodyRow, into line: inout PlanLine, output: inout Output) {
    for key in [ColumnKey.start, .end] {
      guard let cell = row.cells[key], !cell.value.isEmpty else { continue }
      if let time = DateReader.planTime(from: cell.value, defaultYear: output.meta.planYears.first?.value) {
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
        let period = DateReader.period(from: text.nfcTrimmed, defaultYear: output.meta.planYears.first?.value)
      {
        line.start = line.start ?? period.start
        line.end = line.end ?? period.end
      } else if let time = DateReader.planTime(from: cell.value) {
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

/// A diagnostic as an `Error`, so it can travel in a `Result`.
struct DiagnosticBox: Error {
  var diagnostic: Diagnostic
  init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
