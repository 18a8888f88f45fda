import Foundation
import Testing
@testable import KhuyenCong

/// Finding 9 of issue 8: the programme's new parts decode through a real `Decoder` over the
/// line-tracking JSON nodes; unknown keys and wrong types are still reported with file and line.
@Suite("Programme values decode through the line-tracking decoder")
struct ProgrammeDecodableTests {
  /// Loads the default programme with `old` replaced by `new`; the error, if any.
  static func loadEdited(_ old: String, _ new: String) -> (error: ProgrammeError?, line: Int) {
    let json = Programme.defaultJSON
    guard let range = json.range(of: old) else { return (nil, -1) }
    let line = json[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    let edited = json.replacingCharacters(in: range, with: new)
    do {
      _ = try Programme.load(json: Array(edited.utf8), file: "edited.json")
      return (nil, line)
    } catch {
      return (error, line)
    }
  }

  static let fairVisits = #"{"name": "lượt cơ sở tham gia hội chợ", "unit": "lượt cơ sở""#

  @Test("an unknown key in a measure is refused with the file, its line and its path")
  func unknownMeasureKey() throws {
    let (error, line) = Self.loadEdited(
      Self.fairVisits, #"{"name": "lượt cơ sở tham gia hội chợ", "unti": "lượt cơ sở""#)
    guard case .invalid(let file, let at, let reason)? = error else {
      Issue.record("expected a load error, got \(String(describing: error))")
      return
    }
    #expect(file == "edited.json")
    #expect(at == line)
    #expect(reason.contains("unknown key \"unti\" in contentAreas[3].indicators[2].measures[1]"))
    #expect(reason.contains("expected one of: name, unit, unitAliases, target"))
  }

  @Test("a measure's target written as a JSON number is refused at its line, with its path")
  func targetAsNumber() throws {
    let (error, line) = Self.loadEdited(
      #""lượt cơ sở CNNT"], "target": "100"}"#, #""lượt cơ sở CNNT"], "target": 100}"#)
    guard case .invalid(_, let at, let reason)? = error else {
      Issue.record("expected a load error")
      return
    }
    #expect(at == line)
    #expect(reason.hasPrefix("contentAreas[3].indicators[2].measures[1].target must be a decimal string"))
  }

  @Test("a cap period's year of the wrong type, or periods that overlap, are refused at their line")
  func capPeriods() throws {
    let (wrongType, line) = Self.loadEdited(#""toYear": 2018,"#, #""toYear": "2018","#)
    guard case .invalid(_, let at, let reason)? = wrongType else {
      Issue.record("expected a load error")
      return
    }
    #expect(at == line)
    #expect(reason == "capPeriods[0].toYear must be a whole number, found a string")
    let (overlap, _) = Self.loadEdited(#""fromYear": 2019,"#, #""fromYear": 2018,"#)
    guard case .invalid(_, _, let overlapReason)? = overlap else {
      Issue.record("expected a load error")
      return
    }
    #expect(overlapReason.contains("overlaps the period 2016–2018"))
  }

  @Test(
    "a cap rule decodes by its kind: a misspelt key ('marker') is refused at its line with the keys it may have"
  )
  func capRuleUnknownKey() throws {
    let (error, line) = Self.loadEdited(
      #""markers": ["cơ sở đang hoạt động""#, #""marker": ["cơ sở đang hoạt động""#)
    guard case .invalid(let file, let at, let reason)? = error else {
      Issue.record("expected a load error")
      return
    }
    #expect(file == "edited.json")
    #expect(at == line)
    #expect(reason.hasPrefix("unknown key \"marker\" in rules[3]; expected one of: kind, indicator, fund"))
  }
}
