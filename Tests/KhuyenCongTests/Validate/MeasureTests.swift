import Foundation
import Testing
@testable import KhuyenCong

/// Finding 1 of issue 8: an indicator with two measures (II.4.2 of the decision).
@Suite("Measures of an indicator")
struct MeasureTests {
  @Test("a 4.3 line counted in 'lượt cơ sở' is accepted: the unit picks the second measure")
  func fairVisitsAccepted() {
    let result = DecisionPlans.validate([
      DecisionPlans.row("4.3", "lượt cơ sở", "6", total: "60", local: "60")
    ])
    #expect(result.with(.contentUnit).isEmpty)
    #expect(result.status == .accepted)
  }

  @Test("4.2 counts the regional fair and its 300 booths as two measures")
  func regionalFairBooths() throws {
    let programme = Programme.embeddedDefault()
    let indicator = try #require(programme.indicator(IndicatorCode(rawValue: "4.2")))
    #expect(indicator.measures.map(\.unit) == ["hội chợ", "gian hàng"])
    #expect(indicator.measures.map { $0.target?.description } == ["1", "300"])
    let result = DecisionPlans.validate([
      DecisionPlans.row("4.2", "gian hàng", "120", total: "300", local: "300")
    ])
    #expect(result.with(.contentUnit).isEmpty)
  }

  @Test("a unit fitting no measure of the named indicator names the indicators it does fit")
  func unitHintNamesIndicator() throws {
    let result = DecisionPlans.validate([
      DecisionPlans.row("4.1", "lượt cơ sở", "6", total: "60", local: "60")
    ])
    let diagnostic = try #require(result.with(.contentUnit).first)
    #expect(diagnostic.values["fits"] == "4.3")
    let vi = MessageCatalog.message(diagnostic, in: .vi)
    #expect(vi.contains("đơn vị \"lượt cơ sở\" thuộc chỉ tiêu 4.3"))
    #expect(MessageCatalog.message(diagnostic, in: .en).contains("is a unit of indicator 4.3"))
  }

  @Test("progress is reported per measure: 4.3's fairs and establishment visits apart")
  func progressPerMeasure() throws {
    let programme = Programme.embeddedDefault()
    let result = DecisionPlans.validate([
      DecisionPlans.row("4.3", "hội chợ", "2", total: "100", local: "100", activity: "Tham gia hội chợ"),
      DecisionPlans.row("4.3", "lượt cơ sở", "6", total: "60", local: "60", activity: "Hỗ trợ cơ sở"),
    ])
    #expect(result.status == .accepted)
    let plan = PlanMerger.merge(results: [result], year: PlanYear(rawValue: 2017), programme: programme)
    let fairs = plan.progress.filter { $0.code == IndicatorCode(rawValue: "4.3") }
    #expect(fairs.map(\.unit) == ["hội chợ", "lượt cơ sở"])
    #expect(fairs.map(\.thisYear.description) == ["2", "6"])
    #expect(fairs.map { $0.percentOfTarget?.fixedText(places: 1) } == ["20.0", "6.0"])
    // plan-N.json nests the measures under their indicator.
    let json = String(
      decoding: PlanJSONWriter.write(plan, programme: programme, messages: { $0.code.rawValue }),
      as: UTF8.self)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let areas = try #require(object["contentAreas"] as? [[String: Any]])
    let indicators = try #require(
      areas.first { $0["code"] as? String == "4" }?["indicators"] as? [[String: Any]])
    let measures = try #require(
      indicators.first { $0["code"] as? String == "4.3" }?["measures"] as? [[String: Any]])
    #expect(measures.map { $0["unit"] as? String } == ["hội chợ", "lượt cơ sở"])
    #expect(measures.map { ($0["quantity"] as? NSNumber)?.intValue } == [2, 6])
    // A row per measure in the XML and HTML progress tables.
    let xml = String(
      decoding: PlanXMLSpreadsheetWriter.write(plan, programme: programme, messages: { $0.code.rawValue }),
      as: UTF8.self)
    #expect(xml.contains("lượt cơ sở tham gia hội chợ"))
    let html = String(
      decoding: PlanHTMLWriter.write(plan, programme: programme, messages: { $0.code.rawValue }),
      as: UTF8.self)
    #expect(html.contains("<td>lượt cơ sở</td><td class=\"n\">100</td><td class=\"n\">6</td>"))
  }

  @Test("a programme giving one unit to two measures of an indicator is refused at its line")
  func sharedUnitRefused() throws {
    var json = Programme.defaultJSON
    json = json.replacingOccurrences(
      of:
        #"{"name": "lượt cơ sở tham gia hội chợ", "unit": "lượt cơ sở", "unitAliases": ["lượt", "lượt cơ sở CNNT"]"#,
      with: #"{"name": "lượt cơ sở tham gia hội chợ", "unit": "lượt cơ sở", "unitAliases": ["lượt", "lần"]"#)
    #expect(json != Programme.defaultJSON)
    #expect {
      try Programme.load(json: Array(json.utf8), file: "p.json")
    } throws: { error in
      guard case ProgrammeError.invalid(let file, _, let reason) = error else { return false }
      return file == "p.json" && reason.contains("\"lần\"") && reason.contains("4.3")
    }
  }
}
