/// Writes the blank form a district fills in (`khuyencong template --year N --district CODE`),
/// in the form layout the readers accept (notes/layouts.md, SPEC §3):
///
/// Signature lines start with an en dash, not `-`: a cell starting with `-` is a formula to
/// Excel, and the CSV writer would have to neutralise it with a visible `'`.
///
/// - rows 1–3: the People's Committee (A, merged A:F) and the national motto (J, merged J:Q),
///   "Số: …/KH-UBND" and "<place>, ngày … tháng … năm N−1" to fill in;
/// - row 5: "KẾ HOẠCH KHUYẾN CÔNG NĂM N" merged A5:Q5; row 6: "(Kèm theo Kế hoạch số …)";
///   row 7: "Đơn vị tính: triệu đồng" at N7;
/// - rows 8–10: the three-row header, A–I and Q merged down, "Thời gian thực hiện" over J–K,
///   "Kinh phí" over L–P with "Tổng" and "Trong đó" over M–P; row 11: the column numbers
///   "A", "B", "1" … "15";
/// - per content area of the programme: a section row (Roman numeral, area code, name) and two
///   empty lines under it; then the "Tổng cộng" row and the signature block.
///
/// In the XML form the section rows and the total row hold `ss:Formula` SUMs (no cached
/// value: Excel and LibreOffice compute them on opening; `validate` checks the values the
/// district's program saves), the content and place columns offer drop-down lists, and a
/// second sheet, "Danh mục", lists the content areas, indicators with their measures and
/// units, and the district's communes in force for the plan year.
public enum TemplateWriter {
  /// The sheet name of the SpreadsheetML form.
  public static let sheetName = "Kế hoạch"

  /// The sheet listing contents, indicators, units and communes (read by no one but people).
  public static let listSheetName = "Danh mục"

  /// The first row of the body (after the column-number row).
  public static let firstBodyRow = 12

  /// Empty lines to fill in under each section row.
  static let linesPerSection = 2

  /// How many rows below the first body row the drop-down lists reach.
  static let validatedRows = 500

  /// The form as CSV: UTF-8 with BOM, CRLF, 17 columns (A–Q) per record, one record per
  /// spreadsheet row, so row numbers match the SpreadsheetML form.
  public static func csv(programme: Programme, year: PlanYear, district: District) -> [UInt8] {
    let rows = grid(programme: programme, year: year, district: district)
    var out = ""
    var next = 1
    for row in rows {
      while next < row.number {
        out += CSVField.record(Array(repeating: "", count: columnCount))
        next += 1
      }
      var fields = Array(repeating: "", count: columnCount)
      for cell in row.cells where (1...columnCount).contains(cell.column) {
        if case .text(let text)? = cell.value { fields[cell.column - 1] = CSVField.text(text) }
      }
      out += CSVField.record(fields)
      next = row.number + 1
    }
    return CSVField.byteOrderMark + Array(out.utf8)
  }

  /// The form as XML Spreadsheet 2003, with the merges, borders, a frozen header, SUM
  /// formulas, drop-down lists and the "Danh mục" sheet.
  public static func spreadsheetML(programme: Programme, year: PlanYear, district: District)
    -> [UInt8]
  {
    let list = TemplateListSheet(programme: programme, year: year, district: district)
    var sheet = SpreadsheetMLWorksheet(
      name: sheetName,
      columnWidths: [30, 40, 180, 100, 100, 100, 40, 50, 45, 55, 55, 65, 65, 65, 65, 65, 80],
      rows: grid(programme: programme, year: year, district: district, formulas: true), frozenRows: 11)
    let last = firstBodyRow + validatedRows - 1
    let listName = "'\(listSheetName)'!"
    sheet.dataValidations = [
      SpreadsheetMLDataValidation(
        range: "R\(firstBodyRow)C2:R\(last)C2", source: listName + list.codeRange, errorStyle: "Warn"),
      SpreadsheetMLDataValidation(
        range: "R\(firstBodyRow)C6:R\(last)C6", source: listName + list.communeRange, errorStyle: "Info"),
    ]
    return SpreadsheetMLWorkbook(worksheets: [sheet, list.sheet]).bytes()
  }

  /// Columns A–Q.
  static let columnCount = 17

  /// The headings of row 8 (group and merged-down cells), row 9 (under the groups) and
  /// row 10 (under "Trong đó").
  static let headerRow8: [(column: Int, text: String, across: Int, down: Int)] = [
    (1, "STT", 0, 2), (2, "Nội dung", 0, 2), (3, "Tên đề án, hoạt động", 0, 2),
    (4, "Đơn vị thực hiện", 0, 2), (5, "Đơn vị thụ hưởng", 0, 2),
    (6, "Địa điểm (xã, phường, thị trấn)", 0, 2), (7, "Đề án nhóm", 0, 2),
    (8, "Đơn vị tính", 0, 2), (9, "Số lượng", 0, 2), (10, "Thời gian thực hiện", 1, 0),
    (12, "Kinh phí", 4, 0), (17, "Ghi chú", 0, 2),
  ]
  static let headerRow9: [(column: Int, text: String, across: Int, down: Int)] = [
    (10, "Bắt đầu", 0, 1), (11, "Kết thúc", 0, 1), (12, "Tổng", 0, 1), (13, "Trong đó", 3, 0),
  ]
  static let headerRow10: [(column: Int, text: String)] = [
    (13, "KCQG"), (14, "KCĐP"), (15, "Đối ứng"), (16, "Nguồn khác"),
  ]

