import Foundation
import KhuyenCongXML

/// The state of one SpreadsheetML read: where in Workbook › Worksheet › Table › Row › Cell ›
/// Data the reader is, and the row being built.
///
/// Structure is recognised by depth as well as name: `Data` counts only directly under a
/// `Cell` (depth 5), so the `<ss:Data>` inside a `<Comment>` (depth 6) never leaks into the
/// value, while every text below the cell's `Data` (HTML-namespace rich-text runs) is kept.
struct SpreadsheetMLSession {
  private let reader: XMLPullReader
  private let file: String
  private let limits: ReadLimits
  private let names: SpreadsheetMLNames

  private(set) var sheets: [SheetSummary] = []
  var diagnostics: [Diagnostic] = []
  private(set) var encoding: String?
  private(set) var sawRoot = false
  /// We stopped the read ourselves (with a diagnostic already recorded).
  private(set) var stopped = false

  // Sheet
  private var sheet: SheetSummary?
  private var sheetIndex = 0
  private var inTable = false
  private var inOptions = false
  private var visibleText: [UInt8]?
  private var merges = VerticalMergeMap()
  // Row
  private var rowNumber = 0
  private var inRow = false
  private var rowSpan = 0
  private var nextColumn = 1
  private var cells: [Cell] = []
  // Cell
  private var inCell = false
  private var cellColumn = 0
  private var cellAcross = 0
  private var cellDown = 0
  private var cellValue = CellValue.empty
  /// `cellValue`'s number among the interned texts (`Cell.textID`), when it is one.
  private var cellTextID: Int32?
  // Data
  private var dataType: String?
  /// Inside a `Data` element: its text so far is `dataText` (one buffer, reused cell after cell).
  private var inData = false
  private var dataText: [UInt8] = []
  private var interner = TextInterner()

  init(reader: XMLPullReader, file: String, limits: ReadLimits) {
    self.reader = reader
    self.file = file
    self.limits = limits
    self.names = SpreadsheetMLNames(reader)
  }

  /// Where the reader is, for a diagnostic.
  func position(line: Int? = nil, column: Int? = nil) -> Position {
    Position(
      file: file, sheet: sheet?.name, row: inRow ? rowNumber : nil, column: column,
      line: line.flatMap { $0 > 0 ? $0 : nil })
  }

  mutating func run<Visitor: WorkbookVisitor>(into visitor: inout Visitor) {
    while !stopped, reader.read() {
      switch reader.kind {
      case .elementStart:
        let empty = reader.isEmptyElement
        start(into: &visitor)
        if empty && !stopped { end(depth: reader.depth, into: &visitor) }
      case .elementEnd:
        end(depth: reader.depth, into: &visitor)
      case .text:
        text()
      case .other:
        break
      }
    }
  }

  // MARK: - Elements

  private mutating func start<Visitor: WorkbookVisitor>(into visitor: inout Visitor) {
    let depth = reader.depth
    if inData { return }  // rich-text runs inside Data: only their text counts
    let name = reader.name
    switch depth {
    case 0:
      guard name == names.workbook else {
        let found = "{\(reader.namespaceURI ?? "")}\(reader.localName)"
        stop(.xmlMalformed, "the root element is \(found), not a SpreadsheetML Workbook")
        return
      }
      sawRoot = true
      encoding = reader.declaredEncoding
    case 1 where name == names.worksheet:
      beginSheet(into: &visitor)
    case 2 where sheet != nil && name == names.table:
      inTable = true
    case 2 where sheet != nil && name == names.worksheetOptions:
      inOptions = true
    case 3 where inOptions && name == names.visible:
      visibleText = []
    case 3 where inTable && name == names.row:
      beginRow()
    case 4 where inRow && name == names.cell:
      beginCell()
    case 5 where inCell && name == names.data:
      dataType = reader.attribute(names.type)
      inData = true
      dataText.removeAll(keepingCapacity: true)
    default:
      break
    }
  }

