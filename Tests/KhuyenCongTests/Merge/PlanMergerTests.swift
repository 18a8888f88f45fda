import Testing
@testable import KhuyenCong

@Suite("Merging accepted submissions into the provincial plan")
struct PlanMergerTests {
  let plan = MergeTestData.plan

  @Test("totals by fund source match the hand-computed sums of the winning versions")
  func totalsByFund() {
    #expect(plan.totals.total.trieuText == "2170.75")
    #expect(plan.totals.national.trieuText == "800")
    #expect(plan.totals.local.trieuText == "170.75")
    #expect(plan.totals.counterpart.trieuText == "1100")
    #expect(plan.totals.other.trieuText == "100")
  }

  @Test("totals by content area follow the programme's order and include unused areas")
  func totalsByArea() {
    #expect(plan.contentAreas.map(\.code.rawValue) == ["1", "3", "9"])
    #expect(plan.contentAreas.map(\.totals.total.trieuText) == ["120.5", "2000", "50.25"])
    let area3 = plan.contentAreas[1]
    #expect(area3.indicators.map(\.code.rawValue) == ["3.1", "3.3"])
    #expect(area3.indicators.map(\.totals.national.trieuText) == ["300", "500"])
    #expect(area3.indicators.map(\.quantity.description) == ["1", "3"])
  }

  @Test("districts are ranked priority first, each with its status, totals and share")
  func districtsRankedWithStatus() {
    #expect(plan.districts.map(\.code.rawValue) == ["071", "072", "073", "070", "074", "075", "076"])
    #expect(
      plan.districts.map(\.status) == [
        .accepted, .rejected, .missing, .missing, .accepted,
        .missing, .missing,
      ])
    let lamBinh = plan.district(DistrictCode(rawValue: "071"))
    #expect(lamBinh?.totals.total.trieuText == "720.5")
    #expect(lamBinh?.shareOfTotal?.description == "33.19")
    #expect(plan.district(DistrictCode(rawValue: "074"))?.shareOfTotal?.description == "66.81")
  }

  @Test("the priority districts' share of the total and of KCQG + KCĐP support is exact")
  func priorityShares() {
    #expect(plan.priorityTotals.total.trieuText == "720.5")
    #expect(plan.priorityShareOfTotal?.description == "33.19")
    #expect(plan.priorityShareOfSupport?.description == "43.32")
  }

  @Test("the latest version wins and the earlier one is superseded, at its file")
  func latestVersionWins() {
    let lamBinh = plan.district(DistrictCode(rawValue: "071"))
    #expect(lamBinh?.file == "lam-binh-2017-v2.xml")
    #expect(lamBinh?.supersededFiles == ["lam-binh-2017.csv"])
    let superseded = plan.diagnostics.filter { $0.code == .submissionSuperseded }
    #expect(superseded.map(\.position.file) == ["lam-binh-2017.csv"])
    #expect(superseded.first?.severity == .info)
    #expect(superseded.first?.values["supersededBy"] == "lam-binh-2017-v2.xml")
    #expect(!plan.lines.contains { $0.line.source.file == "lam-binh-2017.csv" })
  }

  @Test("on the same date, the later file name in byte order wins")
  func sameDateTieBreak() {
    let day = CivilDate(year: 2016, month: 10, day: 25)
    let a = MergeTestData.submission("b.csv", district: "074", year: 2017, on: day, lines: [])
    let b = MergeTestData.submission("a.csv", district: "074", year: 2017, on: day, lines: [])
    let plan = PlanMerger.merge(
      results: [a, b].map(MergeTestData.accepted),
      year: MergeTestData.year2017, programme: MergeTestData.programme)
    #expect(plan.district(DistrictCode(rawValue: "074"))?.file == "b.csv")
  }

  @Test("a rejected district is listed with its errors only, a silent one as missing")
  func rejectedAndMissing() {
    let naHang = plan.district(DistrictCode(rawValue: "072"))
    #expect(naHang?.status == .rejected)
    #expect(naHang?.file == "na-hang-2017.csv")
    #expect(naHang?.diagnostics.map(\.located) == ["budget.sum Sheet1!L14"])
    #expect(plan.district(DistrictCode(rawValue: "073"))?.status == .missing)
    #expect(plan.district(DistrictCode(rawValue: "073"))?.file == nil)
  }

  @Test("the same beneficiary and indicator in two districts is a cross.duplicate on the later line")
  func crossDuplicate() {
    let found = plan.crossDuplicates
    #expect(found.map(\.located) == ["cross.duplicate Sheet1!11:11"])
    #expect(found.first?.position.file == "ham-yen-2017.csv")
    #expect(found.first?.severity == .warning)
    #expect(found.first?.values["otherDistrict"] == "071")
    #expect(found.first?.values["otherFile"] == "lam-binh-2017-v2.xml")
    #expect(found.first?.values["otherRow"] == "12")
  }

  @Test("beneficiary names fold case, diacritics, đ and spacing")
  func beneficiaryFolding() {
    #expect(BeneficiaryKey("  Cơ sở  Đúc Đồng ") == BeneficiaryKey("co so duc dong"))
    #expect(BeneficiaryKey("   ") == nil)
  }

  @Test("national funds above the annual envelope give one budget.envelope warning")
  func envelope() {
    let warnings = plan.diagnostics.filter { $0.code == .budgetEnvelope }
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    #expect(warnings.first?.values["fund"] == "national")
    #expect(warnings.first?.values["excess"] == "300")
  }

  @Test("five-year progress adds earlier accepted years and gives percent of target")
  func progress() {
    let byCode = plan.progress.map { p in
      "\(p.code) \(p.thisYear)+\(p.earlierYears)=\(p.cumulative) \(p.percentOfTarget?.fixedText(places: 1) ?? "-")"
    }
    #expect(byCode == ["1.1 35+40=75 15.0", "3.1 1+0=1 20.0", "3.3 3+3=6 20.0", "9.1 1+0=1 -"])
    #expect(plan.earlierYears == [PlanYear(rawValue: 2016)])
  }

  @Test("lines are ordered by district rank, then file, sheet and row")
  func lineOrder() {
    #expect(
      plan.lines.map { "\($0.district) \($0.line.source.row ?? 0)" }
        == ["071 12", "071 13", "074 11", "074 12", "074 13"])
  }

  @Test("percentages round half up with integers")
  func percentageRounding() {
    let third = Percentage.of(ExactDecimal(units: 1), in: ExactDecimal(units: 3), places: 1)
    #expect(third?.description == "33.3")
    let half = Percentage.of(ExactDecimal(units: 1), in: ExactDecimal(units: 1600), places: 2)
    #expect(half?.description == "0.06")
    #expect(Percentage.of(ExactDecimal(units: 1), in: .zero, places: 1) == nil)
  }
}

