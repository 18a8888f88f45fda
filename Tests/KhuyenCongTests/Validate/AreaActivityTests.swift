import Foundation
import Testing
@testable import KhuyenCong

/// Finding 2 of issue 8: activities the decision names without a number are planned against
/// their content area; the cluster waste-treatment repair (mục I.1.2, "02 cụm") is 7.4.
@Suite("Activities of a content area")
struct AreaActivityTests {
  @Test("a study tour planned against area 2 ('2 | đoàn') is accepted as an activity of the area")
  func studyTourAccepted() {
    let result = DecisionPlans.validate([
      DecisionPlans.row("2", "đoàn", "1", total: "50", local: "50", activity: "Đoàn khảo sát học tập")
    ])
    #expect(result.with(.contentUnit).isEmpty)
    #expect(result.status == .accepted)
    #expect(result.submission.lines.first?.indicator == nil)
    #expect(result.submission.lines.first?.contentArea == IndicatorCode(rawValue: "2"))
  }

  @Test(
    "an association set up under area 7 counts in the area's budget as 'hoạt động khác', never towards a target"
  )
  func otherActivityInAreaBudget() throws {
    let programme = Programme.embeddedDefault()
    let result = DecisionPlans.validate([
      DecisionPlans.row("7", "hội", "1", total: "80", local: "80", activity: "Hỗ trợ thành lập hiệp hội")
    ])
    #expect(result.status == .accepted)
    let plan = PlanMerger.merge(results: [result], year: PlanYear(rawValue: 2017), programme: programme)
    let area = try #require(plan.contentAreas.first { $0.code == IndicatorCode(rawValue: "7") })
    #expect(area.totals.total == Money(dong: 80_000_000))
    #expect(area.withoutIndicator.total == Money(dong: 80_000_000))
    #expect(area.withoutIndicatorLines == 1)
    #expect(area.indicators.allSatisfy { $0.measures.allSatisfy { $0.thisYear == .zero } })
    let html = String(
      decoding: PlanHTMLWriter.write(plan, programme: programme, messages: { $0.code.rawValue }),
      as: UTF8.self)
    #expect(html.contains("Hoạt động khác"))
  }

  @Test("an area-level line whose unit fits one of the area's measures counts there")
  func areaLineWithFittingUnit() {
    let result = DecisionPlans.validate([
      DecisionPlans.row("1", "người", "20", total: "60", local: "60")
    ])
    #expect(result.submission.lines.first?.indicator == IndicatorCode(rawValue: "1.1"))
  }

  @Test("an area line whose unit fits no measure is an area activity, not a unit error against the area")
  func areaLineWithOtherUnit() {
    let result = DecisionPlans.validate([
      DecisionPlans.row("1", "lớp", "2", total: "60", local: "60")
    ])
    #expect(result.with(.contentUnit).isEmpty)
    #expect(result.submission.lines.first?.indicator == nil)
  }

  @Test("7.4: repairing a cluster's shared waste treatment has target 2 cụm, from mục I.1.2")
  func clusterWasteTreatment() throws {
    let indicator = try #require(Programme.embeddedDefault().indicator(IndicatorCode(rawValue: "7.4")))
    #expect(indicator.unit == "cụm")
    #expect(indicator.target == ExactDecimal(units: 2))
    #expect(indicator.basis.contains("mục I.1.2"))
    let result = DecisionPlans.validate([
      DecisionPlans.row("7.4", "cụm", "1", total: "500", local: "100")
    ])
    #expect(result.with(.contentUnit).isEmpty)
    #expect(result.with(.contentUnknown).isEmpty)
  }

  @Test(
    "the programme names the activities the decision gives without a number under their area, and the form lists them"
  )
  func activitiesListed() throws {
    let programme = Programme.embeddedDefault()
    let studyTours = try #require(programme.contentArea(IndicatorCode(rawValue: "2"))?.activities.first)
    #expect(studyTours.hasPrefix("Tổ chức các đoàn khảo sát, học tập"))
    #expect(studyTours.hasSuffix("(mục II.2.1)"))
    #expect(
      programme.contentArea(IndicatorCode(rawValue: "7"))?.activities
        == ["Hỗ trợ thành lập hội, hiệp hội ngành nghề cấp tỉnh (mục II.7.1)"])
    let district = try #require(programme.district(DistrictCode(rawValue: "071")))
    let form = String(
      decoding: TemplateWriter.spreadsheetML(
        programme: programme, year: PlanYear(rawValue: 2017), district: district),
      as: UTF8.self)
    #expect(form.contains("Hoạt động khác (ghi mã 7): Hỗ trợ thành lập hội, hiệp hội ngành nghề cấp tỉnh"))
  }
}
