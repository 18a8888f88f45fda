import Testing
@testable import KhuyenCong

/// A broken programme file and where and why it must be refused.
struct BrokenProgramme: CustomTestStringConvertible, Sendable {
  var fixture: String
  var line: Int
  /// A phrase the reason must contain (the key or value a person must fix).
  var reason: String
  var testDescription: String { fixture }
}

@Suite("broken programme files are refused with file:line and a reason")
struct ProgrammeLoadErrorTests {
  static let cases: [BrokenProgramme] = [
    .init(fixture: "empty", line: 1, reason: "the file is empty"),
    .init(fixture: "not-an-object", line: 1, reason: "the programme must be an object"),
    .init(fixture: "syntax-trailing-comma", line: 23, reason: "trailing comma before ']'"),
    .init(fixture: "syntax-missing-comma", line: 4, reason: "is a comma missing"),
    .init(fixture: "syntax-unterminated-string", line: 4, reason: "a closing quote may be missing"),
    .init(fixture: "syntax-duplicate-key", line: 21, reason: "duplicate key \"kind\""),
    .init(fixture: "invalid-utf8", line: 13, reason: "not valid UTF-8"),
    .init(
      fixture: "missing-district-name", line: 17, reason: "districts[1] is missing the required key \"name\""),
    .init(fixture: "wrong-type-priority", line: 21, reason: "districts[1].priority must be true or false"),
    .init(fixture: "unknown-key", line: 21, reason: "unknown key \"prority\" in districts[1]"),
    .init(
      fixture: "unknown-rule-kind", line: 70,
      reason: "rules[1].kind \"priority-only\" is not a known rule kind"),
    .init(
      fixture: "commune-unknown-district", line: 27,
      reason: "communes[2].district \"077\" is not one of the programme's districts"),
    .init(
      fixture: "extension-unknown-district", line: 36,
      reason: "deadline.extensions[0].district \"075\" is not one of the programme's districts"),
    .init(
      fixture: "duplicate-district-code", line: 18,
      reason: "district code 071 is used twice (first on line 10)"),
    .init(fixture: "duplicate-indicator-code", line: 48, reason: "indicator code 2.3 is used twice"),
    .init(fixture: "indicator-area-missing", line: 55, reason: "indicator 5.1 belongs to content area 5"),
    .init(
      fixture: "period-reversed", line: 7, reason: "period.lastYear 2016 is before period.firstYear 2020"),
    .init(
      fixture: "bad-date", line: 25,
      reason: "communes[0].validTo must be a date written YYYY-MM-DD, found \"2021-06-31\""),
    .init(fixture: "deadline-day-not-in-month", line: 30, reason: "deadline.day must be between 1 and 30"),
    .init(
      fixture: "late-policy-unknown", line: 34, reason: "deadline.latePolicy must be \"reject\" or \"warn\""),
    .init(fixture: "money-as-json-number", line: 69, reason: "not a JSON number"),
    .init(
      fixture: "target-as-json-number", line: 47,
      reason: "contentAreas[0].indicators[0].target must be a decimal string"),
    .init(fixture: "money-unknown-unit", line: 63, reason: "budget.local.unit must be one of"),
    .init(
      fixture: "rule-unknown-indicator", line: 69, reason: "rules[0].indicator \"3.3\" is not an indicator"),
    .init(
      fixture: "percent-over-100", line: 69, reason: "rules[0].maxPercent must be more than 0 and at most 100"
    ),
    .init(fixture: "successor-unknown", line: 27, reason: "communes[2].successor \"02999\" is not a commune"),
    .init(
      fixture: "commune-versions-overlap", line: 26,
      reason: "commune 02266 has two versions in force at the same time"),
    .init(fixture: "priority-without-basis", line: 14, reason: "has no priorityBasis"),
    .init(fixture: "empty-basis", line: 38, reason: "deadline.basis must not be empty"),
  ]

  @Test("the minimal fixture itself loads, so each broken copy fails for its one fault")
  func minimalLoads() throws {
    let programme = try Programme.load(json: try ProgrammeFixture.bytes("minimal.json"), file: "minimal.json")
    #expect(programme.districts.count == 2)
    #expect(programme.deadline.extensions.map(\.until) == [CivilDate(year: 2016, month: 11, day: 15)])
    #expect(programme.indicator(IndicatorCode(rawValue: "9.1"))?.target == nil)
  }

  @Test("a broken file is refused at the line of the offending value", arguments: cases)
  func refused(_ broken: BrokenProgramme) throws {
    let name = "broken/\(broken.fixture).json"
    let bytes = try ProgrammeFixture.bytes(name)
    #expect {
      _ = try Programme.load(json: bytes, file: name)
    } throws: { error in
      guard case .invalid(let file, let line, let reason) = error as? ProgrammeError else { return false }
      return file == name && line == broken.line && reason.contains(broken.reason)
    }
  }

  @Test("the error reads FILE:LINE: reason, as the CLI prints it")
  func description() {
    let error = ProgrammeError.invalid(
      file: "p.json", line: 7, reason: "period.lastYear 2016 is before period.firstYear 2020")
    #expect(error.description == "p.json:7: period.lastYear 2016 is before period.firstYear 2020")
  }

  @Test("nesting deeper than the limit is refused, not a stack overflow")
  func deepNesting() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: ProgrammeError.self) { try Programme.load(json: Array(text.utf8), file: "deep.json") }
  }
}
