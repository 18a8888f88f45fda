import Testing
@testable import KhuyenCong

/// SPEC §2: another period or province is a new data file, never a rebuild. Each test edits a
/// copy of the embedded default's text, as a user would edit `khuyencong program`'s output.
@Suite("an edited copy of the default programme loads with its new values")
struct ProgrammeEditTests {
  /// The default text with `old` replaced by `new` exactly once (the edit must hit).
  func edited(_ replacements: [(String, String)]) throws -> String {
    var text = Programme.defaultJSON
    for (old, new) in replacements {
      let parts = text.components(separatedBy: old)
      try #require(parts.count == 2, "\(old) must occur exactly once")
      text = parts.joined(separator: new)
    }
    return text
  }

  @Test("another deadline: 15 November, not inclusive, late plans warned, one extension")
  func anotherDeadline() throws {
    let text = try edited([
      ("\"day\": 30,\n    \"month\": 10,", "\"day\": 15,\n    \"month\": 11,"),
      ("\"inclusive\": true,", "\"inclusive\": false,"),
      ("\"latePolicy\": \"reject\"", "\"latePolicy\": \"warn\""),
      (
        "\"extensions\": [],",
        "\"extensions\": [{\"district\": \"071\", \"planYear\": 2018, \"until\": \"2017-11-30\", \"basis\": \"Công văn 123/SCT\"}],"
      ),
    ])
    let deadline = try ProgrammeFixture.load(text).deadline
    #expect((deadline.day, deadline.month, deadline.inclusive, deadline.latePolicy) == (15, 11, false, .warn))
    #expect(
      deadline.extensions == [
        DeadlineExtension(
          district: DistrictCode(rawValue: "071"), planYear: PlanYear(rawValue: 2018),
          until: CivilDate(year: 2017, month: 11, day: 30), basis: "Công văn 123/SCT")
      ])
  }

  @Test("another period: 2021–2025")
  func anotherPeriod() throws {
    let text = try edited([
      ("\"firstYear\": 2016, \"lastYear\": 2020", "\"firstYear\": 2021, \"lastYear\": 2025")
    ])
    let programme = try ProgrammeFixture.load(text)
    #expect(programme.covers(PlanYear(rawValue: 2025)))
    #expect(!programme.covers(PlanYear(rawValue: 2020)))
  }

  @Test("fewer districts: Sơn Dương and its communes removed")
  func fewerDistricts() throws {
    var text = try edited([(Self.sonDuongBlock, "")])
    text = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("\"district\": \"076\"") }.joined(separator: "\n")
    // The last remaining commune line now ends the array: drop its comma.
    text = text.replacingOccurrences(of: "},\n  ]\n}", with: "}\n  ]\n}")
    let programme = try ProgrammeFixture.load(text)
    #expect(programme.districts.map(\.code.rawValue) == ["070", "071", "072", "073", "074", "075"])
    #expect(programme.communes(inForceOn: CivilDate(year: 2017, month: 1, day: 1)).count == 141 - 33)
  }

  @Test("removing a district but not its communes is refused at the first orphan commune")
  func orphanCommunes() throws {
    let text = try edited([(Self.sonDuongBlock, "")])
    let firstOrphan = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("\"district\": \"076\"") }
    let line = try #require(firstOrphan) + 1
    #expect {
      _ = try ProgrammeFixture.load(text)
    } throws: { error in
      guard case .invalid(_, let at, let reason) = error as? ProgrammeError else { return false }
      return at == line && reason.contains("\"076\" is not one of the programme's districts")
    }
  }

  @Test("another cap: demonstration models up to 40 % and 700 triệu")
  func anotherCap() throws {
    let text = try edited([
      (
        "\"indicator\": \"3.1\",\n      \"fund\": \"national\",\n      \"maxPercent\": \"30\",\n      \"maxAmountPerUnit\": {\"amount\": \"500\", \"unit\": \"triệu đồng\"},",
        "\"indicator\": \"3.1\",\n      \"fund\": \"national\",\n      \"maxPercent\": \"40\",\n      \"maxAmountPerUnit\": {\"amount\": \"0.7\", \"unit\": \"tỷ đồng\"},"
      )
    ])
    let cap = try ProgrammeFixture.load(text).rules.compactMap { rule -> SupportCap? in
      guard case .cap(let cap) = rule, cap.indicator.rawValue == "3.1" else { return nil }
      return cap
    }.first
    #expect(cap?.maxPercent == ExactDecimal(units: 40))
    #expect(cap?.maxAmountPerUnit == .trieu(700))
  }

  /// The district object of Sơn Dương (076), the last in the list, with the comma before it.
  static let sonDuongBlock = """
    ,
        {
          "code": "076",
          "name": "Sơn Dương",
          "kind": "huyện",
          "aliases": ["Son Duong", "Huyện Sơn Dương", "Huyen Son Duong", "Son Duong district"],
          "priority": false
        }
    """
}
