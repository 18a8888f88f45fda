/// Writes the consolidated plan as XML Spreadsheet 2003 (`plan-N.xml`, SPEC §5), the form
/// Excel and LibreOffice open and officials forward.
///
/// Sheets: "Tổng hợp" (by content area and indicator, funds, priority share, merge notes),
/// "Theo huyện" (by district, priority districts first), "Chi tiết" (every line with its
/// source file:sheet:row), "Tiến độ" (five-year progress), "Chưa nộp - Bị từ chối".
/// Money in triệu đồng as exact decimal literals, shown with `#,##0.###`. Deterministic:
/// no timestamps, fixed styles, fixed order. `schemas/plan-spreadsheet.xsd` describes it.
public enum PlanXMLSpreadsheetWriter {
  /// The names of the sheets, in order.
  public static let sheetNames = [
    "Tổng hợp", "Theo huyện", "Chi tiết", "Tiến độ", "Chưa nộp - Bị từ chối",
  ]

  /// The workbook bytes (UTF-8).
  /// - Parameters:
  ///   - plan: the merged plan.
  ///   - programme: for the province and programme title.
  ///   - messages: renders a diagnostic in the reader's language (the CLI's catalog).
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String
  ) -> [UInt8] {
    var sink = MemorySink()
    write(plan, programme: programme, messages: messages, into: &sink)
    return sink.bytes
  }

  /// Streams the workbook into `sink`: each sheet's rows are written as they are built.
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String, into sink: inout some ByteSink
  ) {
    var out = TextOutput(sink)
    SpreadsheetMLWorkbook.writeHead(to: &out)
    summarySheet(plan, programme: programme, messages: messages, into: &out)
    districtSheet(plan, programme: programme, into: &out)
    detailSheet(plan, programme: programme, into: &out)
    progressSheet(plan, programme: programme, into: &out)
    missingSheet(plan, messages: messages, into: &out)
    SpreadsheetMLWorkbook.writeTail(to: &out)
    sink = out.finish()
  }

  /// Title and subtitle rows merged across `width` columns.
  static func titleRows(
    _ sheet: inout SpreadsheetMLWorksheet, _ title: String, _ subtitle: String,
    width: Int
  ) {
    sheet.append([.text(1, title, .title, across: width - 1)], height: 24)
    sheet.append([.text(1, subtitle, .subtitle, across: width - 1)])
  }

  static func header(_ titles: [String]) -> [SpreadsheetMLCell] {
    titles.enumerated().map { .text($0.offset + 1, $0.element, .header) }
  }

  static func moneyCells(
    _ totals: FundTotals, from column: Int,
    _ style: SpreadsheetMLStyle = .number
  ) -> [SpreadsheetMLCell] {
    PlanLabels.amounts(totals).enumerated().map { .money(column + $0.offset, $0.element, style) }
  }

  static func subtitle(_ plan: ConsolidatedPlan, _ programme: Programme) -> String {
    "Tỉnh \(programme.province.name) · \(programme.title) · Đơn vị tính: triệu đồng"
  }

  static func summarySheet<Out: TextOut>(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String, into out: inout Out
  ) {
    var sheet = SpreadsheetMLWorksheet(
      name: sheetNames[0], columnWidths: [48, 300, 70, 60, 80, 80, 80, 80, 80], frozenRows: 3)
    titleRows(
      &sheet, "KẾ HOẠCH KHUYẾN CÔNG NĂM \(plan.planYear) - TỔNG HỢP THEO NỘI DUNG",
      subtitle(plan, programme), width: 9)
    sheet.append(
      header(
        ["Mã", "Nội dung, chỉ tiêu", "Đơn vị tính", "Số lượng"]
          + PlanLabels.amountHeadings.map { $0 == "Tổng" ? "Tổng kinh phí" : $0 }),
      height: 32)
    for (index, area) in plan.contentAreas.enumerated() {
      sheet.append(
        [
          .text(1, PlanLabels.roman(index + 1), .code), .text(2, area.name, .textBold),
          .blank(3), .blank(4),
        ] + moneyCells(area.totals, from: 5, .numberBold))
      for indicator in area.indicators {
        let progress = indicator.progress
        // One measure: quantity on the indicator's row; several: a row per measure below it.
        let single = indicator.measures.count == 1
        sheet.append(
          [
            .text(1, progress.code.rawValue, .code), .text(2, indicator.name),
            single ? .text(3, progress.unit) : .blank(3),
            single ? .number(4, progress.thisYear.description) : .blank(4),
          ]
            + moneyCells(indicator.totals, from: 5))
        for measure in indicator.measures where !single {
          sheet.append([
            .blank(1, .code), .text(2, "– " + measure.name), .text(3, measure.unit),
            .number(4, measure.thisYear.description),
          ])
        }
      }
      if area.withoutIndicator != .zero {
        sheet.append(
          [
            .blank(1, .code), .text(2, PlanLabels.otherActivities), .blank(3),
            .blank(4),
          ] + moneyCells(area.withoutIndicator, from: 5))
      }
    }
    sheet.append(
      [.blank(1, .code), .text(2, "Tổng cộng", .textBold), .blank(3), .blank(4)]
        + moneyCells(plan.totals, from: 5, .numberBold))

    sheet.skip()
    sheet.append([
      .text(2, "Theo nguồn vốn", .header), .text(3, "Kinh phí", .header),
      .text(4, "Tỷ lệ (%)", .header),
    ])
    for (fund, vi, _) in PlanLabels.funds {
      var cells: [SpreadsheetMLCell] = [.text(2, vi), .money(3, plan.totals[fund])]
      cells.append(
        Percentage.of(plan.totals[fund], in: plan.totals.total, places: 2)
          .map { .number(4, $0.description, .percent) } ?? .blank(4))
      sheet.append(cells)
    }
    sheet.skip()
    sheet.append([
      .text(2, "Các huyện ưu tiên", .header), .text(3, "Kinh phí", .header),
      .text(4, "Tỷ lệ (%)", .header),
    ])
    sheet.append([
      .text(2, "Tổng kinh phí"), .money(3, plan.priorityTotals.total),
      plan.priorityShareOfTotal.map { .number(4, $0.description, .percent) }
        ?? .blank(4),
    ])
    sheet.append([
      .text(2, "Hỗ trợ khuyến công (KCQG + KCĐP)"),
      .money(3, plan.priorityTotals.support),
      plan.priorityShareOfSupport.map { .number(4, $0.description, .percent) }
        ?? .blank(4),
    ])

    if !plan.diagnostics.isEmpty {
      sheet.skip()
      sheet.append([
        .text(1, "Mã", .header), .text(2, "Lưu ý khi tổng hợp", .header),
        .text(3, "Mức", .header), .text(4, "Vị trí", .header, across: 1),
      ])
      for diagnostic in plan.diagnostics {
        sheet.append([
          .text(1, diagnostic.code.rawValue), .text(2, messages(diagnostic)),
          .text(3, diagnostic.severity.rawValue),
          .text(4, placeText(diagnostic), across: 1),
        ])
        sheet.flushRows(to: &out)
      }
    }
    sheet.finish(to: &out)
  }

  static func placeText(_ diagnostic: Diagnostic) -> String {
    let cell = diagnostic.position.cellReference
    if diagnostic.position.file.isEmpty { return cell }
    return cell.isEmpty ? diagnostic.position.file : diagnostic.position.file + " " + cell
  }

  static func districtSheet<Out: TextOut>(_ plan: ConsolidatedPlan, programme: Programme, into out: inout Out)
  {
    var sheet = SpreadsheetMLWorksheet(
      name: sheetNames[1],
      columnWidths: [36, 40, 140, 50, 80, 220, 55, 80, 80, 80, 80, 80, 85], frozenRows: 3)
    titleRows(
      &sheet, "KẾ HOẠCH KHUYẾN CÔNG NĂM \(plan.planYear) - THEO HUYỆN",
      subtitle(plan, programme) + " · Huyện ưu tiên xếp trước", width: 13)
    sheet.append(
      header(
        [
          "STT", "Mã", "Huyện, thành phố", "Ưu tiên", "Tình trạng", "Tệp",
          "Số dòng",
        ] + PlanLabels.amountHeadings + ["Tỷ lệ tổng (%)"]), height: 32)
    for (index, district) in plan.districts.enumerated() {
      let style: SpreadsheetMLStyle = district.priority ? .textPriority : .text
      var cells: [SpreadsheetMLCell] = [
        .number(1, String(index + 1), .code), .text(2, district.code.rawValue, .code),
        .text(3, district.officialName, style),
        district.priority ? .text(4, "Ưu tiên", style) : .blank(4),
        .text(5, PlanLabels.status(district.status), style),
        district.file.map { .text(6, $0, style) } ?? .blank(6),
        .number(7, String(district.lineCount)),
      ]
      cells += moneyCells(district.totals, from: 8)
      cells.append(district.shareOfTotal.map { .number(13, $0.description, .percent) } ?? .blank(13))
      sheet.append(cells)
    }
    sheet.append(
      [
        .blank(1, .code), .blank(2, .code), .text(3, "Tổng cộng", .textBold), .blank(4),
        .blank(5), .blank(6), .number(7, String(plan.lines.count), .numberBold),
      ]
        + moneyCells(plan.totals, from: 8, .numberBold) + [.blank(13)])
    sheet.finish(to: &out)
  }

  static func detailSheet<Out: TextOut>(_ plan: ConsolidatedPlan, programme: Programme, into out: inout Out) {
    var sheet = SpreadsheetMLWorksheet(
      name: sheetNames[2],
      columnWidths: [36, 90, 45, 220, 120, 120, 100, 60, 50, 60, 60, 70, 70, 70, 70, 70, 100, 250],
      frozenRows: 3)
    titleRows(
      &sheet, "KẾ HOẠCH KHUYẾN CÔNG NĂM \(plan.planYear) - CHI TIẾT CÁC ĐỀ ÁN, HOẠT ĐỘNG",
      subtitle(plan, programme), width: 18)
    sheet.append(
      header(
        [
          "STT", "Huyện", "Chỉ tiêu", "Tên đề án, hoạt động", "Đơn vị thực hiện",
          "Đơn vị thụ hưởng", "Địa điểm", "Đơn vị tính", "Số lượng", "Bắt đầu",
          "Kết thúc",
        ] + PlanLabels.amountHeadings
          + ["Ghi chú", "Nguồn (tệp:trang:dòng)"]), height: 32)
    for (index, entry) in plan.lines.enumerated() {
      let line = entry.line
      let districtName = plan.district(entry.district)?.name ?? entry.district.rawValue
      var cells: [SpreadsheetMLCell] = [
        .number(1, String(index + 1), .code), .text(2, districtName),
        .text(3, PlanLabels.content(line), .code), .text(4, line.activity),
        .text(5, line.implementer),
        .text(6, line.beneficiary ?? (line.isGroup ? "(Đề án nhóm)" : "")),
        .text(7, line.place ?? ""), .text(8, line.unit ?? ""),
        line.quantity.map { .number(9, $0.description) } ?? .blank(9, .number),
        .text(10, line.start?.displayText ?? "", .code), .text(11, line.end?.displayText ?? "", .code),
      ]
      cells += moneyCells(line.amounts, from: 12)
      cells += [.text(17, line.note ?? ""), .text(18, PlanLabels.source(line.source))]
      sheet.append(cells)
      sheet.flushRows(to: &out)
    }
    sheet.append(
      [.blank(1, .code), .text(2, "Tổng cộng", .textBold)]
        + (3...11).map { SpreadsheetMLCell.blank($0) }
        + moneyCells(plan.totals, from: 12, .numberBold) + [.blank(17), .blank(18)])
    sheet.finish(to: &out)
  }

  static func progressSheet<Out: TextOut>(_ plan: ConsolidatedPlan, programme: Programme, into out: inout Out)
  {
    var sheet = SpreadsheetMLWorksheet(
      name: sheetNames[3], columnWidths: [48, 300, 70, 70, 70, 90, 70, 70], frozenRows: 3)
    let period = "\(programme.firstYear)–\(programme.lastYear)"
    titleRows(
      &sheet, "TIẾN ĐỘ THỰC HIỆN MỤC TIÊU CHƯƠNG TRÌNH \(period)",
      "Lũy kế các kế hoạch đã tiếp nhận đến năm \(plan.planYear)", width: 8)
    let earlier = "Các năm trước" + PlanLabels.yearRange(plan.earlierYears)
    sheet.append(
      header([
        "Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu 5 năm",
        "Năm \(plan.planYear)", earlier, "Lũy kế", "% mục tiêu",
      ]), height: 32)
    for progress in plan.progress {
      sheet.append([
        .text(1, progress.code.rawValue, .code), .text(2, progress.name), .text(3, progress.unit),
        progress.target.map { .number(4, $0.description) } ?? .blank(4, .number),
        .number(5, progress.thisYear.description), .number(6, progress.earlierYears.description),
        .number(7, progress.cumulative.description),
        progress.percentOfTarget.map { .number(8, $0.fixedText(places: 1), .percent) }
          ?? .blank(8, .percent),
      ])
    }
    sheet.finish(to: &out)
  }

  static func missingSheet<Out: TextOut>(
    _ plan: ConsolidatedPlan, messages: (Diagnostic) -> String, into out: inout Out
  ) {
    var sheet = SpreadsheetMLWorksheet(
      name: sheetNames[4], columnWidths: [40, 140, 50, 80, 220, 110, 220, 360], frozenRows: 3)
    titleRows(
      &sheet, "CÁC HUYỆN CHƯA NỘP HOẶC BỊ TỪ CHỐI - NĂM \(plan.planYear)",
      "Kế hoạch bị từ chối được trả lại kèm danh sách lỗi theo từng ô", width: 8)
    sheet.append(
      header([
        "Mã", "Huyện, thành phố", "Ưu tiên", "Tình trạng", "Tệp", "Mã lỗi",
        "Ô", "Nội dung lỗi",
      ]), height: 32)
    var any = false
    for district in plan.districts where district.status != .accepted {
      any = true
      let lead: [SpreadsheetMLCell] = [
        .text(1, district.code.rawValue, .code), .text(2, district.officialName),
        district.priority ? .text(3, "Ưu tiên") : .blank(3),
        .text(4, PlanLabels.status(district.status)),
        district.file.map { .text(5, $0) } ?? .blank(5),
      ]
      if district.diagnostics.isEmpty {
        sheet.append(lead + [.blank(6), .blank(7), .blank(8)])
      }
      for diagnostic in district.diagnostics {
        sheet.append(
          lead + [
            .text(6, diagnostic.code.rawValue), .text(7, placeText(diagnostic)),
            .text(8, messages(diagnostic)),
          ])
        sheet.flushRows(to: &out)
      }
    }
    for rejected in plan.unattributedRejections {
      any = true
      let lead: [SpreadsheetMLCell] = [
        .blank(1, .code), .text(2, "(không xác định được huyện)"), .blank(3),
        .text(4, PlanLabels.status(.rejected)), .text(5, rejected.file),
      ]
      if rejected.diagnostics.isEmpty { sheet.append(lead + [.blank(6), .blank(7), .blank(8)]) }
      for diagnostic in rejected.diagnostics {
        sheet.append(
          lead + [
            .text(6, diagnostic.code.rawValue), .text(7, placeText(diagnostic)),
            .text(8, messages(diagnostic)),
          ])
        sheet.flushRows(to: &out)
      }
    }
    for rejected in plan.otherRejections {
      any = true
      let district = plan.districts.first { $0.code == rejected.district }
      let lead: [SpreadsheetMLCell] = [
        rejected.district.map { .text(1, $0.rawValue, .code) } ?? .blank(1, .code),
        .text(2, district?.officialName ?? ""), district?.priority == true ? .text(3, "Ưu tiên") : .blank(3),
        .text(4, "Bản bị từ chối"), .text(5, rejected.file),
      ]
      if rejected.diagnostics.isEmpty { sheet.append(lead + [.blank(6), .blank(7), .blank(8)]) }
      for diagnostic in rejected.diagnostics {
        sheet.append(
          lead + [
            .text(6, diagnostic.code.rawValue), .text(7, placeText(diagnostic)),
            .text(8, messages(diagnostic)),
          ])
        sheet.flushRows(to: &out)
      }
    }
    if !any {
      sheet.append([.text(1, "Tất cả các huyện đã nộp kế hoạch hợp lệ.", .text, across: 7)])
    }
    sheet.finish(to: &out)
  }
}
