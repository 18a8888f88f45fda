/// A SpreadsheetML (XML Spreadsheet 2003) workbook, serialised exactly as Excel lays one out:
/// the `mso-application` processing instruction, the default namespace
/// `urn:schemas-microsoft-com:office:spreadsheet` with the `o:`, `x:`, `ss:` and `html:`
/// prefixes declared on `Workbook`, then `Styles` and the worksheets.
///
/// Internal: the plan and the template writers build one and call `bytes()`.
struct SpreadsheetMLWorkbook: Sendable {
  var worksheets: [SpreadsheetMLWorksheet]

  /// The document, UTF-8, LF line ends, no timestamps.
  func bytes() -> [UInt8] {
    var out = ""
    Self.writeHead(to: &out)
    for var sheet in worksheets { sheet.finish(to: &out) }
    Self.writeTail(to: &out)
    return Array(out.utf8)
  }

  /// The XML declaration, `Workbook` with its namespaces, and the styles: what comes before
  /// the first worksheet.
  static func writeHead<Out: TextOut>(to out: inout Out) {
    out += """
      <?xml version="1.0" encoding="UTF-8"?>
      <?mso-application progid="Excel.Sheet"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
       xmlns:o="urn:schemas-microsoft-com:office:office"
       xmlns:x="urn:schemas-microsoft-com:office:excel"
       xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
       xmlns:html="http://www.w3.org/TR/REC-html40">
       <Styles>

      """
    for style in SpreadsheetMLStyle.allCases { out += style.xml + "\n" }
    out += " </Styles>\n"
  }

  /// What comes after the last worksheet.
  static func writeTail<Out: TextOut>(to out: inout Out) {
    out += "</Workbook>\n"
  }
}

extension SpreadsheetMLWorksheet {
  /// Writes the rows appended so far (after the sheet's head, the first time) and lets them
  /// go: a sheet of a hundred thousand lines is written as it is built.
  mutating func flushRows<Out: TextOut>(to out: inout Out) {
    if !headWritten {
      out += " <Worksheet ss:Name=\"\(XMLText.escaped(name))\">\n  <Table>\n"
      // Every column names its index: LibreOffice 7.4's default import keeps counting columns
      // from the previous sheet, so sheet 2's first width landed on its tenth column.
      for (index, width) in columnWidths.enumerated() {
        out += "   <Column ss:Index=\"\(index + 1)\" ss:AutoFitWidth=\"0\" ss:Width=\"\(width)\"/>\n"
      }
      headWritten = true
    }
    for row in rows { Self.write(row, after: &writtenRow, to: &out) }
    dropRows()
  }

  /// Writes what is left of the sheet and its tail (options, drop-down lists).
  mutating func finish<Out: TextOut>(to out: inout Out) {
    flushRows(to: &out)
    out += "  </Table>\n"
    out += "  <WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\">\n"
    out += "   <PageSetup>\n    <Layout x:Orientation=\"Landscape\"/>\n   </PageSetup>\n"
    if frozenRows > 0 {
      // Excel's own form of a frozen top: freeze, no split bar, panes below row N.
      out += "   <FreezePanes/>\n   <FrozenNoSplit/>\n"
      out += "   <SplitHorizontal>\(frozenRows)</SplitHorizontal>\n"
      out += "   <TopRowBottomPane>\(frozenRows)</TopRowBottomPane>\n"
      out += "   <ActivePane>2</ActivePane>\n"
    }
    out += "  </WorksheetOptions>\n"
    for validation in dataValidations {
      out += "  <DataValidation xmlns=\"urn:schemas-microsoft-com:office:excel\">\n"
      out += "   <Range>\(XMLText.escaped(validation.range))</Range>\n"
      out += "   <Type>List</Type>\n   <CellRangeList/>\n"
      out += "   <Value>\(XMLText.escaped(validation.source))</Value>\n"
      out += "   <ErrorStyle>\(XMLText.escaped(validation.errorStyle))</ErrorStyle>\n"
      out += "  </DataValidation>\n"
    }
    out += " </Worksheet>\n"
  }

  /// One row; `previousRow` is the number of the row written before it.
  private static func write<Out: TextOut>(
    _ row: SpreadsheetMLRow, after previousRow: inout Int, to out: inout Out
  ) {
    out += "   <Row"
    if row.number != previousRow + 1 { out += " ss:Index=\"\(row.number)\"" }
    if let height = row.height { out += " ss:AutoFitHeight=\"0\" ss:Height=\"\(height)\"" }
    previousRow = row.number
    guard !row.cells.isEmpty else {
      out += "/>\n"
      return
    }
    out += ">\n"
    var nextColumn = 1
    for cell in row.cells {
      out += "    <Cell"
      if cell.column != nextColumn { out += " ss:Index=\"\(cell.column)\"" }
      if cell.mergeAcross > 0 { out += " ss:MergeAcross=\"\(cell.mergeAcross)\"" }
      if cell.mergeDown > 0 { out += " ss:MergeDown=\"\(cell.mergeDown)\"" }
      out += " ss:StyleID=\"\(cell.style.rawValue)\""
      if let formula = cell.formula { out += " ss:Formula=\"\(XMLText.escaped(formula))\"" }
      nextColumn = cell.column + cell.mergeAcross + 1
      switch cell.value {
      case nil:
        out += "/>\n"
      case .text(let text)?:
        out += "><Data ss:Type=\"String\">\(XMLText.escaped(text))</Data></Cell>\n"
      case .number(let literal)?:
        out += "><Data ss:Type=\"Number\">\(XMLText.escaped(literal))</Data></Cell>\n"
      }
    }
    out += "   </Row>\n"
  }
}
