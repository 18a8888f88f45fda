import KhuyenCongXML

/// Streams the rows of one worksheet part to a visitor (pass two; `XLSXMerges` is pass one).
///
/// Positions follow what a spreadsheet shows: `<row r>` and `<c r>` when written, else the
/// next row or column (the schema makes both optional, and some writers omit them).
struct XLSXSheetReader {
  var file: String
  var part: String
  var sheet: String
  var decoder: XLSXCellDecoder
  var merges: XLSXMerges
  var limits: ReadLimits

  /// Problems listed per sheet before the rest are only counted: a hostile part must not
  /// turn into millions of diagnostics.
  static let maxProblems = 100

  /// What reading the sheet found.
  struct Outcome {
    var summary: SheetSummary
    var diagnostics: [Diagnostic]
  }

  /// Reads the part `stream` gives and delivers every row holding a value, in order.
  /// - Parameter scanned: the part was read cleanly by `XMLStartTagScanner` in pass one
  ///   (`XLSXMerges.scan`) and nothing in this pass can spend the budget differently from the
  ///   pull reader: the rows are then read by the SAX parser too (about half the pull reader's
  ///   instructions), else by `XMLPullReader`. The same bytes give the same rows either way.
  /// - Parameter recordingAhead: with `scanned`, and when `stream` rescans cleanly, the parser
  ///   runs on a second thread and the rows are built on this one (`XLSXSheetEvents`): the
  ///   same outcome, sooner when a core is free.
  func read<Visitor: WorkbookVisitor>(
    _ stream: XLSXPartStream, scanned: Bool = false, recordingAhead: Bool = false,
    into visitor: inout Visitor
  ) throws(XLSXFailure) -> Outcome {
    let state =
      scanned
      ? try readScanned(
        stream, recordingAhead: recordingAhead && stream.accounting == .rescanned, into: &visitor)
      : try readPulled(stream, into: &visitor)
    var diagnostics = state.diagnostics
    if state.unlistedProblems > 0 {
      diagnostics.append(
        Diagnostic(
          code: .xmlMalformed, severity: state.unlistedSeverity,
          position: Position(file: file, sheet: sheet),
          values: ["part": part, "reason": "\(state.unlistedProblems) more problems not listed"]))
    }
    return Outcome(summary: state.summary, diagnostics: diagnostics)
  }

  private func readPulled<Visitor: WorkbookVisitor>(
    _ stream: XLSXPartStream, into visitor: inout Visitor
  ) throws(XLSXFailure) -> SheetState {
    let pulled = try XLSXPartParser.parse(
      stream, part: part, file: file, sheet: sheet,
      setUp: { reader in
        Pulled(
          names: Names(reader), sheet: SheetState(summary: SheetSummary(name: sheet, merges: merges.ranges)))
      },
      visit: { reader, state in
        switch reader.kind {
        case .elementStart:
          start(PulledTag(reader: reader, names: state.names), &state.sheet, &visitor)
        case .elementEnd: end(state.names.element(reader), &state.sheet, &visitor)
        case .text:
          if state.sheet.inValue {
            reader.appendValue(to: &state.sheet.value)
          } else if state.sheet.inText && state.sheet.phoneticDepth == 0 {
            reader.appendValue(to: &state.sheet.inline)
          }
        case .other: return
        }
      })
    return pulled.sheet
  }

  private func readScanned<Visitor: WorkbookVisitor>(
    _ stream: XLSXPartStream, recordingAhead: Bool, into visitor: inout Visitor
  ) throws(XLSXFailure) -> SheetState {
    let initial = SheetState(summary: SheetSummary(name: sheet, merges: merges.ranges))
    let clean: Bool
    let state: SheetState
    if recordingAhead {
      (clean, state) = readRecorded(stream, from: initial, into: &visitor)
    } else {
      let pass = RowsScan(reader: self, state: initial, visitor: consume visitor)
      let scanner = XMLStartTagScanner { buffer in stream.pull(buffer) }
      clean = scanner.scan(pass, reportingEnds: true)
      visitor = pass.visitor
      state = pass.state
    }
    // As `XLSXPartParser.parse` ends a part: the budget, then the zip, then the XML.
    if let limit = stream.readBudget.diagnostic(file: file) {
      throw XLSXFailure(diagnostic: limit)
    }
    stream.drain()
    if let limit = stream.readBudget.diagnostic(file: file) {
      throw XLSXFailure(diagnostic: limit)
    }
    if let failure = stream.failure {
      throw .package(failure, file: file, part: part)
    }
    guard clean else {
      // Pass one read these bytes cleanly: not expected, but never a row dropped in silence.
      throw XLSXFailure(
        diagnostic: Diagnostic(
          code: .xmlMalformed, severity: .error, position: Position(file: file, sheet: sheet),
          values: ["part": part, "reason": "malformed XML"]))
    }
    return state
  }

