/// The blank form's second sheet, "Danh mục": what a district may write in the content, unit
/// and place columns (issue 8, finding 8). Content areas with their indicators and each
/// measure's unit, other accepted spellings and five-year target; the codes the content
/// column's drop-down offers; the district's communes in force on 1 January of the plan year,
/// as the register spells them, for the place column's drop-down; the words that mark a line
/// for a cap no column carries. The readers know the sheet and do not read it as a plan.
struct TemplateListSheet {
  var sheet: SpreadsheetMLWorksheet
  /// R1C1 range of the content codes (column H).
  var codeRange: String
  /// R1C1 range of the communes' names (column J).
  var communeRange: String

  /// The first row of the lists.
  static let firstRow = 4

  init(programme: Programme, year: PlanYear, district: District) {
    var contents: [[SpreadsheetMLCell]] = []
    var codes: [String] = []
    for area in programme.contentAreas {
      codes.append(area.code.rawValue)
      contents.append([
        .text(1, area.code.rawValue, .code), .text(2, area.name, .textBold), .blank(3), .blank(4),
        .blank(5, .number), .text(6, area.basis),
      ])
      // Activities without a number: written with the area's code, counted in its budget.
      for activity in area.activities {
        contents.append([.blank(1, .code), .text(2, "Hoạt động khác (ghi mã \(area.code)): \(activity)")])
      }
      for indicator in area.indicators {
        codes.append(indicator.code.rawValue)
        for (index, measure) in indicator.measures.enumerated() {
          let name = indicator.measures.count == 1 ? indicator.name : "\(indicator.name): \(measure.name)"
          contents.append([
            index == 0 ? .text(1, indicator.code.rawValue, .code) : .blank(1, .code), .text(2, name),
            .text(3, measure.unit), .text(4, measure.unitAliases.joined(separator: ", ")),
            measure.target.map { .number(5, $0.description) } ?? .blank(5, .number),
            index == 0 ? .text(6, indicator.basis) : .blank(6),
          ])
        }
      }
    }
    // Words that put a line under a cap no column carries (a model at an existing facility).
    var markers: [String] = []
    for rule in programme.rules {
      guard case .cap(let cap) = rule, !cap.markers.isEmpty, cap.years.contains(year) else { continue }
      markers.append(
        "Chỉ tiêu \(cap.indicator): ghi “\(cap.markers[0])” ở cột Ghi chú nếu thuộc trường hợp của \(cap.basis)"
      )
    }
    let day = CivilDate(year: year.rawValue, month: 1, day: 1)
    let communes = programme.communes(inForceOn: day).filter { $0.district == district.code }

    var sheet = SpreadsheetMLWorksheet(
      name: TemplateWriter.listSheetName, columnWidths: [40, 330, 80, 110, 60, 250, 20, 70, 20, 150, 60],
      frozenRows: 3)
    sheet.append([
      .text(
        1,
        "DANH MỤC NỘI DUNG, CHỈ TIÊU VÀ ĐỊA BÀN – KẾ HOẠCH KHUYẾN CÔNG NĂM \(year) – "
          + district.officialName.uppercased(), .title, across: 10)
    ])
    sheet.append([
      .text(
        1,
        "Cột “Nội dung” ghi mã chỉ tiêu (1.1, 4.3 …), hoặc mã nội dung (2, 7 …) cho hoạt động không có chỉ tiêu; "
          + "cột “Đơn vị tính” ghi đơn vị của chỉ tiêu; cột “Địa điểm” ghi tên xã, phường, thị trấn như cột J. "
          + "Thêm dòng: chèn dòng giữa hai dòng trống của mục để công thức cộng tự mở rộng.", .plain,
        across: 10)
    ])
    sheet.append([
      .text(1, "Mã", .header), .text(2, "Nội dung, chỉ tiêu", .header), .text(3, "Đơn vị tính", .header),
      .text(4, "Cách viết khác", .header), .text(5, "Mục tiêu 5 năm", .header), .text(6, "Căn cứ", .header),
      .text(8, "Mã ghi ở cột Nội dung", .header),
      .text(10, "Xã, phường, thị trấn năm \(year)", .header), .text(11, "Mã GSO", .header),
    ])
    let listed = contents + (markers.isEmpty ? [] : [[]] + markers.map { [.text(2, $0, .plain)] })
    let count = max(listed.count, codes.count, communes.count)
    for index in 0..<count {
      var cells = index < listed.count ? listed[index] : []
      if index < codes.count { cells.append(.text(8, codes[index], .code)) }
      if index < communes.count {
        cells.append(.text(10, communes[index].officialName))
        cells.append(.text(11, communes[index].code.rawValue, .code))
      }
      sheet.append(cells)
    }
    self.sheet = sheet
    let first = Self.firstRow
    codeRange = "R\(first)C8:R\(first + max(codes.count, 1) - 1)C8"
    communeRange = "R\(first)C10:R\(first + max(communes.count, 1) - 1)C10"
  }
}
