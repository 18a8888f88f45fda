@testable import KhuyenCong

/// A small programme and a few constructed submissions, with hand-computed figures, shared by
/// the merge and write tests (the readers and the programme decoder are other helpers' work).
enum MergeTestData {
  static let year2017 = PlanYear(rawValue: 2017)

  /// Seven districts of Tuyên Quang (GSO codes), three of them priority districts; areas 1, 3
  /// and 9 of Decision 69 with their indicators; a national envelope of 500 triệu for 2017.
  static let programme: Programme = {
    func district(_ code: String, _ name: String, _ kind: String = "huyện", priority: Bool = false)
      -> District
    {
      District(
        code: DistrictCode(rawValue: code), name: name, kind: kind, aliases: [],
        priority: priority, priorityBasis: priority ? "QĐ 69, mục II" : nil)
    }
    func indicator(_ code: String, _ name: String, _ unit: String, _ target: Int64?) -> Indicator {
      Indicator(
        code: IndicatorCode(rawValue: code), name: name, unit: unit, unitAliases: [],
        target: target.map { ExactDecimal(units: $0) }, basis: "QĐ 69")
    }
    return Programme(
      id: "test", title: "Chương trình khuyến công 2016-2020", basis: "QĐ 69/QĐ-UBND",
      province: Province(code: "08", name: "Tuyên Quang"),
      districts: [
        district("070", "Tuyên Quang", "thành phố"), district("071", "Lâm Bình", priority: true),
        district("072", "Na Hang", priority: true), district("073", "Chiêm Hóa", priority: true),
        district("074", "Hàm Yên"), district("075", "Yên Sơn"), district("076", "Sơn Dương"),
      ],
      communes: [], firstYear: PlanYear(rawValue: 2016), lastYear: PlanYear(rawValue: 2020),
      deadline: DeadlineRule(
        month: 10, day: 30, yearOffset: -1, inclusive: true,
        latePolicy: .reject, extensions: [], basis: "QĐ 69, mục V"),
      contentAreas: [
        ContentArea(
          code: IndicatorCode(rawValue: "1"), name: "Tổ chức đào tạo nghề, truyền nghề",
          aliases: [], basis: "QĐ 69, II.1",
          indicators: [indicator("1.1", "Lao động được đào tạo nghề", "lao động", 500)]),
        ContentArea(
          code: IndicatorCode(rawValue: "3"),
          name: "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, ứng dụng máy móc tiên tiến",
          aliases: [], basis: "QĐ 69, II.3",
          indicators: [
            indicator("3.1", "Mô hình trình diễn kỹ thuật", "mô hình", 5),
            indicator("3.3", "Cơ sở ứng dụng máy móc thiết bị", "cơ sở", 30),
          ]),
        ContentArea(
          code: IndicatorCode(rawValue: "9"),
          name: "Nâng cao năng lực quản lý và tổ chức thực hiện", aliases: [],
          basis: "QĐ 69, II.9",
          indicators: [indicator("9.1", "Hoạt động nâng cao năng lực", "hoạt động", nil)]),
      ],
      budget: BudgetFigures(
        total: .trieu(27_377), activities: .trieu(18_877), national: .trieu(15_935),
        local: .trieu(2_942), premises: .trieu(8_500),
        annualEnvelopes: [
          AnnualEnvelope(planYear: year2017, fund: .national, amount: .trieu(500), basis: "test"),
          AnnualEnvelope(planYear: year2017, fund: .local, amount: .trieu(1_000), basis: "test"),
        ],
        basis: "QĐ 69, mục IV"),
      rules: [], priorityMultiplier: ExactDecimal(units: 15, scale: 1),
      priorityMultiplierBasis: "TTLT 26/2014 Điều 6.2.t", unitSynonyms: [])
  }()

  /// `triệu` given as a decimal literal ("120.5").
  static func money(_ literal: String) -> Money {
    guard let value = ExactDecimal(literal: literal), let money = Money(value, unit: .trieuDong)
    else { preconditionFailure("bad test literal \(literal)") }
    return money
  }

  static func line(
    _ file: String, row: Int, indicator: String, activity: String,
    beneficiary: String?, quantity: Int64, total: String, national: String = "0",
    local: String = "0", counterpart: String = "0", other: String = "0",
    group: Bool = false, sheet: String = "Sheet1"
  ) -> PlanLine {
    let amounts = FundTotals(
      total: money(total), national: money(national), local: money(local),
      counterpart: money(counterpart), other: money(other))
    var line = PlanLine(
      source: Position(file: file, sheet: sheet, row: row),
      contentText: indicator, activity: activity,
      implementer: "Trung tâm Khuyến công", amounts: amounts)
    line.indicator = IndicatorCode(rawValue: indicator)
    line.contentArea = IndicatorCode(rawValue: String(indicator.prefix { $0 != "." }))
    line.beneficiary = beneficiary
    line.place = "Xã Lăng Can"
    line.isGroup = group
    line.unit = "cơ sở"
    line.quantity = ExactDecimal(units: quantity)
    line.start = .quarter(year: 2017, quarter: 2)
    line.end = .month(year: 2017, month: 11)
    return line
  }

  static func submission(
    _ file: String, district: String, year: Int, on date: CivilDate,
    lines: [PlanLine], sheet: String = "Sheet1"
  ) -> Submission {
    var submission = Submission(file: file)
    submission.sheet = sheet
    submission.district = DistrictCode(rawValue: district)
    submission.planYear = PlanYear(rawValue: year)
    submission.submittedOn = date
    submission.documentNumber = "215/KH-UBND"
    submission.lines = PlanLines(lines)
    return submission
  }