@Suite("Merging: which version counts")
struct VersionChoiceTests {
  /// Na Hang's plan in `file`, dated `day`/`month`/2016, one training line of `total` triệu.
  func naHang(_ file: String, month: Int, day: Int, total: String) -> Submission {
    MergeTestData.submission(
      file, district: "072", year: 2017, on: CivilDate(year: 2016, month: month, day: day),
      lines: [
        MergeTestData.line(
          file, row: 2, indicator: "1.1", activity: "Đào tạo nghề",
          beneficiary: "HTX A", quantity: 20, total: total, local: total)
      ])
  }

  /// The late version as the validator leaves it under the warn policy: accepted, with a warning.
  func late(_ submission: Submission) -> SubmissionResult {
    SubmissionResult(
      submission: submission,
      diagnostics: [
        Diagnostic(code: .deadlineLate, severity: .warning, position: Position(file: submission.file))
      ])
  }

  @Test("under the warn policy a late version does not beat an on-time one")
  func onTimeBeatsLate() {
    let plan = PlanMerger.merge(
      results: [
        MergeTestData.accepted(naHang("na-hang-v1.csv", month: 10, day: 20, total: "100")),
        late(naHang("na-hang-v2.csv", month: 11, day: 5, total: "150")),
      ],
      year: PlanYear(rawValue: 2017), programme: MergeTestData.programme)
    #expect(plan.district(DistrictCode(rawValue: "072"))?.file == "na-hang-v1.csv")
    #expect(plan.totals.total.trieuText == "100")
  }

  @Test("a late version counts when the district has no on-time one")
  func lateAlone() {
    let plan = PlanMerger.merge(
      results: [late(naHang("na-hang-v2.csv", month: 11, day: 5, total: "150"))],
      year: PlanYear(rawValue: 2017), programme: MergeTestData.programme)
    #expect(plan.district(DistrictCode(rawValue: "072"))?.file == "na-hang-v2.csv")
  }

  @Test("on the same date, the version that arrived later wins when the arrival order is known")
  func arrivalOrder() {
    let first = naHang("2017-072-na-hang-flat.csv", month: 10, day: 20, total: "100")
    let corrected = naHang("2017-072-na-hang-flat-sua.csv", month: 10, day: 20, total: "120")
    let results = [MergeTestData.accepted(first), MergeTestData.accepted(corrected)]
    let byName = PlanMerger.merge(
      results: results, year: PlanYear(rawValue: 2017), programme: MergeTestData.programme)
    // "-" sorts before ".": by name alone the older file would win.
    #expect(byName.district(DistrictCode(rawValue: "072"))?.file == "2017-072-na-hang-flat.csv")
    let byArrival = PlanMerger.merge(
      results: results, year: PlanYear(rawValue: 2017), programme: MergeTestData.programme,
      arrival: ["2017-072-na-hang-flat.csv": 1, "2017-072-na-hang-flat-sua.csv": 2])
    #expect(byArrival.district(DistrictCode(rawValue: "072"))?.file == "2017-072-na-hang-flat-sua.csv")
  }

  @Test("five-year progress counts the earlier year's on-time version, as that year's plan did")
  func earlierYearOnTime() {
    var onTime = naHang("na-hang-2016.csv", month: 10, day: 20, total: "100")
    onTime.planYear = PlanYear(rawValue: 2016)
    var lateOne = naHang("na-hang-2016-late.csv", month: 11, day: 5, total: "100")
    lateOne.planYear = PlanYear(rawValue: 2016)
    lateOne.lines[0].quantity = ExactDecimal(units: 99)
    let plan = PlanMerger.merge(
      results: [MergeTestData.accepted(onTime), late(lateOne)], year: PlanYear(rawValue: 2017),
      programme: MergeTestData.programme)
    let training = plan.progress.first { $0.code.rawValue == "1.1" }
    #expect(training?.earlierYears == ExactDecimal(units: 20))
  }
}
