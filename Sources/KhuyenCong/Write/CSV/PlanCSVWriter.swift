/// Writes every line of the consolidated plan as CSV (`plan-N.csv`, SPEC §5).
///
/// UTF-8 with a BOM (so Excel shows Vietnamese), CRLF, RFC 4180 quoting, one header row in
/// Vietnamese. Each column has a stable English key (`PlanCSVWriter.columns`), documented in
/// `schemas/plan-lines.schema.json` (a Frictionless Table Schema whose field `title`s are the
/// header row). Money in triệu đồng as plain decimals. Text cells that a spreadsheet would run
/// as a formula are neutralised with a leading `'` (`CSVField.text`).
///
/// After the lines come one row per district that has no line in the plan (rejected, missing,
/// or accepted with no line), with only the district columns filled, so that the CSV too says
/// which districts are absent and why (their diagnostics are in the XML, JSON and HTML).
public enum PlanCSVWriter {
  /// The columns: stable key and Vietnamese heading, in order.
  public static let columns: [(key: String, title: String)] = [
    ("district", "Mã huyện"), ("district_name", "Huyện"), ("district_status", "Tình trạng"),
    ("priority", "Ưu tiên"), ("content", "Nội dung"), ("content_area", "Mã nội dung"),
    ("activity", "Tên đề án, hoạt động"), ("implementer", "Đơn vị thực hiện"),
    ("beneficiary", "Đơn vị thụ hưởng"), ("place", "Địa điểm"), ("commune", "Mã xã"),
    ("group_project", "Đề án nhóm"), ("unit", "Đơn vị tính"), ("quantity", "Số lượng"),
    ("start", "Bắt đầu"), ("end", "Kết thúc"), ("total", "Tổng kinh phí"), ("national", "KCQG"),
    ("local", "KCĐP"), ("counterpart", "Đối ứng"), ("other", "Nguồn khác"), ("note", "Ghi chú"),
    ("file", "Tệp"), ("sheet", "Trang tính"), ("row", "Dòng"),
  ]

  /// The CSV bytes.
  /// - Parameters:
  ///   - plan: the merged plan.
  ///   - programme: unused today beyond the plan's own names; kept so every writer has the
  ///     same shape.
  public static func write(_ plan: ConsolidatedPlan, programme: Programme) -> [UInt8] {
    var sink = MemorySink()
    write(plan, programme: programme, into: &sink)
    return sink.bytes
  }

  /// Streams the CSV into `sink`, a record at a time.
  public static func write(_ plan: ConsolidatedPlan, programme: Programme, into sink: inout some ByteSink) {
    var out = TextOutput(sink)
    out.write(bytes: CSVField.byteOrderMark)
    out += CSVField.record(columns.map { CSVField.text($0.title) })
    for entry in plan.lines {
      let line = entry.line
      let district = plan.district(entry.district)
      var fields = districtFields(district, code: entry.district)
      fields += [
        CSVField.text(PlanLabels.content(line)), CSVField.text(line.contentArea?.rawValue ?? ""),
        CSVField.text(line.activity), CSVField.text(line.implementer),
        CSVField.text(line.beneficiary ?? ""), CSVField.text(line.place ?? ""),
        CSVField.text(line.commune?.rawValue ?? ""), line.isGroup ? "x" : "",
        CSVField.text(line.unit ?? ""), line.quantity.map { CSVField.number($0.description) } ?? "",
        CSVField.text(line.start?.displayText ?? ""), CSVField.text(line.end?.displayText ?? ""),
      ]
      fields += PlanLabels.amounts(line.amounts).map { CSVField.number($0.trieuText) }
      fields += [
        CSVField.text(line.note ?? ""), CSVField.text(line.source.file),
        CSVField.text(line.source.sheet ?? ""), line.source.row.map(String.init) ?? "",
      ]
      out += CSVField.record(fields)
    }
    for district in plan.districts where district.lineCount == 0 {
      let fields =
        districtFields(district, code: district.code)
        + Array(repeating: "", count: columns.count - 7)
        + [CSVField.text(district.file ?? ""), CSVField.text(district.sheet ?? ""), ""]
      out += CSVField.record(fields)
    }
    sink = out.finish()
  }

  static func districtFields(_ district: PlanDistrict?, code: DistrictCode) -> [String] {
    [
      CSVField.text(code.rawValue), CSVField.text(district?.name ?? code.rawValue),
      CSVField.text(PlanLabels.status(district?.status ?? .accepted)),
      district?.priority == true ? "x" : "",
    ]
  }
}
