import Testing
@testable import KhuyenCong

/// Issue 3: the programme is data. A copy of the default edited to another deadline, another
/// set of districts and another period changes the outcomes, with no rebuild.
@Suite("Programme changes change outcomes")
struct ProgrammeChangeTests {
  /// The embedded programme's JSON with `edit` applied, loaded as a user's `--program` file.
  func edited(_ edit: (String) -> String) throws -> Programme {
    let text = edit(Programme.defaultJSON)
    #expect(text != Programme.defaultJSON, "the edit changed nothing")
    return try Programme.load(json: Array(text.utf8), file: "edited.json")
  }

  @Test("a plan dated 31 October is late under the default and on time with a later deadline")
  func deadline() throws {
    #expect(try validateFixture("Validate/form-deadline-late.csv").status == .rejected)
    let later = try edited { json in
      json.replacingOccurrences(of: "\"day\": 30", with: "\"day\": 31")
    }
    #expect(later.deadline.day == 31)
    #expect(try validateFixture("Validate/form-deadline-late.csv", programme: later).status == .accepted)
  }

  @Test("a late plan is only a warning under the warn policy")
  func warnPolicy() throws {
    let lenient = try edited {
      $0.replacingOccurrences(of: "\"latePolicy\": \"reject\"", with: "\"latePolicy\": \"warn\"")
    }
    let result = try validateFixture("Validate/flat-deadline-late.csv", programme: lenient)
    #expect(result.status == .accepted)
    #expect(result.located(atLeast: .warning) == ["deadline.late flat-deadline-late!C2"])
  }

  @Test("a plan year outside an edited period is refused")
  func period() throws {
    let shorter = try edited {
      $0.replacingOccurrences(of: "\"firstYear\": 2016", with: "\"firstYear\": 2018")
    }
    let result = try validateFixture("Validate/flat-valid.csv", programme: shorter)
    #expect(result.located(atLeast: .error) == ["meta.year flat-valid!B2"])
  }

  @Test("Lâm Bình is no longer a priority district: its machinery support breaks the cap")
  func priority() throws {
    let programme = try edited { json in
      // The first "priority": true after Lâm Bình's code is Lâm Bình's flag.
      guard let code = json.range(of: "\"code\": \"071\""),
        let flag = json.range(of: "\"priority\": true", range: code.upperBound..<json.endIndex)
      else { return json }
      return json.replacingCharacters(in: flag, with: "\"priority\": false")
    }
    #expect(programme.district(DistrictCode(rawValue: "071"))?.priority == false)
    // 3.3 KCQG 250 is within 200 × 1,5 (with approval: a warning) only for a priority
    // district; elsewhere it breaks the 200 cap (issue 8: the valid plan keeps KCQG at 200).
    let rows = [DecisionPlans.row("3.3", "cơ sở", "1", total: "600", national: "250", local: "50")]
    let priority = DecisionPlans.validate(rows)
    #expect(priority.with(.budgetCap).map(\.severity) == [.warning])
    let result = DecisionPlans.validate(rows, programme: programme)
    #expect(result.located(atLeast: .error) == ["budget.cap plan!O2"])
  }

  @Test("an extension granted to Lâm Bình makes its 31 October plan on time")
  func extensionGranted() throws {
    let extended = try edited {
      $0.replacingOccurrences(
        of: "\"extensions\": []",
        with:
          "\"extensions\": [{\"district\": \"071\", \"planYear\": 2017, \"until\": \"2016-11-05\", \"basis\": \"Công văn 123/SCT-KHTC\"}]"
      )
    }
    #expect(extended.deadline.extensions.count == 1)
    #expect(try validateFixture("Validate/form-deadline-late.csv", programme: extended).status == .accepted)
  }
}
