import Foundation
import Testing

/// Every file of samples/ gets the outcome its name announces (issue 3): `rejected-<code>-…`
/// is rejected with that code (`_` standing for `.` in the name), every other file accepted.
@Suite("samples")
struct SampleOutcomeTests {
  static let samples: [String] = {
    let folder = packageRoot.appendingPathComponent("samples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
  }()

  @Test("samples/ holds every district, both formats and both layouts")
  func coverage() {
    #expect(Self.samples.count >= 20)
    for district in ["070", "071", "072", "073", "074", "075", "076"] {
      #expect(Self.samples.contains { $0.contains("-\(district)-") }, "no sample for \(district)")
    }
    for ext in [".csv", ".xml", ".xlsx"] {
      #expect(Self.samples.contains { $0.hasSuffix(ext) })
    }
    #expect(Self.samples.contains { $0.contains("-form") } && Self.samples.contains { $0.contains("-flat") })
  }

  @Test("each sample gets the outcome its name announces", arguments: samples)
  func outcome(file: String) throws {
    let run = try runCLI(["validate", "--format", "json", "samples/" + file])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let submission = try #require((json["submissions"] as? [[String: Any]])?.first)
    let status = submission["status"] as? String
    let codes = ((submission["diagnostics"] as? [[String: Any]]) ?? [])
      .filter { $0["severity"] as? String == "error" }.compactMap { $0["code"] as? String }
    if file.hasPrefix("rejected-") {
      // rejected-budget_priority-only-2017-075-yen-son.csv → budget.priority-only
      let expected = file.dropFirst("rejected-".count).components(separatedBy: "-20")[0]
        .replacingOccurrences(of: "_", with: ".")
      #expect(status == "rejected")
      #expect(run.status == 1)
      #expect(Set(codes) == [expected], "\(file): \(codes)")
    } else {
      #expect(status == "accepted", "\(file): \(codes)")
      #expect(run.status == 0)
    }
  }
}