  /// The rows pass with the parser on a second thread and the rest on this one
  /// (`XLSXSheetEvents`). The stream's bytes are counted as rescanned once the parser is done
  /// (`XLSXPartStream.Accounting.rescannedLater`): during the pass only the rows' thread
  /// touches the budget.
  private func readRecorded<Visitor: WorkbookVisitor>(
    _ stream: XLSXPartStream, from initial: SheetState, into visitor: inout Visitor
  ) -> (clean: Bool, state: SheetState) {
    let stop = XLSXRowsStop()
    var state = initial
    stream.accounting = .rescannedLater
    let clean = Handoff.runAhead(XLSXSheetParseAhead(stream, stop: stop)) { batch in
      batch.bytes.withUnsafeBufferPointer { replay($0, &state, &visitor) }
      if stream.readBudget.isExhausted { stop.stop() }
    }
    stream.settleRescanning()
    return (clean, state)
  }

  /// The rows pass on the SAX parser: its state and the visitor, moved in for the scan and
  /// out after it, as a scanner's events (no closure to retain per node).
  private final class RowsScan<Visitor: WorkbookVisitor>: XMLStartTagEvents {
    let reader: XLSXSheetReader
    @exclusivity(unchecked) var state: SheetState
    @exclusivity(unchecked) var visitor: Visitor

    init(reader: XLSXSheetReader, state: SheetState, visitor: Visitor) {
      self.reader = reader
      self.state = state
      self.visitor = visitor
    }

    override func start(_ tag: XMLStartTag) -> Bool {
      reader.start(SheetStartTag(tag, known: &state.mainNamespace), &state, &visitor)
      return true
    }

    override func end(_ tag: XMLStartTag) {
      reader.end(SheetStartTag.element(tag, known: &state.mainNamespace), &state, &visitor)
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
      reader.appendText(bytes, &state)
    }
  }

  /// The rows pass's state with the pull reader's interned names.
  private struct Pulled {
    var names: Names
    var sheet: SheetState
  }

  /// The elements of a worksheet this pass looks at.
  enum Element: UInt8 {
    case sheetData, row, c, v, inlineString, t, rPh, other
  }

  /// The attributes it reads (none has a namespace).
  enum Attribute: String {
    case r
    case type = "t"
    case style = "s"
  }

  struct Names {
    var sheetData: XLSXName
    var row: XLSXName
    var c: XLSXName
    var v: XLSXName
    var inlineString: XLSXName
    var t: XLSXName
    var rPh: XLSXName
    var r: XLSXName
    var type: XLSXName
    var style: XLSXName

    init(_ reader: XMLPullReader) {
      sheetData = XLSXName(main: "sheetData", in: reader)
      row = XLSXName(main: "row", in: reader)
      c = XLSXName(main: "c", in: reader)
      v = XLSXName(main: "v", in: reader)
      inlineString = XLSXName(main: "is", in: reader)
      t = XLSXName(main: "t", in: reader)
      rPh = XLSXName(main: "rPh", in: reader)
      r = XLSXName(plain: "r", in: reader)
      type = XLSXName(plain: "t", in: reader)
      style = XLSXName(plain: "s", in: reader)
    }

    func element(_ reader: XMLPullReader) -> Element {
      if c.matches(reader) { return .c }
      if v.matches(reader) { return .v }
      if row.matches(reader) { return .row }
      if sheetData.matches(reader) { return .sheetData }
      if inlineString.matches(reader) { return .inlineString }
      if t.matches(reader) { return .t }
      if rPh.matches(reader) { return .rPh }
      return .other
    }

    func name(_ attribute: Attribute) -> XLSXName {
      switch attribute {
      case .r: r
      case .type: type
      case .style: style
      }
    }
  }

