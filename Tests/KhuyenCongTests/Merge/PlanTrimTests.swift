import Foundation
import Testing

@testable import KhuyenCong

/// What consolidation keeps of each file (issue 7): the plan year's accepted lines, the
/// earlier years' quantities, nothing else; the plan is the same.
@Suite("Merge: each file trimmed to what the merge reads")
struct PlanTrimTests {
  static func samples() throws -> [SubmissionResult] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("samples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }
      .sorted()
    try #require(names.count >= 20)
    return try names.map { name in
      var source = MemorySource(try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))))
      return SubmissionValidator.validate(&source, named: name, against: Programme.embeddedDefault()).result
    }
  }

  @Test(
    "the plan of each year from the samples is the same from trimmed files", arguments: [2016, 2017, 2018])
  func samplesPlan(year: Int) throws {
    let programme = Programme.embeddedDefault()
    let planYear = PlanYear(rawValue: year)
    let results = try Self.samples()
    let trimmed = results.map { PlanMerger.trimmed($0, for: planYear, programme: programme) }
    #expect(
      PlanMerger.merge(results: trimmed, year: planYear, programme: programme)
        == PlanMerger.merge(results: results, year: planYear, programme: programme))
  }

  @Test("the test round's plan is the same from trimmed files")
  func testRound() {
    let programme = MergeTestData.programme
    let year = MergeTestData.year2017
    let trimmed = MergeTestData.results.map { PlanMerger.trimmed($0, for: year, programme: programme) }
    #expect(PlanMerger.merge(results: trimmed, year: year, programme: programme) == MergeTestData.plan)
  }

  @Test("a rejected file keeps no line but its count and totals; an earlier year only what progress counts")
  func whatIsKept() throws {
    let programme = Programme.embeddedDefault()
    let results = try Self.samples()
    let year = PlanYear(rawValue: 2017)
    for result in results {
      let kept = PlanMerger.trimmed(result, for: year, programme: programme)
      #expect(kept.submission.lineCount == result.submission.lineCount)
      #expect(kept.submission.totals == result.submission.totals)
      #expect(kept.diagnostics == result.diagnostics)
      if result.status == .accepted && result.submission.planYear == year {
        #expect(kept == result)
      } else if result.status == .accepted && result.submission.planYear == PlanYear(rawValue: 2016) {
        #expect(kept.submission.lines.allSatisfy { $0.activity.isEmpty && $0.indicator != nil })
        #expect(!kept.submission.lines.isEmpty)
      } else {
        #expect(kept.submission.lines.isEmpty)
      }
    }
  }
}