  /// The form's rows, shared by both formats.
  static func grid(programme: Programme, year: PlanYear, district: District, formulas: Bool = false)
    -> [SpreadsheetMLRow]
  {
    var sheet = SpreadsheetMLWorksheet(name: sheetName, columnWidths: [])
    let unit = (district.kind + " " + district.name).uppercased()
    sheet.append([
      .text(1, "ỦY BAN NHÂN DÂN", .centerBold, across: 5),
      .text(10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", .centerBold, across: 7),
    ])
    sheet.append([
      .text(1, unit, .centerBold, across: 5),
      .text(10, "Độc lập - Tự do - Hạnh phúc", .centerBold, across: 7),
    ])
    sheet.append([
      .text(1, "Số:      /KH-UBND", .center, across: 5),
      .text(
        10, "\(district.name), ngày      tháng      năm \(year.rawValue - 1)",
        .subtitle, across: 7),
    ])
    sheet.skip()
    sheet.append([.text(1, "KẾ HOẠCH KHUYẾN CÔNG NĂM \(year)", .title, across: 16)], height: 24)
    sheet.append([
      .text(
        1, "(Kèm theo Kế hoạch số        /KH-UBND của Ủy ban nhân dân \(district.nameInSentence))",
        .subtitle, across: 16)
    ])
    sheet.append([.text(14, "Đơn vị tính: triệu đồng", .note, across: 3)])

    var row8: [SpreadsheetMLCell] = []
    for heading in headerRow8 {
      row8.append(
        .text(
          heading.column, heading.text, .header, across: heading.across,
          down: heading.down))
    }
    sheet.append(row8, height: 32)
    // Rows 9 and 10 name their first cell's column (ss:Index): cells under a MergeDown are not
    // written, and LibreOffice 7.4 otherwise puts "Bắt đầu" in column A (shared corpus,
    // REAL-CLIENTS).
    sheet.append(headerRow9.map { .text($0.column, $0.text, .header, across: $0.across, down: $0.down) })
    sheet.append(headerRow10.map { .text($0.column, $0.text, .header) })
    sheet.append(
      (1...columnCount).map { column in
        .text(column, column <= 2 ? ColumnName.letters(column) : String(column - 2), .code)
      })

    // A money cell of a section or the total row: a SUM in the XML form, blank in the CSV.
    func sum(_ column: Int, _ formula: String) -> SpreadsheetMLCell {
      guard (12...16).contains(column) else { return .blank(column, .text) }
      return formulas ? .formula(column, formula, .numberBold) : .blank(column, .numberBold)
    }
    var sectionRows: [Int] = []
    for (index, area) in programme.contentAreas.enumerated() {
      var section: [SpreadsheetMLCell] = [
        .text(1, PlanLabels.roman(index + 1), .code), .text(2, area.code.rawValue, .code),
        .text(3, area.name, .textBold),
      ]
      // The lines of the section: the two empty rows under it. A row inserted between them
      // widens the range in Excel and LibreOffice alike.
      section += (4...columnCount).map { sum($0, "=SUM(R[1]C:R[\(linesPerSection)]C)") }
      sectionRows.append(sheet.nextRowNumber)
      sheet.append(section)
      for _ in 0..<linesPerSection { sheet.append(blankLine()) }
    }
    let totalRow = sheet.nextRowNumber
    let sections = sectionRows.map { "R[\($0 - totalRow)]C" }.joined(separator: ",")
    sheet.append(
      [.blank(1, .code), .blank(2, .code), .text(3, "Tổng cộng", .textBold)]
        + (4...columnCount).map { sum($0, "=SUM(\(sections))") })
    sheet.skip()
    sheet.append([
      .text(1, "Nơi nhận:", .textBoldPlain, across: 2),
      .text(13, "TM. ỦY BAN NHÂN DÂN", .centerBold, across: 4),
    ])
    sheet.append([
      .text(1, "– Sở Công Thương;", .plain, across: 2),
      .text(13, "CHỦ TỊCH", .centerBold, across: 4),
    ])
    sheet.append([
      .text(1, "– Lưu: VT.", .plain, across: 2),
      .text(13, "(Ký tên, đóng dấu)", .subtitle, across: 4),
    ])
    return sheet.rows
  }

  /// An empty line to fill in, with borders and number formats in place.
  static func blankLine() -> [SpreadsheetMLCell] {
    (1...columnCount).map { column in
      switch column {
      case 1, 2, 7, 10, 11: return .blank(column, .code)
      case 9, 12...16: return .blank(column, .number)
      default: return .blank(column, .text)
      }
    }
  }
}