  struct SheetState {
    var summary: SheetSummary
    var diagnostics: [Diagnostic] = []
    var unlistedProblems = 0
    var unlistedSeverity = Severity.info
    var inSheetData = false
    // The current row: its number, whether `r` gave it, and whether it is skipped.
    var row: Int?
    var rowNumbered = false
    var rowSkipped = false
    var lastRow = 0
    var cells: [Cell] = []
    var lastColumn = 0
    // The current cell.
    var column: Int?
    var type: String?
    var style = 0
    var value: [UInt8] = []
    var hasValue = false
    var inValue = false
    var inline: [UInt8] = []
    var hasInline = false
    var inInline = false
    var inText = false
    var phoneticDepth = 0
    /// The worksheet's namespace as the SAX parser hands it (`isInNamespace(of:known:)`).
    var mainNamespace: UnsafeRawPointer?
  }

  func start<Visitor: WorkbookVisitor>(
    _ tag: some SheetTag, _ state: inout SheetState, _ visitor: inout Visitor
  ) {
    let element = tag.element
    let empty = tag.isEmptyElement
    if element == .sheetData {
      state.inSheetData = !empty
    } else if !state.inSheetData {
      return
    } else if element == .row {
      startRow(tag, &state)
      if empty { endRow(&state, &visitor) }
    } else if element == .c {
      startCell(tag, &state)
      if empty { endCell(&state) }
    } else if state.column == nil {
      return
    } else if element == .v {
      state.hasValue = true
      state.inValue = !empty
    } else if element == .inlineString {
      state.hasInline = true
      state.inInline = !empty
    } else if state.inInline && element == .rPh && !empty {
      state.phoneticDepth += 1
    } else if state.inInline && element == .t {
      state.inText = !empty
    }
  }

  /// Keeps a piece of character data when it is part of a cell's value or inline text.
  func appendText(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout SheetState) {
    if state.inValue {
      state.value.append(contentsOf: bytes)
    } else if state.inText && state.phoneticDepth == 0 {
      state.inline.append(contentsOf: bytes)
    }
  }

  func end<Visitor: WorkbookVisitor>(
    _ element: Element, _ state: inout SheetState, _ visitor: inout Visitor
  ) {
    guard state.inSheetData else { return }
    switch element {
    case .sheetData: state.inSheetData = false
    case .row: endRow(&state, &visitor)
    case .c: endCell(&state)
    case .v: state.inValue = false
    case .inlineString: state.inInline = false
    case .rPh: if state.inInline { state.phoneticDepth -= 1 }
    case .t: state.inText = false
    case .other: break
    }
  }

  private func startRow(_ tag: some SheetTag, _ state: inout SheetState) {
    state.cells.removeAll(keepingCapacity: true)
    state.lastColumn = 0
    state.rowSkipped = false
    state.rowNumbered = false
    var number = state.lastRow + 1
    switch tag.integer(.r) {
    case .none:
      break
    case .some(.none):
      problem(
        &state, row: nil, column: nil, reason: "a row number that is not a number",
        value: tag.text(.r) ?? "")
    case .some(.some(let written)):
      number = written
      state.rowNumbered = true
    }
    state.row = number
    checkRow(number, &state)
  }

  /// Rows must go down the sheet and stay inside it; a row that does not is reported and
  /// its cells are not delivered.
  private func checkRow(_ number: Int, _ state: inout SheetState) {
    if number <= state.lastRow || number < 1 {
      problem(
        &state, row: number, column: nil,
        reason: "row \(number) comes after row \(state.lastRow)", value: String(number))
      state.rowSkipped = true
    } else if number > limits.maxRows {
      problem(
        &state, row: number, column: nil,
        reason: "row beyond the \(limits.maxRows) rows of a sheet", value: String(number))
      state.rowSkipped = true
    }
  }

  private func endRow<Visitor: WorkbookVisitor>(_ state: inout SheetState, _ visitor: inout Visitor) {
    guard let number = state.row else { return }
    if !state.rowSkipped {
      state.lastRow = number
      if !state.cells.isEmpty {
        visitor.visit(SheetRow(number: number, cells: state.cells))
        state.summary.rowCount += 1
        state.summary.lastRow = number
        state.summary.lastColumn = max(state.summary.lastColumn, state.cells.last?.column ?? 0)
      }
    }
    state.row = nil
    state.cells.removeAll(keepingCapacity: true)
  }

