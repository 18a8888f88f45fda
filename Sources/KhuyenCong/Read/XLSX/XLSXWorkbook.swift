/// What `xl/workbook.xml` says: the sheets in tab order and the date system.
struct XLSXWorkbook {
  /// One `<sheet>` of `<sheets>`.
  struct Sheet: Hashable {
    /// The tab name, NFC.
    var name: String
    /// `r:id`, the key into the workbook's relationships.
    var relationshipID: String
    /// `state="hidden"` or `"veryHidden"`.
    var hidden: Bool
  }

  /// In workbook (tab) order.
  var sheets: [Sheet] = []
  /// `workbookPr date1904`: serials count from 1904-01-01 (old Mac Excel files).
  var date1904 = false

  /// Parses the workbook part.
  static func parse(_ stream: XLSXPartStream, part: String, file: String) throws(XLSXFailure)
    -> XLSXWorkbook
  {
    struct Names {
      var sheet: XLSXName
      var workbookPr: XLSXName
      var name: XLSXName
      var state: XLSXName
      var id: XLSXName
      var date1904: XLSXName
      var result = XLSXWorkbook()
    }
    let state = try XLSXPartParser.parse(
      stream, part: part, file: file,
      setUp: { reader in
        Names(
          sheet: XLSXName(main: "sheet", in: reader),
          workbookPr: XLSXName(main: "workbookPr", in: reader),
          name: XLSXName(plain: "name", in: reader), state: XLSXName(plain: "state", in: reader),
          id: XLSXName(relationshipAttribute: "id", in: reader),
          date1904: XLSXName(plain: "date1904", in: reader))
      },
      visit: { reader, names in
        guard reader.kind == .elementStart else { return }
        if names.sheet.matches(reader) {
          let state = names.state.attribute(in: reader)
          names.result.sheets.append(
            Sheet(
              name: XLSXPartParser.text(Array((names.name.attribute(in: reader) ?? "").utf8)),
              relationshipID: names.id.attribute(in: reader) ?? "",
              hidden: state == "hidden" || state == "veryHidden"))
        } else if names.workbookPr.matches(reader) {
          let value = names.date1904.attribute(in: reader)
          names.result.date1904 = value == "1" || value == "true"
        }
      })
    return state.result
  }
}
