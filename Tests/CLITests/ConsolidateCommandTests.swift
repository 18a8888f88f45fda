import Foundation
import Testing

@Suite("consolidate")
struct ConsolidateCommandTests {
  @Test(
    "consolidating the samples writes the four files, with Sơn Dương rejected and figures from the samples")
  func samples() throws {
    let out = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try runCLI(
      ["consolidate", "--year", "2017", "--out", out.path, "--lang", "en"] + sampleFiles())
    // Some samples are rejected on purpose: exit 1 (SPEC §6).
    #expect(run.status == 1, "\(run.stderr)")
    for ext in ["xml", "csv", "json", "html"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("plan-2017.\(ext)").path))
    }
    let data = try Data(contentsOf: out.appendingPathComponent("plan-2017.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["planYear"] as? Int == 2017)
    let totals = try #require(json["totals"] as? [String: String])
    // samples/README.md: 37 lines, 14 121,5 triệu đồng for the province.
    #expect(totals["total"] == "14121.5")
    #expect((json["lines"] as? [Any])?.count == 37)
    let districts = try #require(json["districts"] as? [[String: Any]])
    let status = Dictionary(
      uniqueKeysWithValues: districts.compactMap { d -> (String, String)? in
        guard let code = d["code"] as? String, let status = d["status"] as? String else { return nil }
        return (code, status)
      })
    #expect(status["076"] == "rejected")
    #expect(status["074"] == "accepted")
    let hamYen = try #require(districts.first { $0["code"] as? String == "074" })
    #expect(hamYen["file"] as? String == "2017-074-ham-yen-form-v2.xml")
    // Every rejected file is listed, also those of districts whose plan came from another file.
    let others = try #require(json["otherRejections"] as? [[String: Any]])
    #expect(others.contains { $0["file"] as? String == "rejected-budget_sum-2017-074-ham-yen.csv" })
    let unattributed = try #require(json["unattributedRejections"] as? [[String: Any]])
    // Each rejected 2017 sample once: Sơn Dương's is shown as the district's, and the plan
    // for 2022 belongs to no 2017 list (the summary names it among other years' files).
    let rejectedSamples = try sampleFiles().filter { $0.contains("/rejected-") }.count
    #expect(others.count + unattributed.count == rejectedSamples - 2)
    #expect(run.stdout.contains("rejected-meta_year-2022-072-na-hang.csv"))
    // Every message names what it speaks of: no value left out of its sentence.
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("()"))
    #expect(text.contains("2017-074-ham-yen-form-v2.xml); this one is not consolidated"))
    // Priority districts come first.
    #expect(districts.prefix(3).compactMap { $0["code"] as? String } == ["071", "072", "073"])
  }

  @Test("a district with no file at all is listed as missing")
  func missing() throws {
    let out = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try runCLI([
      "consolidate", "--year", "2017", "--out", out.path,
      "samples/2017-072-na-hang-flat.csv", "samples/2017-075-yen-son-flat.xml",
    ])
    #expect(run.status == 0)
    let data = try Data(contentsOf: out.appendingPathComponent("plan-2017.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let districts = try #require(json["districts"] as? [[String: Any]])
    #expect(districts.filter { $0["status"] as? String == "missing" }.count == 5)
    let csv = try String(contentsOf: out.appendingPathComponent("plan-2017.csv"), encoding: .utf8)
    #expect(csv.contains("Sơn Dương"))
  }

  @Test("two runs on the same inputs write byte-identical files")
  func deterministic() throws {
    let first = try temporaryFolder()
    let second = try temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let files = try sampleFiles()
    _ = try runCLI(["consolidate", "--year", "2017", "--out", first.path] + files)
    _ = try runCLI(["consolidate", "--year", "2017", "--out", second.path] + files.reversed())
    for ext in ["xml", "csv", "json", "html"] {
      let a = try Data(contentsOf: first.appendingPathComponent("plan-2017.\(ext)"))
      let b = try Data(contentsOf: second.appendingPathComponent("plan-2017.\(ext)"))
      #expect(a == b, "plan-2017.\(ext) differs")
    }
  }

  @Test("a year outside the programme is a usage error")
  func yearOutside() throws {
    let out = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try runCLI([
      "consolidate", "--year", "2030", "--out", out.path, "samples/2017-072-na-hang-flat.csv",
    ])
    #expect(run.status == 2)
  }
}
