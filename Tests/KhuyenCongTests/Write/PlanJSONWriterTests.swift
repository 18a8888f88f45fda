import Foundation
import Testing
@testable import KhuyenCong

@Suite("plan-N.json: the SPEC §5 shape")
struct PlanJSONWriterTests {
  func document() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(WriteTestSupport.json()))
    return try #require(object as? [String: Any])
  }

  @Test("the top level and its objects carry the SPEC keys")
  func specKeys() throws {
    let json = try document()
    for key in ["planYear", "totals", "districts", "contentAreas", "lines"] {
      #expect(json[key] != nil, "missing \(key)")
    }
    let district = try #require((json["districts"] as? [[String: Any]])?.first)
    #expect(
      Set(["code", "name", "priority", "status", "file", "lines", "totals"])
        .isSubset(of: Set(district.keys)))
    let area = try #require((json["contentAreas"] as? [[String: Any]])?.first)
    let indicator = try #require((area["indicators"] as? [[String: Any]])?.first)
    #expect(Set(["code", "unit", "quantity", "target", "cumulative"]).isSubset(of: Set(indicator.keys)))
    let line = try #require((json["lines"] as? [[String: Any]])?.first)
    #expect(
      Set(["district", "indicator", "activity", "place", "unit", "quantity", "totals", "source"])
        .isSubset(of: Set(line.keys)))
    #expect(Set((line["source"] as? [String: Any])?.keys.map { $0 } ?? []) == ["file", "sheet", "row"])
  }

  @Test("money is a decimal string in triệu đồng")
  func moneyAsStrings() throws {
    let json = try document()
    let totals = try #require(json["totals"] as? [String: String])
    #expect(
      totals == [
        "total": "2170.75", "national": "800", "local": "170.75",
        "counterpart": "1100", "other": "100",
      ])
  }

  @Test("the SPEC keys come first, in the SPEC's order")
  func keyOrder() {
    let text = WriteTestSupport.text(WriteTestSupport.json())
    #expect(text.hasPrefix("{\n  \"planYear\": 2017,\n  \"totals\": {\n    \"total\": \"2170.75\","))
  }

  @Test("rejected and missing districts have their status, the rejected one its errors")
  func rejectedAndMissing() throws {
    let districts = try #require(try document()["districts"] as? [[String: Any]])
    let byCode = Dictionary(uniqueKeysWithValues: districts.map { ($0["code"] as? String ?? "", $0) })
    #expect(byCode["072"]?["status"] as? String == "rejected")
    #expect(byCode["073"]?["status"] as? String == "missing")
    let errors = byCode["072"]?["diagnostics"] as? [[String: Any]]
    #expect(errors?.first?["code"] as? String == "budget.sum")
    #expect(errors?.first?["column"] as? String == "L")
    #expect(errors?.first?["row"] as? Int == 14)
  }

  @Test("cross duplicates and progress are included")
  func extras() throws {
    let json = try document()
    #expect((json["crossDuplicates"] as? [[String: Any]])?.first?["row"] as? Int == 11)
    let progress = try #require((json["progress"] as? [String: Any])?["indicators"] as? [[String: Any]])
    #expect(progress.map { $0["percentOfTarget"] as? String } == ["15.0", "20.0", "20.0", nil])
  }
}
