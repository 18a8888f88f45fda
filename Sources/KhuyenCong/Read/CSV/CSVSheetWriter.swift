/// Passes the tokenizer's rows to the visitor and keeps the sheet's summary.
struct CSVSheetWriter {
  enum Stop { case sheetFull, tooManyEncodingErrors }

  var tokenizer: CSVTokenizer
  var summary: SheetSummary

  init(tokenizer: CSVTokenizer) {
    self.tokenizer = tokenizer
    self.summary = SheetSummary(name: tokenizer.sheet)
  }

  /// Feeds `units`; returns why reading must stop, if it must.
  mutating func feed<Visitor: WorkbookVisitor>(
    _ units: [DecodedUnit], into visitor: inout Visitor
  ) -> Stop? {
    for unit in units {
      if let row = tokenizer.consume(unit) { deliver(row, to: &visitor) }
      if tokenizer.isStopped { return .sheetFull }
      if tokenizer.encodingErrorCount >= CSVReader.maxEncodingErrors {
        return .tooManyEncodingErrors
      }
    }
    return nil
  }

  /// Feeds bytes of valid UTF-8 without U+0000 (`TextDecoder.validUTF8Prefix`), read without
  /// decoding (`CSVTokenizer.consume(validUTF8:from:)`); returns why reading must stop, if it must.
  mutating func feed<Visitor: WorkbookVisitor>(
    validUTF8 bytes: UnsafeBufferPointer<UInt8>, into visitor: inout Visitor
  ) -> Stop? {
    var index = 0
    while index < bytes.count {
      if let row = tokenizer.consume(validUTF8: bytes, from: &index) { deliver(row, to: &visitor) }
      if tokenizer.isStopped { return .sheetFull }
    }
    return nil
  }

  mutating func finish<Visitor: WorkbookVisitor>(into visitor: inout Visitor) {
    if let row = tokenizer.finish() { deliver(row, to: &visitor) }
  }

  private mutating func deliver<Visitor: WorkbookVisitor>(
    _ row: SheetRow, to visitor: inout Visitor
  ) {
    summary.rowCount += 1
    summary.lastRow = max(summary.lastRow, row.number)
    summary.lastColumn = max(summary.lastColumn, row.lastColumn)
    visitor.visit(row)
  }
}
