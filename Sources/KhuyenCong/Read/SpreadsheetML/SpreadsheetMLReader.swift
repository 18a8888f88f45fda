import KhuyenCongXML

/// Reads an XML Spreadsheet 2003 (SpreadsheetML) workbook, streaming, sheet by sheet.
///
/// Rows reach the visitor as soon as each `<Row>` ends, so memory does not grow with the
/// file; rows without any value are not delivered and cost nothing (LibreOffice's round trip
/// writes half a million of them). Elements are matched by namespace URI and local name, so
/// Excel's unprefixed `<Worksheet>` and LibreOffice's `<ss:Worksheet>` read alike. Cells are
/// placed as Excel places them, including after merges from the rows above (the LibreOffice
/// 7.4 trap, see `VerticalMergeMap`).
///
/// ```swift
/// var source = MemorySource(bytes)
/// var sheets = WorkbookCollector()
/// let report = SpreadsheetMLReader.read(&source, file: "lam-binh.xml", into: &sheets)
/// ```
public enum SpreadsheetMLReader {
  /// Reads `source` into `visitor`.
  /// - Parameters:
  ///   - file: the file name as submitted, for diagnostics.
  ///   - limits: size bounds; crossing one ends the read with `file.unreadable`.
  /// - Returns: the encoding, every sheet's summary and the diagnostics. Not well-formed XML,
  ///   a DOCTYPE or entity, or a document that is not SpreadsheetML gives `xml.malformed` with
  ///   the line; the rows delivered before it stay delivered.
  public static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits = .standard,
    into visitor: inout Visitor
  ) -> ReadReport {
    let budget = ReadBudget(limits.budget)
    let input = SpreadsheetMLInput(source: source, maxBytes: limits.maxFileBytes, budget: budget)
    defer { source = input.source }
    let reader = XMLPullReader { buffer in input.fill(buffer) }
    var session = SpreadsheetMLSession(reader: reader, file: file, limits: limits)
    var budgeted = BudgetedVisitor(visitor, budget: budget)
    defer { visitor = budgeted.base }
    session.run(into: &budgeted)
    if let limit = budget.diagnostic(file: file) {
      session.diagnostics.append(limit)
    } else if !session.stopped {
      if let failure = reader.failure {
        let position = session.position(line: failure.line)
        if input.overLimit {
          session.diagnostics.append(
            Diagnostic(
              code: .fileUnreadable, severity: .error, position: position,
              values: ["reason": "the file is larger than \(limits.maxFileBytes) bytes"]))
        } else if let reason = input.failure {
          session.diagnostics.append(
            Diagnostic(
              code: .fileUnreadable, severity: .error, position: position,
              values: ["reason": reason]))
        } else {
          session.diagnostics.append(
            Diagnostic(
              code: .xmlMalformed, severity: .error, position: position,
              values: ["reason": failure.message]))
        }
      } else if !session.sawRoot {
        session.diagnostics.append(
          Diagnostic(
            code: .xmlMalformed, severity: .error, position: Position(file: file),
            values: ["reason": "the file holds no XML element"]))
      }
    }
    session.closeOpenSheet(into: &budgeted)
    return ReadReport(
      format: .spreadsheetML, encoding: session.encoding ?? "UTF-8", sheets: session.sheets,
      diagnostics: session.diagnostics)
  }
}
