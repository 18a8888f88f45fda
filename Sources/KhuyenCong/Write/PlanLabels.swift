/// The Vietnamese (and English) words the plan outputs share, so every output names a
/// status or a fund source the same way.
enum PlanLabels {
  /// The fund columns after the total, in SPEC §3 order.
  static let funds: [(FundSource, vi: String, en: String)] = [
    (.national, "KCQG", "national"), (.local, "KCĐP", "local"),
    (.counterpart, "Đối ứng", "counterpart"), (.other, "Nguồn khác", "other"),
  ]

  /// "Tổng" and the four fund headings.
  /// The row of an area's lines that name no indicator: activities the decision names
  /// without a number, counted in the area's budget and never towards a target.
  static let otherActivities = "Hoạt động khác (không tính vào chỉ tiêu)"

  static let amountHeadings = ["Tổng", "KCQG", "KCĐP", "Đối ứng", "Nguồn khác"]

  /// The five amounts of `totals`, total first, in the order of `amountHeadings`.
  static func amounts(_ totals: FundTotals) -> [Money] {
    [totals.total, totals.national, totals.local, totals.counterpart, totals.other]
  }

  /// A district's status as officials write it.
  static func status(_ status: PlanDistrictStatus) -> String {
    switch status {
    case .accepted: return "Đã tiếp nhận"
    case .rejected: return "Bị từ chối"
    case .missing: return "Chưa nộp"
    }
  }

  /// The source of a line as `file:sheet:row`.
  static func source(_ position: Position) -> String {
    var text = position.file
    if let sheet = position.sheet { text += ":" + sheet }
    if let row = position.row { text += ":" + String(row) }
    return text
  }

  /// The code a line was planned under: the indicator, else the area, else the cell as written.
  static func content(_ line: PlanLine) -> String {
    line.indicator?.rawValue ?? line.contentArea?.rawValue ?? line.contentText
  }

  /// `I`, `II`, … `XX`, … for section rows (the form numbers content areas this way).
  static func roman(_ number: Int) -> String {
    guard number > 0, number < 4000 else { return String(number) }
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
      (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var rest = number
    var text = ""
    for (value, letters) in table {
      while rest >= value {
        text += letters
        rest -= value
      }
    }
    return text
  }

  /// The place of a diagnostic as a person types it in the Name Box (`Sheet1!C12`), or the
  /// file name when there is no cell.
  static func place(_ diagnostic: Diagnostic) -> String {
    diagnostic.position.cellReference
  }

  /// ` (2016)`, ` (2016–2018)`, or nothing for no year.
  static func yearRange(_ years: [PlanYear]) -> String {
    guard let first = years.first, let last = years.last else { return "" }
    return first == last ? " (\(first))" : " (\(first)–\(last))"
  }
}
