import Testing
@testable import KhuyenCong

@Suite("Deterministic outputs")
struct WriterDeterminismTests {
  @Test("merging and writing twice gives identical bytes", arguments: ["xml", "csv", "json", "html"])
  func identicalBytes(format: String) {
    func run() -> [UInt8] {
      // Merge from scratch each time, with the results in another order.
      let plan = PlanMerger.merge(
        results: format.count % 2 == 0
          ? MergeTestData.results
          : MergeTestData.results.reversed(),
        year: MergeTestData.year2017, programme: MergeTestData.programme)
      let p = MergeTestData.programme
      switch format {
      case "xml": return PlanXMLSpreadsheetWriter.write(plan, programme: p, messages: MergeTestData.messages)
      case "csv": return PlanCSVWriter.write(plan, programme: p)
      case "json": return PlanJSONWriter.write(plan, programme: p, messages: MergeTestData.messages)
      default: return PlanHTMLWriter.write(plan, programme: p, messages: MergeTestData.messages)
      }
    }
    let first = run()
    #expect(!first.isEmpty)
    #expect(first == run())
  }

  @Test("the input order of the results does not change the plan")
  func inputOrder() {
    let a = PlanMerger.merge(
      results: MergeTestData.results, year: MergeTestData.year2017,
      programme: MergeTestData.programme)
    let b = PlanMerger.merge(
      results: MergeTestData.results.reversed(), year: MergeTestData.year2017,
      programme: MergeTestData.programme)
    #expect(a == b)
  }
}