  private mutating func end<Visitor: WorkbookVisitor>(depth: Int, into visitor: inout Visitor) {
    switch depth {
    case 1 where sheet != nil:
      closeOpenSheet(into: &visitor)
    case 2:
      inTable = false
      inOptions = false
    case 3 where visibleText != nil:
      let value = String(decoding: visibleText ?? [], as: UTF8.self)
      if value.contains("SheetHidden") || value.contains("SheetVeryHidden") {
        sheet?.hidden = true
      }
      visibleText = nil
    case 3 where inRow:
      endRow(into: &visitor)
    case 4 where inCell:
      endCell()
    case 5 where inData:
      endData()
    default:
      break
    }
  }

  private mutating func text() {
    if inData {
      reader.appendValue(to: &dataText)
      // UTF-8 needs at most 4 bytes a character: past that the cell is surely too long.
      if dataText.count > limits.maxCellCharacters * 4 {
        stop(
          .fileUnreadable, "a cell holds more than \(limits.maxCellCharacters) characters",
          column: cellColumn)
      }
    } else if var buffer = visibleText, buffer.count < 64 {
      reader.appendValue(to: &buffer)
      visibleText = buffer
    }
  }

  // MARK: - Sheets

  private mutating func beginSheet<Visitor: WorkbookVisitor>(into visitor: inout Visitor) {
    let raw = reader.attribute(names.name) ?? reader.attribute(names.plainName)
    let name = raw?.precomposedStringWithCanonicalMapping ?? "Sheet\(sheetIndex + 1)"
    sheet = SheetSummary(name: name)
    rowNumber = 0
    merges = VerticalMergeMap()
    visitor.beginSheet(name: name, index: sheetIndex)
    sheetIndex += 1
  }

  /// Ends the open sheet, if any (also after a fatal error, so visitors see balanced calls).
  mutating func closeOpenSheet<Visitor: WorkbookVisitor>(into visitor: inout Visitor) {
    guard sheet != nil else { return }
    if inRow && !stopped { endRow(into: &visitor) }
    if let summary = sheet { sheets.append(summary) }
    visitor.endSheet()
    sheet = nil
    inTable = false
    inOptions = false
    inRow = false
    inCell = false
    inData = false
  }

  // MARK: - Rows and cells

  private mutating func beginRow() {
    let index = reader.attributeInt(names.index) ?? reader.attributeInt(names.plainIndex)
    var number = rowNumber + 1
    if let index {
      guard let index, index > rowNumber else {
        stop(.xmlMalformed, "a Row's ss:Index does not move forward from row \(rowNumber)")
        return
      }
      number = index
    }
    guard number <= limits.maxRows else {
      stop(.fileUnreadable, "row \(number) is beyond the last row \(limits.maxRows)")
      return
    }
    rowNumber = number
    inRow = true
    let span = reader.attributeInt(names.span) ?? nil
    rowSpan = min(span ?? 0, limits.maxRows - number)
    nextColumn = 1
    cells.removeAll(keepingCapacity: true)
    merges.enterRow(number)
  }

  private mutating func endRow<Visitor: WorkbookVisitor>(into visitor: inout Visitor) {
    inRow = false
    if !cells.isEmpty {
      visitor.visit(SheetRow(number: rowNumber, cells: cells))
      sheet?.rowCount += 1
      sheet?.lastRow = rowNumber
      let lastColumn = max(sheet?.lastColumn ?? 0, cells.last?.column ?? 0)
      sheet?.lastColumn = lastColumn
    }
    rowNumber += rowSpan
  }

