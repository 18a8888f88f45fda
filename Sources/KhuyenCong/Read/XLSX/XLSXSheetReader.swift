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
  func read<Visitor: WorkbookVisitor>(_ stream: XLSXPartStream, into visitor: inout Visitor)
    throws(XLSXFailure) -> Outcome
  {
    let state = try XLSXPartParser.parse(
      stream, part: part, file: file, sheet: sheet,
      setUp: { reader in
        SheetState(names: Names(reader), summary: SheetSummary(name: sheet, merges: merges.ranges))
      },
      visit: { reader, state in
        switch reader.kind {
        case .elementStart: start(reader, &state, &visitor)
        case .elementEnd: end(reader, &state, &visitor)
        case .text:
          if state.inValue {
            reader.appendValue(to: &state.value)
          } else if state.inText && state.phoneticDepth == 0 {
            reader.appendValue(to: &state.inline)
          }
        case .other: return
        }
      })
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

  private struct Names {
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
  }

  private struct SheetState {
    var names: Names
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
  }

  private func start<Visitor: WorkbookVisitor>(
    _ reader: XMLPullReader, _ state: inout SheetState, _ visitor: inout Visitor
  ) {
    let names = state.names
    let empty = reader.isEmptyElement
    if names.sheetData.matches(reader) {
      state.inSheetData = !empty
    } else if !state.inSheetData {
      return
    } else if names.row.matches(reader) {
      startRow(reader, &state)
      if empty { endRow(&state, &visitor) }
    } else if names.c.matches(reader) {
      startCell(reader, &state)
      if empty { endCell(&state) }
    } else if state.column == nil {
      return
    } else if names.v.matches(reader) {
      state.hasValue = true
      state.inValue = !empty
    } else if names.inlineString.matches(reader) {
      state.hasInline = true
      state.inInline = !empty
    } else if state.inInline && names.rPh.matches(reader) && !empty {
      state.phoneticDepth += 1
    } else if state.inInline && names.t.matches(reader) {
      state.inText = !empty
    }
  }

  private func end<Visitor: WorkbookVisitor>(
    _ reader: XMLPullReader, _ state: inout SheetState, _ visitor: inout Visitor
  ) {
    let names = state.names
    guard state.inSheetData else { return }
    if names.sheetData.matches(reader) {
      state.inSheetData = false
    } else if names.row.matches(reader) {
      endRow(&state, &visitor)
    } else if names.c.matches(reader) {
      endCell(&state)
    } else if names.v.matches(reader) {
      state.inValue = false
    } else if names.inlineString.matches(reader) {
      state.inInline = false
    } else if state.inInline && names.rPh.matches(reader) {
      state.phoneticDepth -= 1
    } else if names.t.matches(reader) {
      state.inText = false
    }
  }

  private func startRow(_ reader: XMLPullReader, _ state: inout SheetState) {
    state.cells.removeAll(keepingCapacity: true)
    state.lastColumn = 0
    state.rowSkipped = false
    state.rowNumbered = false
    var number = state.lastRow + 1
    switch state.names.r.attributeInt(in: reader) {
    case .none:
      break
    case .some(.none):
      problem(
        &state, row: nil, column: nil, reason: "a row number that is not a number",
        value: state.names.r.attribute(in: reader) ?? "")
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

  private func startCell(_ reader: XMLPullReader, _ state: inout SheetState) {
    state.type = state.names.type.attribute(in: reader)
    state.style = (state.names.style.attributeInt(in: reader) ?? nil) ?? 0
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
        value: state.names.r.attribute(in: reader) ?? "")
      return
    }
    var column = state.lastColumn + 1
    if let ref = state.names.r.attribute(in: reader) {
      guard let parsed = XLSXCellReference.parse(ref) else {
        problem(
          &state, row: row, column: nil, reason: "a cell reference that is not one", value: ref)
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
    case .success(let value):
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
      state.cells.append(cell(value, row: row, column: column))
    }
  }

  private func cell(_ value: CellValue, row: Int, column: Int) -> Cell {
    let extent = merges.extent(row: row, column: column)
    return Cell(column: column, value: value, mergeAcross: extent.across, mergeDown: extent.down)
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
