import Foundation
import KhuyenCongXML

/// The state of one SpreadsheetML read: where in Workbook › Worksheet › Table › Row › Cell ›
/// Data the reader is, and the row being built.
///
/// Structure is recognised by depth as well as name: `Data` counts only directly under a
/// `Cell` (depth 5), so the `<ss:Data>` inside a `<Comment>` (depth 6) never leaks into the
/// value, while every text below the cell's `Data` (HTML-namespace rich-text runs) is kept.
///
/// The session is told of each start tag, end tag and text in document order (`start`, `end`,
/// `text`), with the node to ask about it: by `run` from an `XMLPullReader`, or by the SAX
/// call backs of `SpreadsheetMLReader`'s fast way (`SpreadsheetMLNode`).
struct SpreadsheetMLSession {
  private let file: String
  private let limits: ReadLimits

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

  init(file: String, limits: ReadLimits) {
    self.file = file
    self.limits = limits
  }

  /// The bytes of text met so far inside the open sheet's `x:Visible`, if one is open.
  var visibleTextCount: Int? { visibleText?.count }

  /// Where the reader is, for a diagnostic.
  func position(line: Int? = nil, column: Int? = nil) -> Position {
    Position(
      file: file, sheet: sheet?.name, row: inRow ? rowNumber : nil, column: column,
      line: line.flatMap { $0 > 0 ? $0 : nil })
  }

  /// Reads every node of `reader` (which must not have been read yet).
  mutating func run<Visitor: WorkbookVisitor>(_ reader: XMLPullReader, into visitor: inout Visitor) {
    let node = PulledNode(reader: reader, names: SpreadsheetMLNames(reader))
    while !stopped, reader.read() {
      switch reader.kind {
      case .elementStart:
        let empty = reader.isEmptyElement
        let depth = reader.depth
        start(node, depth: depth, into: &visitor)
        if empty && !stopped { end(node, depth: depth, into: &visitor) }
      case .elementEnd:
        end(node, depth: reader.depth, into: &visitor)
      case .text:
        _ = reader.withValue { value in
          text(UnsafeBufferPointer(start: value, count: strlen(value)), line: reader.line)
        }
      case .other:
        break
      }
    }
  }

  // MARK: - Elements

  /// A start tag at `depth` (the root element's is 0).
  mutating func start<Node: SpreadsheetMLNode, Visitor: WorkbookVisitor>(
    _ node: Node, depth: Int, into visitor: inout Visitor
  ) {
    if inData { return }  // rich-text runs inside Data: only their text counts
    let name = node.element
    switch depth {
    case 0:
      guard name == .workbook else {
        stop(
          .xmlMalformed, "the root element is \(node.qualifiedName), not a SpreadsheetML Workbook",
          line: node.line)
        return
      }
      sawRoot = true
      encoding = node.declaredEncoding
    case 1 where name == .worksheet:
      beginSheet(node, into: &visitor)
    case 2 where sheet != nil && name == .table:
      inTable = true
    case 2 where sheet != nil && name == .worksheetOptions:
      inOptions = true
    case 3 where inOptions && name == .visible:
      visibleText = []
    case 3 where inTable && name == .row:
      beginRow(node)
    case 4 where inRow && name == .cell:
      beginCell(node)
    case 5 where inCell && name == .data:
      dataType = node.dataType()
      inData = true
      dataText.removeAll(keepingCapacity: true)
    default:
      break
    }
  }

  /// An end tag at `depth`, or the end of an empty element (`<a/>`) just started.
  mutating func end<Node: SpreadsheetMLNode, Visitor: WorkbookVisitor>(
    _ node: Node, depth: Int, into visitor: inout Visitor
  ) {
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
      endData(line: node.line)
    default:
      break
    }
  }

  /// Character data (a text node whole, or a piece of one).
  /// - Parameter line: the parser's line, asked only for a diagnostic.
  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, line: @autoclosure () -> Int) {
    if inData {
      dataText.append(contentsOf: bytes)
      // UTF-8 needs at most 4 bytes a character: past that the cell is surely too long.
      if dataText.count > limits.maxCellCharacters * 4 {
        stop(
          .fileUnreadable, "a cell holds more than \(limits.maxCellCharacters) characters",
          column: cellColumn, line: line())
      }
    } else if visibleText != nil, let count = visibleText?.count, count < 64 {
      visibleText?.append(contentsOf: bytes)
    }
  }

  // MARK: - Sheets

  private mutating func beginSheet<Node: SpreadsheetMLNode, Visitor: WorkbookVisitor>(
    _ node: Node, into visitor: inout Visitor
  ) {
    let raw = node.sheetName()
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

  private mutating func beginRow<Node: SpreadsheetMLNode>(_ node: Node) {
    let (index, span) = node.rowPlacement()
    var number = rowNumber + 1
    if let index {
      guard let index, index > rowNumber else {
        stop(
          .xmlMalformed, "a Row's ss:Index does not move forward from row \(rowNumber)",
          line: node.line)
        return
      }
      number = index
    }
    guard number <= limits.maxRows else {
      stop(
        .fileUnreadable, "row \(number) is beyond the last row \(limits.maxRows)", line: node.line)
      return
    }
    rowNumber = number
    inRow = true
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

  private mutating func beginCell<Node: SpreadsheetMLNode>(_ node: Node) {
    let (index, mergeAcross, mergeDown) = node.cellPlacement()
    var column: Int
    if let index {
      guard let index, index >= nextColumn else {
        stop(
          .xmlMalformed, "a Cell's ss:Index does not move forward from column \(nextColumn - 1)",
          column: nextColumn, line: node.line)
        return
      }
      column = index
    } else {
      column = merges.firstFree(from: nextColumn)
    }
    let across = (mergeAcross ?? nil) ?? 0
    let down = (mergeDown ?? nil) ?? 0
    guard column + across <= limits.maxColumns else {
      stop(
        .fileUnreadable, "column \(column + across) is beyond the last column \(limits.maxColumns)",
        line: node.line)
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
    // Every text `endData` makes is NFC (interned, `SpreadsheetMLValue.nfc`, or composed when
    // it does not fit its type): the mapper need not scan it again (`Cell.textIsNFC`).
    cells.append(
      Cell(
        column: cellColumn, value: cellValue, mergeAcross: cellAcross, mergeDown: cellDown,
        textID: cellTextID, textIsNFC: cellValue.isText))
  }

  private mutating func endData(line: Int) {
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
        column: cellColumn, line: line)
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

  private mutating func stop(
    _ code: DiagnosticCode, _ reason: String, column: Int? = nil, line: Int
  ) {
    stopped = true
    diagnostics.append(
      Diagnostic(
        code: code, severity: .error, position: position(line: line, column: column),
        values: ["reason": reason]))
  }
}
