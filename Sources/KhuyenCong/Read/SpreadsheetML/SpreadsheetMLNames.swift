import KhuyenCongXML

/// The element and attribute names of SpreadsheetML, interned in one reader's dictionary.
struct SpreadsheetMLNames {
  static let spreadsheet = "urn:schemas-microsoft-com:office:spreadsheet"
  static let excel = "urn:schemas-microsoft-com:office:excel"

  let workbook, worksheet, table, row, cell, data: XMLName
  let worksheetOptions, visible: XMLName
  let name, index, type, span, mergeAcross, mergeDown: XMLName
  /// Attributes written without the `ss:` prefix, which some exporters do.
  let plainName, plainIndex: XMLName

  init(_ reader: XMLPullReader) {
    func ss(_ local: String) -> XMLName { reader.intern(namespace: Self.spreadsheet, local: local) }
    workbook = ss("Workbook")
    worksheet = ss("Worksheet")
    table = ss("Table")
    row = ss("Row")
    cell = ss("Cell")
    data = ss("Data")
    worksheetOptions = reader.intern(namespace: Self.excel, local: "WorksheetOptions")
    visible = reader.intern(namespace: Self.excel, local: "Visible")
    name = ss("Name")
    index = ss("Index")
    type = ss("Type")
    span = ss("Span")
    mergeAcross = ss("MergeAcross")
    mergeDown = ss("MergeDown")
    plainName = reader.intern(namespace: nil, local: "Name")
    plainIndex = reader.intern(namespace: nil, local: "Index")
  }
}