  static func accepted(_ submission: Submission) -> SubmissionResult {
    SubmissionResult(submission: submission, diagnostics: [])
  }

  /// The 2017 round:
  /// - Lâm Bình (071, priority) sent `lam-binh-2017.csv` on 20/10/2016, then
  ///   `lam-binh-2017-v2.xml` on 25/10/2016 (wins): 3.3 machinery 600 (KCQG 300, đối ứng
  ///   300), 1.1 training 120,5 (KCĐP 120,5);
  /// - Na Hang (072, priority) sent a rejected file (budget.sum at Sheet1!L14);
  /// - Chiêm Hóa (073, priority) and 070, 075, 076 sent nothing;
  /// - Hàm Yên (074): 3.3 for "co so moc hung cuong" 400 (KCQG 200, đối ứng 200), 3.1 model
  ///   1 000 (KCQG 300, đối ứng 600, khác 100), 9.1 50,25 (KCĐP 50,25);
  /// - 2016: Lâm Bình planned 3.3 × 3 and 1.1 × 40.
  ///
  /// Totals 2017: 2 170,75 = KCQG 800 + KCĐP 170,75 + đối ứng 1 100 + khác 100.
  static let results: [SubmissionResult] = {
    let lamBinhOld = submission(
      "lam-binh-2017.csv", district: "071", year: 2017, on: CivilDate(year: 2016, month: 10, day: 20),
      lines: [
        line(
          "lam-binh-2017.csv", row: 12, indicator: "3.3", activity: "Máy cưa",
          beneficiary: "Cơ sở mộc A", quantity: 9, total: "900", national: "450",
          counterpart: "450")
      ])
    let lamBinh = submission(
      "lam-binh-2017-v2.xml", district: "071", year: 2017,
      on: CivilDate(year: 2016, month: 10, day: 25),
      lines: [
        line(
          "lam-binh-2017-v2.xml", row: 12, indicator: "3.3",
          activity: "Hỗ trợ máy bào, máy cưa cho cơ sở mộc", beneficiary: "Cơ sở mộc Hùng Cường",
          quantity: 2, total: "600", national: "300", counterpart: "300", sheet: "Kế hoạch"),
        line(
          "lam-binh-2017-v2.xml", row: 13, indicator: "1.1",
          activity: "Đào tạo nghề mây tre đan", beneficiary: nil, quantity: 35, total: "120.5",
          local: "120.5", group: true, sheet: "Kế hoạch"),
      ], sheet: "Kế hoạch")
    var naHang = submission(
      "na-hang-2017.csv", district: "072", year: 2017, on: CivilDate(year: 2016, month: 10, day: 28),
      lines: [])
    naHang.lines = []
    let naHangResult = SubmissionResult(
      submission: naHang,
      diagnostics: [
        Diagnostic(
          code: .budgetSum, severity: .error,
          position: Position(file: "na-hang-2017.csv", sheet: "Sheet1", row: 14, column: 12),
          values: ["total": "100", "sum": "90"]),
        Diagnostic(
          code: .headerUnknownColumn, severity: .warning,
          position: Position(file: "na-hang-2017.csv", sheet: "Sheet1", row: 8, column: 18)),
      ])
    let hamYen = submission(
      "ham-yen-2017.csv", district: "074", year: 2017, on: CivilDate(year: 2016, month: 10, day: 30),
      lines: [
        line(
          "ham-yen-2017.csv", row: 11, indicator: "3.3", activity: "Máy chế biến gỗ",
          beneficiary: "  co so MOC hung   cuong ", quantity: 1, total: "400", national: "200",
          counterpart: "200"),
        line(
          "ham-yen-2017.csv", row: 12, indicator: "3.1", activity: "=SUM(A1) mô hình chè",
          beneficiary: "HTX chè Hàm Yên", quantity: 1, total: "1000", national: "300",
          counterpart: "600", other: "100"),
        line(
          "ham-yen-2017.csv", row: 13, indicator: "9.1", activity: "Tập huấn cán bộ",
          beneficiary: nil, quantity: 1, total: "50.25", local: "50.25", group: true),
      ])
    let lamBinh2016 = submission(
      "lam-binh-2016.csv", district: "071", year: 2016, on: CivilDate(year: 2015, month: 10, day: 1),
      lines: [
        line(
          "lam-binh-2016.csv", row: 10, indicator: "3.3", activity: "Máy", beneficiary: "X",
          quantity: 3, total: "100", national: "50", counterpart: "50"),
        line(
          "lam-binh-2016.csv", row: 11, indicator: "1.1", activity: "Đào tạo", beneficiary: nil,
          quantity: 40, total: "80", local: "80", group: true),
      ])
    return [
      accepted(lamBinhOld), accepted(hamYen), naHangResult, accepted(lamBinh),
      accepted(lamBinh2016),
    ]
  }()

  /// The merged 2017 plan.
  static var plan: ConsolidatedPlan {
    PlanMerger.merge(results: results, year: year2017, programme: programme)
  }

  /// Diagnostics rendered as `code` only: tests assert on codes, not sentences.
  static func messages(_ diagnostic: Diagnostic) -> String {
    "[\(diagnostic.code.rawValue)]"
  }
}