  /// The `Index`, `MergeAcross` and `MergeDown` of the current element, in one walk over its
  /// attributes (each is `nil` when absent, `.some(nil)` when not a number). `ss:Index` wins
  /// over a plain `Index`.
  private func placement() -> (index: Int??, across: Int??, down: Int??) {
    var index: Int??
    var plainIndex: Int??
    var across: Int??
    var down: Int??
    reader.forEachAttribute {
      if reader.hasName(names.index) {
        index = reader.withValue(XMLPullReader.nonNegativeInteger)
      } else if reader.hasName(names.plainIndex) {
        plainIndex = reader.withValue(XMLPullReader.nonNegativeInteger)
      } else if reader.hasName(names.mergeAcross) {
        across = reader.withValue(XMLPullReader.nonNegativeInteger)
      } else if reader.hasName(names.mergeDown) {
        down = reader.withValue(XMLPullReader.nonNegativeInteger)
      }
      return true
    }
    return (index ?? plainIndex, across, down)
  }

  private mutating func beginCell() {
    let (index, mergeAcross, mergeDown) = placement()
    var column: Int
    if let index {
      guard let index, index >= nextColumn else {
        stop(
          .xmlMalformed, "a Cell's ss:Index does not move forward from column \(nextColumn - 1)",
          column: nextColumn)
        return
      }
      column = index
    } else {
      column = merges.firstFree(from: nextColumn)
    }
    let across = (mergeAcross ?? nil) ?? 0
    let down = (mergeDown ?? nil) ?? 0
    guard column + across <= limits.maxColumns else {
      stop(.fileUnreadable, "column \(column + across) is beyond the last column \(limits.maxColumns)")
      return
    }
    let lastRow = min(rowNumber + down, limits.maxRows)
    inCell = true
    cellColumn = column
    cellAcross = across
    cellDown = lastRow - rowNumber
    cellValue = .empty
    cellTextID = nil
    nextColumn = column + across + 1
    if across > 0 || cellDown > 0 {
      sheet?.merges.append(
        ColumnName.letters(column) + String(rowNumber) + ":" + ColumnName.letters(column + across)
          + String(lastRow))
      if cellDown > 0 { merges.add(first: column, last: column + across, lastRow: lastRow) }
    }
  }

  private mutating func endCell() {
    inCell = false
    guard !cellValue.isEmpty else { return }
    cells.append(
      Cell(
        column: cellColumn, value: cellValue, mergeAcross: cellAcross, mergeDown: cellDown,
        textID: cellTextID))
  }

  private mutating func endData() {
    inData = false
    let bytes = dataText
    // Short texts repeat from line to line: one `String` each, made once (`TextInterner`).
    if dataType == nil || dataType == "String", !bytes.isEmpty, bytes.count <= TextInterner.maxBytes {
      let kept = interner.text(for: bytes) { SpreadsheetMLValue.nfc(String(decoding: $0, as: UTF8.self)) }
      cellValue = .text(kept.text)
      cellTextID = kept.id
    } else {
      readData(String(decoding: bytes, as: UTF8.self))
      cellTextID = nil
    }
    // A text has at least as many UTF-8 bytes as characters: most need no counting.
    if case .text(let value) = cellValue, value.utf8.count > limits.maxCellCharacters,
      value.count > limits.maxCellCharacters
    {
      stop(
        .fileUnreadable, "a cell holds more than \(limits.maxCellCharacters) characters",
        column: cellColumn)
    }
  }

  /// The value of a `Data` element's text as its type says.
  private mutating func readData(_ text: String) {
    if let value = SpreadsheetMLValue.parse(type: dataType, text: text) {
      cellValue = value
    } else {
      // Excel would refuse such a file; keep what the district typed and say so.
      cellValue = .text(text.precomposedStringWithCanonicalMapping)
      diagnostics.append(
        Diagnostic(
          code: .cellType, severity: .warning, position: position(column: cellColumn),
          values: ["value": text, "expected": dataType ?? "String"]))
    }
  }

  private mutating func stop(_ code: DiagnosticCode, _ reason: String, column: Int? = nil) {
    stopped = true
    diagnostics.append(
      Diagnostic(
        code: code, severity: .error, position: position(line: reader.line, column: column),
        values: ["reason": reason]))
  }
}
