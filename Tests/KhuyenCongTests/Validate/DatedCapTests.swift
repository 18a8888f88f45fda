import Foundation
import Testing
@testable import KhuyenCong

/// Finding 3 of issue 8: caps as dated rules of khoản 2 Điều 6 Thông tư liên tịch số
/// 26/2014/TTLT-BTC-BCT, the missing clauses, and the 1,5× as a ceiling that needs approval.
@Suite("Support caps of the law, by plan year")
struct DatedCapTests {
  /// A Hàm Yên (not a priority district) line.
  static func hamYen(
    _ content: String, _ unit: String, total: String, national: String, note: String = ""
  ) -> String {
    DecisionPlans.row(
      content, unit, "1", total: total, national: national, district: "Hàm Yên", date: "20/10/2016",
      place: "Xã Tân Thành", beneficiary: "Cơ sở Tân Thành", note: note)
  }

  @Test(
    "a demonstration model at an existing facility (marked in the note) is capped at 100 triệu (điểm b, second clause)"
  )
  func existingFacilityModel() throws {
    let marked = DecisionPlans.validate([
      Self.hamYen("3.1", "mô hình", total: "2000", national: "450", note: "Mô hình tại cơ sở đang hoạt động")
    ])
    let cap = try #require(marked.with(.budgetCap).first)
    #expect(cap.severity == .error)
    #expect(cap.values["cap"] == "100")
    #expect(cap.values["basis"]?.hasPrefix("điểm b khoản 2 Điều 6") == true)
    // Without the marker the 500 triệu cap of a new model applies: 450 is within it.
    let unmarked = DecisionPlans.validate([Self.hamYen("3.1", "mô hình", total: "2000", national: "450")])
    #expect(unmarked.with(.budgetCap).isEmpty)
  }

  @Test("treating a cluster's pollution above 30 % of the cost is an error (điểm p, indicator 7.4)")
  func clusterPollution() throws {
    let result = DecisionPlans.validate([Self.hamYen("7.4", "cụm", total: "1000", national: "470")])
    let cap = try #require(result.with(.budgetCap).first)
    #expect(cap.severity == .error)
    #expect(cap.values["reason"] == "percent")
    #expect(cap.values["basis"]?.hasPrefix("điểm p khoản 2 Điều 6") == true)
    #expect(result.status == .rejected)
  }

  @Test(
    "in a priority district support above the base cap and within 1,5× is a warning naming the approval; above, an error"
  )
  func approvalCeiling() throws {
    let within = DecisionPlans.validate([
      DecisionPlans.row("3.3", "cơ sở", "1", total: "600", national: "250", local: "50")
    ])
    let warning = try #require(within.with(.budgetCap).first)
    #expect(warning.severity == .warning)
    #expect(warning.values["reason"] == "approval")
    let vi = MessageCatalog.message(warning, in: .vi)
    #expect(vi.contains("200 triệu đồng"))
    #expect(vi.contains("1,5 lần"))
    #expect(vi.contains("phê duyệt"))
    #expect(within.status == .accepted)
    let above = DecisionPlans.validate([
      DecisionPlans.row("3.3", "cơ sở", "1", total: "800", national: "350", local: "50")
    ])
    #expect(above.with(.budgetCap).map(\.severity) == [.error])
  }

  @Test("enterprise set-up (2.3) in a priority district: its base of 10 triệu binds as the approval warning")
  func enterpriseSetUpBase() throws {
    let twelve = DecisionPlans.validate([
      DecisionPlans.row("2.3", "doanh nghiệp", "1", total: "12", national: "12")
    ])
    #expect(twelve.with(.budgetCap).map(\.severity) == [.warning])
    #expect(twelve.with(.budgetCap).first?.values["cap"] == "10")
    let sixteen = DecisionPlans.validate([
      DecisionPlans.row("2.3", "doanh nghiệp", "1", total: "16", national: "16")
    ])
    #expect(sixteen.with(.budgetCap).map(\.severity) == [.error])
  }

