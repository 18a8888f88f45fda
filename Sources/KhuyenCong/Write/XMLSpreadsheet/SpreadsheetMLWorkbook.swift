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
    var out = """
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
    for sheet in worksheets { write(sheet, to: &out) }
    out += "</Workbook>\n"
    return Array(out.utf8)
  }

  private func write(_ sheet: SpreadsheetMLWorksheet, to out: inout String) {
    out += " <Worksheet ss:Name=\"\(XMLText.escaped(sheet.name))\">\n  <Table>\n"
    // Every column names its index: LibreOffice 7.4's default import keeps counting columns
    // from the previous sheet, so sheet 2's first width landed on its tenth column.
    for (index, width) in sheet.columnWidths.enumerated() {
      out += "   <Column ss:Index=\"\(index + 1)\" ss:AutoFitWidth=\"0\" ss:Width=\"\(width)\"/>\n"
    }
    var previousRow = 0
    for row in sheet.rows {
      out += "   <Row"
      if row.number != previousRow + 1 { out += " ss:Index=\"\(row.number)\"" }
      if let height = row.height { out += " ss:AutoFitHeight=\"0\" ss:Height=\"\(height)\"" }
      previousRow = row.number
      guard !row.cells.isEmpty else {
        out += "/>\n"
        continue
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
    out += "  </Table>\n"
    out += "  <WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\">\n"
    out += "   <PageSetup>\n    <Layout x:Orientation=\"Landscape\"/>\n   </PageSetup>\n"
    if sheet.frozenRows > 0 {
      // Excel's own form of a frozen top: freeze, no split bar, panes below row N.
      out += "   <FreezePanes/>\n   <FrozenNoSplit/>\n"
      out += "   <SplitHorizontal>\(sheet.frozenRows)</SplitHorizontal>\n"
      out += "   <TopRowBottomPane>\(sheet.frozenRows)</TopRowBottomPane>\n"
      out += "   <ActivePane>2</ActivePane>\n"
    }
    out += "  </WorksheetOptions>\n"
    for validation in sheet.dataValidations {
      out += "  <DataValidation xmlns=\"urn:schemas-microsoft-com:office:excel\">\n"
      out += "   <Range>\(XMLText.escaped(validation.range))</Range>\n"
      out += "   <Type>List</Type>\n   <CellRangeList/>\n"
      out += "   <Value>\(XMLText.escaped(validation.source))</Value>\n"
      out += "   <ErrorStyle>\(XMLText.escaped(validation.errorStyle))</ErrorStyle>\n"
      out += "  </DataValidation>\n"
    }
    out += " </Worksheet>\n"
  }
}
