/// Writes the consolidated plan as one self-contained web page (`plan-N.html`, SPEC §5).
///
/// No network at all: inline CSS, charts as inline SVG (without even an `xmlns` URL, which
/// HTML5 does not need), system fonts, no script. `lang="vi"`, headings in Vietnamese with
/// English in small text. Every piece of text from a submission is HTML-escaped.
public enum PlanHTMLWriter {
  /// The page bytes (UTF-8).
  /// - Parameters:
  ///   - plan: the merged plan.
  ///   - programme: for the province, programme title and period.
  ///   - messages: renders a diagnostic in the reader's language (the CLI's catalog).
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String
  ) -> [UInt8] {
    var sink = MemorySink()
    write(plan, programme: programme, messages: messages, into: &sink)
    return sink.bytes
  }

  /// Streams the page into `sink`, a section and a table row at a time.
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String, into sink: inout some ByteSink
  ) {
    let year = plan.planYear.description
    var html = TextOutput(sink)
    html += """
      <!DOCTYPE html>
      <html lang="vi">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Kế hoạch khuyến công năm \(year) - \(e(programme.province.name))</title>
      <style>
      body{font-family:"Times New Roman",Times,"Liberation Serif","DejaVu Serif",serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#1a1a1a}
      h1,h2{color:#1f3864}h1 small,h2 small{display:block;font-size:55%;color:#666;font-weight:normal}
      table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}
      th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
      th{background:#d9e1f2}td.n{text-align:right;white-space:nowrap}
      tr.area td{font-weight:bold;background:#f2f2f2}tr.total td{font-weight:bold}
      tr.priority td{background:#fff2cc}.status-rejected{color:#c00000;font-weight:bold}
      .status-missing{color:#7f6000;font-weight:bold}svg text{font:13px Arial,"Liberation Sans","DejaVu Sans",sans-serif}
      svg.chart{display:block;max-width:100%;height:auto;margin:.5em 0 1em}
      .cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #999;padding:.5em 1em}
      .card b{display:block;font-size:130%}
      @media print{body{margin:0;max-width:none}h2{break-after:avoid}svg.chart,tr{break-inside:avoid}}
      </style>
      </head>
      <body>
      <h1>Kế hoạch khuyến công năm \(year) - tỉnh \(e(programme.province.name))
      <small>Consolidated industrial-extension plan \(year), \(e(programme.province.name))
      province · \(e(programme.title))</small></h1>
      <p>Đơn vị tính: triệu đồng <small>(amounts in million đồng)</small></p>

      """
    cards(plan, into: &html)
    areaSection(plan, into: &html)
    districtSection(plan, into: &html)
    prioritySection(plan, into: &html)
    progressSection(plan, programme: programme, into: &html)
    missingSection(plan, messages: messages, into: &html)
    notesSection(plan, messages: messages, into: &html)
    linesSection(plan, into: &html)
    html += "</body>\n</html>\n"
    sink = html.finish()
  }

  static func e(_ text: String) -> String { HTMLText.escaped(text) }

  /// An amount in triệu đồng as a Vietnamese reader writes it (`14.121,5`): the page is
  /// Vietnamese, and a plain `1219.45` reads as one hundred thousand times more to them.
  static func amount(_ money: Money) -> String { NumberDisplay.text(money.trieu, in: .vi) }

  /// A quantity or percentage in the Vietnamese convention, `empty` when there is none.
  static func number(_ value: ExactDecimal?, or empty: String = "") -> String {
    value.map { NumberDisplay.text($0, in: .vi) } ?? empty
  }

  /// A plain decimal literal (`70.0`, `-1234.5`) rewritten as `70,0`, `-1.234,5`; it keeps
  /// the fixed number of decimals that `NumberDisplay` (which normalises) would drop.
  static func viText(_ plain: String) -> String {
    guard let value = ExactDecimal(literal: plain) else { return plain }
    let grouped = NumberDisplay.text(value, in: .vi)
    guard let point = plain.firstIndex(of: ".") else { return grouped }
    let whole = grouped.split(separator: ",", maxSplits: 1).first.map(String.init) ?? grouped
    return whole + "," + plain[plain.index(after: point)...]
  }

  static func heading(_ vi: String, _ en: String) -> String {
    "<h2>\(e(vi)) <small>\(e(en))</small></h2>\n"
  }

  static func moneyCells(_ totals: FundTotals) -> String {
    PlanLabels.amounts(totals).map { "<td class=\"n\">\(amount($0))</td>" }.joined()
  }

  static let amountHeaders = PlanLabels.amountHeadings.map { "<th>\($0)</th>" }.joined()

  static func cards<Out: TextOut>(_ plan: ConsolidatedPlan, into out: inout Out) {
    out += "<div class=\"cards\">\n"
    out += "<div class=\"card\">Tổng kinh phí <small>Total</small><b>\(amount(plan.totals.total))</b></div>\n"
    for (fund, vi, en) in PlanLabels.funds {
      out += "<div class=\"card\">\(e(vi)) <small>\(en)</small><b>\(amount(plan.totals[fund]))</b></div>\n"
    }
    let counts = [PlanDistrictStatus.accepted, .rejected, .missing].map { status in
      (status, plan.districts.filter { $0.status == status }.count)
    }
    for (status, count) in counts {
      out +=
        "<div class=\"card\">\(e(PlanLabels.status(status))) <small>\(status.rawValue)</small><b>\(count)</b></div>\n"
    }
    out += "</div>\n"
  }

  static func areaSection<Out: TextOut>(_ plan: ConsolidatedPlan, into out: inout Out) {
    out += heading("Kinh phí theo nội dung", "Budget by content area")
    out += SVGBarChart(
      title: "Kinh phí theo nội dung (triệu đồng)",
      bars: plan.contentAreas.map {
        .init(
          label: "\($0.code.rawValue). \($0.name)", value: $0.totals.total.dong.magnitude,
          valueText: amount($0.totals.total))
      }, scaleMaximum: nil
    ).svg()
    out +=
      "<table>\n<tr><th>Mã</th><th>Nội dung, chỉ tiêu</th><th>Đơn vị tính</th><th>Số lượng</th>\(amountHeaders)</tr>\n"
    for (index, area) in plan.contentAreas.enumerated() {
      out +=
        "<tr class=\"area\"><td>\(PlanLabels.roman(index + 1))</td><td>\(e(area.name))</td><td></td><td></td>\(moneyCells(area.totals))</tr>\n"
      for indicator in area.indicators {
        let p = indicator.progress
        if indicator.measures.count == 1 {
          out +=
            "<tr><td>\(e(p.code.rawValue))</td><td>\(e(indicator.name))</td><td>\(e(p.unit))</td><td class=\"n\">\(number(p.thisYear))</td>\(moneyCells(indicator.totals))</tr>\n"
        } else {
          // Several measures: the budget on the indicator's row, a quantity row per measure.
          out +=
            "<tr><td>\(e(p.code.rawValue))</td><td>\(e(indicator.name))</td><td></td><td></td>\(moneyCells(indicator.totals))</tr>\n"
          for m in indicator.measures {
            out +=
              "<tr class=\"measure\"><td></td><td>– \(e(m.name))</td><td>\(e(m.unit))</td><td class=\"n\">\(number(m.thisYear))</td>\(String(repeating: "<td></td>", count: PlanLabels.amountHeadings.count))</tr>\n"
          }
        }
      }
      if area.withoutIndicator != .zero {
        out +=
          "<tr><td></td><td>\(PlanLabels.otherActivities)</td><td></td><td></td>\(moneyCells(area.withoutIndicator))</tr>\n"
      }
    }
    out +=
      "<tr class=\"total\"><td></td><td>Tổng cộng</td><td></td><td></td>\(moneyCells(plan.totals))</tr>\n</table>\n"
  }

  static func districtSection<Out: TextOut>(_ plan: ConsolidatedPlan, into out: inout Out) {
    out += heading(
      "Kinh phí theo huyện (huyện ưu tiên xếp trước)",
      "Budget by district, priority districts first and highlighted")
    out += SVGBarChart(
      title: "Kinh phí theo huyện (triệu đồng)",
      bars: plan.districts.map {
        .init(
          label: $0.officialName + ($0.priority ? " (ưu tiên)" : ""),
          value: $0.totals.total.dong.magnitude,
          valueText: $0.status == .accepted
            ? amount($0.totals.total)
            : PlanLabels.status($0.status),
          highlighted: $0.priority)
      }, scaleMaximum: nil
    ).svg()
    out +=
      "<table>\n<tr><th>STT</th><th>Mã</th><th>Huyện, thành phố</th><th>Ưu tiên</th><th>Tình trạng</th><th>Tệp</th><th>Số dòng</th>\(amountHeaders)<th>Tỷ lệ (%)</th></tr>\n"
    for (index, district) in plan.districts.enumerated() {
      out +=
        "<tr\(district.priority ? " class=\"priority\"" : "")><td>\(index + 1)</td><td>\(e(district.code.rawValue))</td>"
      out += "<td>\(e(district.officialName))</td><td>\(district.priority ? "Ưu tiên" : "")</td>"
      out += "<td class=\"status-\(district.status.rawValue)\">\(e(PlanLabels.status(district.status)))</td>"
      out +=
        "<td>\(e(district.file ?? ""))</td><td class=\"n\">\(district.lineCount)</td>\(moneyCells(district.totals))"
      out += "<td class=\"n\">\(number(district.shareOfTotal))</td></tr>\n"
    }
    out +=
      "<tr class=\"total\"><td></td><td></td><td>Tổng cộng</td><td></td><td></td><td></td><td class=\"n\">\(plan.lines.count)</td>\(moneyCells(plan.totals))<td></td></tr>\n</table>\n"
  }

  static func prioritySection<Out: TextOut>(_ plan: ConsolidatedPlan, into out: inout Out) {
    out += heading("Tỷ trọng của các huyện ưu tiên", "Priority districts' share")
    let share = { (value: ExactDecimal?) -> UInt64 in
      UInt64(max(0, value?.units(atScale: 2) ?? 0))
    }
    out += SVGBarChart(
      title: "Tỷ trọng của các huyện ưu tiên (%)",
      bars: [
        .init(
          label: "Tổng kinh phí", value: share(plan.priorityShareOfTotal),
          valueText: number(plan.priorityShareOfTotal, or: "-") + " %", highlighted: true),
        .init(
          label: "Hỗ trợ KC (KCQG + KCĐP)", value: share(plan.priorityShareOfSupport),
          valueText: number(plan.priorityShareOfSupport, or: "-") + " %", highlighted: true),
      ], scaleMaximum: 10_000
    ).svg()
    out += "<table>\n<tr><th></th><th>Huyện ưu tiên</th><th>Toàn tỉnh</th><th>Tỷ lệ (%)</th></tr>\n"
    out +=
      "<tr><td>Tổng kinh phí</td><td class=\"n\">\(amount(plan.priorityTotals.total))</td><td class=\"n\">\(amount(plan.totals.total))</td><td class=\"n\">\(number(plan.priorityShareOfTotal))</td></tr>\n"
    out +=
      "<tr><td>Hỗ trợ khuyến công (KCQG + KCĐP)</td><td class=\"n\">\(amount(plan.priorityTotals.support))</td><td class=\"n\">\(amount(plan.totals.support))</td><td class=\"n\">\(number(plan.priorityShareOfSupport))</td></tr>\n</table>\n"
  }

  static func progressSection<Out: TextOut>(
    _ plan: ConsolidatedPlan, programme: Programme, into out: inout Out
  ) {
    out += heading(
      "Tiến độ so với mục tiêu \(programme.firstYear)–\(programme.lastYear)",
      "Progress to the five-year targets (accepted plans, cumulative)")
    let withTarget = plan.progress.filter { $0.percentOfTarget != nil }
    out += SVGBarChart(
      title: "Tiến độ so với mục tiêu 5 năm (%)",
      bars: withTarget.map {
        .init(
          label: "\($0.code.rawValue) \($0.name)",
          value: UInt64(max(0, $0.percentOfTarget?.units(atScale: 1) ?? 0)),
          valueText: viText($0.percentOfTarget?.fixedText(places: 1) ?? "") + " %")
      }, scaleMaximum: 1_000
    ).svg()
    out +=
      "<table>\n<tr><th>Mã</th><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Mục tiêu 5 năm</th><th>Năm \(plan.planYear)</th><th>Các năm trước\(PlanLabels.yearRange(plan.earlierYears))</th><th>Lũy kế</th><th>% mục tiêu</th></tr>\n"
    for p in plan.progress {
      out += "<tr><td>\(e(p.code.rawValue))</td><td>\(e(p.name))</td><td>\(e(p.unit))</td>"
      out += "<td class=\"n\">\(number(p.target))</td><td class=\"n\">\(number(p.thisYear))</td>"
      out += "<td class=\"n\">\(number(p.earlierYears))</td><td class=\"n\">\(number(p.cumulative))</td>"
      out += "<td class=\"n\">\(viText(p.percentOfTarget?.fixedText(places: 1) ?? ""))</td></tr>\n"
    }
    out += "</table>\n"
  }

  static func missingSection<Out: TextOut>(
    _ plan: ConsolidatedPlan, messages: (Diagnostic) -> String, into out: inout Out
  ) {
    out += heading("Huyện chưa nộp hoặc bị từ chối", "Districts missing or rejected")
    let absent = plan.districts.filter { $0.status != .accepted }
    guard !absent.isEmpty || !plan.unattributedRejections.isEmpty || !plan.otherRejections.isEmpty else {
      out +=
        "<p>Tất cả các huyện đã nộp kế hoạch hợp lệ. <small>Every district's plan was accepted.</small></p>\n"
      return
    }
    out +=
      "<table>\n<tr><th>Mã</th><th>Huyện, thành phố</th><th>Tình trạng</th><th>Tệp</th><th>Mã lỗi</th><th>Ô</th><th>Nội dung lỗi</th></tr>\n"
    for district in absent {
      let lead =
        "<td>\(e(district.code.rawValue))</td><td>\(e(district.officialName))</td><td class=\"status-\(district.status.rawValue)\">\(e(PlanLabels.status(district.status)))</td><td>\(e(district.file ?? ""))</td>"
      if district.diagnostics.isEmpty { out += "<tr>\(lead)<td></td><td></td><td></td></tr>\n" }
      for d in district.diagnostics {
        out +=
          "<tr>\(lead)<td>\(e(d.code.rawValue))</td><td>\(e(d.position.cellReference(in: .vi)))</td><td>\(e(messages(d)))</td></tr>\n"
      }
    }
    for rejected in plan.unattributedRejections {
      let lead =
        "<td></td><td>(không xác định được huyện)</td><td class=\"status-rejected\">\(e(PlanLabels.status(.rejected)))</td><td>\(e(rejected.file))</td>"
      if rejected.diagnostics.isEmpty { out += "<tr>\(lead)<td></td><td></td><td></td></tr>\n" }
      for d in rejected.diagnostics {
        out +=
          "<tr>\(lead)<td>\(e(d.code.rawValue))</td><td>\(e(d.position.cellReference(in: .vi)))</td><td>\(e(messages(d)))</td></tr>\n"
      }
    }
    for rejected in plan.otherRejections {
      let name = plan.districts.first { $0.code == rejected.district }?.officialName ?? ""
      let lead =
        "<td>\(e(rejected.district?.rawValue ?? ""))</td><td>\(e(name))</td><td class=\"status-rejected\">Bản bị từ chối</td><td>\(e(rejected.file))</td>"
      if rejected.diagnostics.isEmpty { out += "<tr>\(lead)<td></td><td></td><td></td></tr>\n" }
      for d in rejected.diagnostics {
        out +=
          "<tr>\(lead)<td>\(e(d.code.rawValue))</td><td>\(e(d.position.cellReference(in: .vi)))</td><td>\(e(messages(d)))</td></tr>\n"
      }
    }
    out += "</table>\n"
  }

  static func notesSection<Out: TextOut>(
    _ plan: ConsolidatedPlan, messages: (Diagnostic) -> String, into out: inout Out
  ) {
    guard !plan.diagnostics.isEmpty else { return }
    out += heading("Lưu ý khi tổng hợp", "Merge notes: superseded versions, duplicates, envelopes")
    out += "<table>\n<tr><th>Mã</th><th>Mức</th><th>Tệp</th><th>Ô</th><th>Nội dung</th></tr>\n"
    for d in plan.diagnostics {
      out +=
        "<tr><td>\(e(d.code.rawValue))</td><td>\(MessageCatalog.severity(d.severity, in: .vi))</td><td>\(e(d.position.file))</td><td>\(e(d.position.cellReference(in: .vi)))</td><td>\(e(messages(d)))</td></tr>\n"
    }
    out += "</table>\n"
  }

  static func linesSection<Out: TextOut>(_ plan: ConsolidatedPlan, into out: inout Out) {
    out += heading("Chi tiết các đề án, hoạt động", "Every line, with its source file:sheet:row")
    out += "<details><summary>\(plan.lines.count) dòng <small>(lines)</small></summary>\n<table>\n"
    out +=
      "<tr><th>STT</th><th>Huyện</th><th>Chỉ tiêu</th><th>Tên đề án, hoạt động</th><th>Đơn vị thụ hưởng</th><th>Địa điểm</th><th>Số lượng</th>\(amountHeaders)<th>Nguồn</th></tr>\n"
    for (index, entry) in plan.lines.enumerated() {
      let line = entry.line
      let name = plan.district(entry.district)?.name ?? entry.district.rawValue
      out +=
        "<tr><td>\(index + 1)</td><td>\(e(name))</td><td>\(e(PlanLabels.content(line)))</td><td>\(e(line.activity))</td>"
      out += "<td>\(e(line.beneficiary ?? ""))</td><td>\(e(line.place ?? ""))</td>"
      out += "<td class=\"n\">\(number(line.quantity))</td>\(moneyCells(line.amounts))"
      out += "<td>\(e(PlanLabels.source(line.source)))</td></tr>\n"
    }
    out += "</table>\n</details>\n"
  }
}