  @Test("a 2019 plan is not judged by TTLT 26's caps: one info says TT 28/2018's caps are not given")
  func laterYearsNotCheckedAgainstOldCaps() throws {
    let result = DecisionPlans.validate([
      DecisionPlans.row(
        "3.3", "cơ sở", "1", total: "800", national: "350", local: "50", year: 2019, date: "25/10/2018"),
      DecisionPlans.row(
        "2.3", "doanh nghiệp", "1", total: "16", national: "16", year: 2019, date: "25/10/2018"),
    ])
    #expect(result.with(.budgetCap).isEmpty)
    let notices = result.with(.budgetCapUnknown)
    #expect(notices.count == 1)
    #expect(notices.first?.severity == .info)
    #expect(
      notices.first.map { MessageCatalog.message($0, in: .vi) }?.contains("Thông tư số 28/2018/TT-BTC")
        == true)
    #expect(result.with(.budgetUnchecked).isEmpty)
  }

  @Test("caps the form cannot check are named once per file, each with its clause")
  func uncheckedNamedOnce() throws {
    let result = DecisionPlans.validate([
      DecisionPlans.row("4.3", "lượt cơ sở", "6", total: "60", national: "30", local: "30"),
      DecisionPlans.row("4.3", "hội chợ", "1", total: "40", national: "20", local: "20", activity: "Hội chợ"),
      DecisionPlans.row(
        "7", "hội", "1", total: "80", national: "20", local: "20", activity: "Thành lập hiệp hội"),
    ])
    let notices = result.with(.budgetUnchecked)
    #expect(notices.count == 1)
    let items = try #require(notices.first?.values["items"])
    for point in ["điểm d", "điểm l", "điểm n", "điểm s"] { #expect(items.contains(point), "\(point)") }
    #expect(notices.first?.severity == .info)
  }
}

extension DatedCapTests {
  /// The clauses named by the one `budget.unchecked` notice, in its order.
  static func uncheckedClauses(_ rows: [String]) throws -> [String] {
    let items = try #require(DecisionPlans.validate(rows).with(.budgetUnchecked).first?.values["items"])
    let clauses = ["điểm d", "điểm l", "điểm n", "điểm s"]
    return clauses.compactMap { clause in items.range(of: clause).map { (clause, $0.lowerBound) } }
      .sorted { $0.1 < $1.1 }.map(\.0)
  }

  @Test(
    "caps the form cannot check are named in the order the file's lines first concern them, then in the programme's order"
  )
  func uncheckedInLineOrder() throws {
    let fair = DecisionPlans.row(
      "4.3", "hội chợ", "1", total: "40", national: "20", local: "20", activity: "Hội chợ")
    let association = DecisionPlans.row(
      "7", "hội", "1", total: "80", national: "20", local: "20", activity: "Thành lập hiệp hội")
    // Điểm d concerns 4.3, điểm l and n the area 7, điểm s every line with national funds.
    #expect(try Self.uncheckedClauses([fair, association]) == ["điểm d", "điểm s", "điểm l", "điểm n"])
    #expect(try Self.uncheckedClauses([association, fair]) == ["điểm l", "điểm n", "điểm s", "điểm d"])
  }
}

/// Finding 4 of issue 8: the deadline of Decision 69 (10/3/2016) binds from the 2017 plans.
@Suite("The deadline from when it binds")
struct DeadlineFirstYearTests {
  @Test("a 2016 plan dated after 30/10/2015 is not late: the decision was signed on 10/3/2016")
  func plan2016NotLate() {
    let result = DecisionPlans.validate([
      DecisionPlans.row("1.1", "lao động", "20", total: "60", local: "60", year: 2016, date: "20/04/2016")
    ])
    #expect(result.with(.deadlineLate).isEmpty)
  }

  @Test("a 2017 plan dated 31/10/2016 is late")
  func plan2017Late() {
    let result = DecisionPlans.validate([
      DecisionPlans.row("1.1", "lao động", "20", total: "60", local: "60", date: "31/10/2016")
    ])
    #expect(result.with(.deadlineLate).map(\.severity) == [.error])
  }
}
