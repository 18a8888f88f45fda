import Testing
import Foundation
@testable import KhuyenCong

@Test("scratch dump") func scratchDump() throws {
  let bytes = PlanXMLSpreadsheetWriter.write(MergeTestData.plan, programme: MergeTestData.programme, messages: MergeTestData.messages)
  try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/merge-out/plan-2017.xml"))
}
