import Foundation
import Testing

@testable import KhuyenCong

/// Handing items to a consumer on another thread must change nothing it sees, only when.
@Suite("Read: items handed in order to a consumer on its own thread")
struct HandoffTests {
  @Test(
    "the consumer takes every item once, in order, across batches, and comes back with the producer's result",
    arguments: [0, 1, 255, 256, 257, 10_000])
  func inOrder(count: Int) {
    var taken: [Int] = []
    let produced = Handoff.run(into: &taken, { taken, item in taken.append(item) }) { sender in
      for item in 0..<count { sender.send(item) }
      return count
    }
    #expect(produced == count)
    #expect(taken == Array(0..<count))
  }

  @Test("a batch closes at its weight: heavy items are handed over a few at a time, not 256")
  func closesByWeight() {
    final class Seen: @unchecked Sendable {
      let lock = NSLock()
      var sentWhenFirstTaken = -1
      var sent = 0
    }
    let seen = Seen()
    var taken = 0
    Handoff.run(
      into: &taken,
      { taken, _ in
        seen.lock.lock()
        if seen.sentWhenFirstTaken < 0 { seen.sentWhenFirstTaken = seen.sent }
        seen.lock.unlock()
        taken += 1
      }
    ) { sender in
      for item in 0..<100 {
        // A quarter of a batch's bytes each: the fourth closes the batch.
        sender.send(item, weight: Handoff.batchBytes / 4)
        seen.lock.lock()
        seen.sent += 1
        seen.lock.unlock()
        if item == 3 { usleep(200_000) }  // time for the consumer to take the first batch
      }
    }
    #expect(taken == 100)
    #expect(seen.sentWhenFirstTaken >= 3 && seen.sentWhenFirstTaken <= 4)
  }

  @Test("a mapped line weighs its texts: lines of long texts close their batch within a few, not at 256")
  func lineWeight() {
    let long = PlanLinesTests.line(
      row: 2, activity: String(repeating: "Đào tạo nghề ", count: 2_300), place: "Xã Khuôn Hà", quantity: nil)
    let short = PlanLinesTests.line(row: 3, activity: "Đào tạo nghề", place: nil, quantity: nil)
    func mapped(_ line: PlanLine) -> MappedLine {
      MappedLine(
        built: BuiltLine(line: line, group: 0, stage: .streamed), district: nil, year: nil, sheet: nil,
        columns: [:])
    }
    // 2 300 times 13 characters, 19 bytes of UTF-8: 43 700 bytes of activity alone.
    #expect(mapped(long).weight > 43_700)
    #expect(Handoff.batchBytes / mapped(long).weight < 8)
    // A plan's ordinary line stays far below a batch's share, so batches still close at 256.
    #expect(mapped(short).weight * Handoff.batchSize < Handoff.batchBytes)
  }
}