  private func startCell(_ tag: some SheetTag, _ state: inout SheetState) {
    state.type = tag.text(.type)
    state.style = (tag.integer(.style) ?? nil) ?? 0
    state.value.removeAll(keepingCapacity: true)
    state.inline.removeAll(keepingCapacity: true)
    state.hasValue = false
    state.hasInline = false
    state.inValue = false
    state.inInline = false
    state.inText = false
    state.phoneticDepth = 0
    state.column = nil
    guard let row = state.row else {
      problem(
        &state, row: nil, column: nil, reason: "a cell outside any row",
        value: tag.text(.r) ?? "")
      return
    }
    var column = state.lastColumn + 1
    if let reference = tag.reference() {
      guard let parsed = reference else {
        problem(
          &state, row: row, column: nil, reason: "a cell reference that is not one", value: tag.text(.r) ?? ""
        )
        return
      }
      column = parsed.column
      // A row written without `r` takes its number from its first cell.
      if !state.rowNumbered, state.cells.isEmpty, state.lastColumn == 0, let cellRow = parsed.row,
        cellRow != row, !state.rowSkipped
      {
        state.row = cellRow
        state.rowNumbered = true
        checkRow(cellRow, &state)
      }
    }
    guard let currentRow = state.row, !state.rowSkipped else { return }
    if column <= state.lastColumn {
      problem(
        &state, row: currentRow, column: column,
        reason: "column comes after column \(ColumnName.letters(state.lastColumn))",
        value: ColumnName.letters(column))
      return
    }
    if column > limits.maxColumns {
      problem(
        &state, row: currentRow, column: nil,
        reason: "column beyond the \(limits.maxColumns) columns of a sheet",
        value: String(column))
      return
    }
    state.column = column
  }

  private func endCell(_ state: inout SheetState) {
    guard let column = state.column, let row = state.row else { return }
    state.column = nil
    state.lastColumn = column
    let raw = XLSXCellDecoder.RawCell(
      type: state.type, style: state.style, value: state.hasValue ? state.value : nil,
      inline: state.hasInline ? state.inline : nil)
    switch decoder.decode(raw) {
    case .failure(let failure):
      guard let expected = failure.expected else {
        problem(&state, row: row, column: column, reason: failure.reason, value: failure.value)
        return
      }
      // Excel would refuse such a file; keep what the district typed and say so.
      let kept = CellValue.text(XLSXPartParser.text(Array(failure.value.utf8)))
      if !kept.isEmpty {
        state.cells.append(cell(kept, row: row, column: column))
      }
      record(
        &state,
        Diagnostic(
          code: .cellType, severity: .warning,
          position: Position(file: file, sheet: sheet, row: row, column: column),
          values: ["part": part, "value": failure.value, "expected": expected]))
    case .success(let decoded):
      let value = decoded.value
      guard !value.isEmpty else { return }
      // A text has at least as many UTF-8 bytes as characters: most need no counting.
      if case .text(let text) = value, text.utf8.count > limits.maxCellCharacters,
        text.count > limits.maxCellCharacters
      {
        problem(
          &state, row: row, column: column,
          reason: "more than \(limits.maxCellCharacters) characters in one cell",
          value: String(text.prefix(40)))
      }
      state.cells.append(cell(value, row: row, column: column, textID: decoded.textID))
    }
  }

  /// A cell at `row`, `column` with its merge. Every text this reader makes is NFC (a shared
  /// string is stored normalised, `XLSXStringTable.append(read:)`; any other text goes through
  /// `XLSXPartParser.text`): the mapper need not scan it again (`Cell.textIsNFC`).
  private func cell(_ value: CellValue, row: Int, column: Int, textID: Int32? = nil) -> Cell {
    let extent = merges.extent(row: row, column: column)
    return Cell(
      column: column, value: value, mergeAcross: extent.across, mergeDown: extent.down, textID: textID,
      textIsNFC: value.isText)
  }

  private func problem(
    _ state: inout SheetState, row: Int?, column: Int?, reason: String, value: String
  ) {
    record(
      &state,
      Diagnostic(
        code: .xmlMalformed, severity: .error,
        position: Position(file: file, sheet: sheet, row: row, column: column),
        values: ["part": part, "reason": reason, "value": value]))
  }

  private func record(_ state: inout SheetState, _ diagnostic: Diagnostic) {
    guard state.diagnostics.count < Self.maxProblems else {
      state.unlistedProblems += 1
      state.unlistedSeverity = max(state.unlistedSeverity, diagnostic.severity)
      return
    }
    state.diagnostics.append(diagnostic)
  }
}
