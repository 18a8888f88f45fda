import Foundation
import Testing

@testable import KhuyenCong

/// Reading on one thread and visiting on another must change nothing the visitor sees.
@Suite("Read: rows handed to the visitor on a second thread")
struct PipelinedVisitorTests {
  /// Writes down every call, in order.
  struct Recorder: WorkbookVisitor {
    var calls: [String] = []
    mutating func beginSheet(name: String, index: Int) { calls.append("begin \(name) \(index)") }
    mutating func visit(_ row: SheetRow) { calls.append("row \(row.number) \(row.cells.map(\.value))") }
    mutating func endSheet() { calls.append("end") }
  }

  /// Plays sheets of `rows` rows each to `visitor`.
  static func play(_ rows: [Int], into visitor: inout some WorkbookVisitor) -> Int {
    for (index, count) in rows.enumerated() {
      visitor.beginSheet(name: "Sheet\(index + 1)", index: index)
      for number in 0..<count {
        visitor.visit(
          SheetRow(
            number: number + 1,
            cells: [
              Cell(column: 1, value: .text("dòng \(number)")),
              Cell(column: 3, value: .number(String(number))),
            ]))
      }
      visitor.endSheet()
    }
    return rows.reduce(0, +)
  }

  @Test(
    "the visitor sees every call in order, across batch boundaries and sheets, and the read's result comes back",
    arguments: [[], [0], [1], [255], [256], [257], [1000, 0, 513], [5000]])
  func sameCalls(rows: [Int]) {
    var direct = Recorder()
    let expected = Self.play(rows, into: &direct)
    var piped = Recorder()
    let result = PipelinedVisitor.read(into: &piped) { pipe in Self.play(rows, into: &pipe) }
    #expect(result == expected)
    #expect(piped.calls == direct.calls)
  }

  @Test("while the visitor is busy the reader waits: a dozen wide rows at most are in flight, not the file")
  func boundedInFlight() {
    final class Shared: @unchecked Sendable {
      let lock = NSLock()
      var sent = 0
      var seenWhenReleased = -1
    }
    struct Gated: WorkbookVisitor {
      let gate: DispatchSemaphore
      var cells = 0
      mutating func beginSheet(name: String, index: Int) { gate.wait() }
      mutating func visit(_ row: SheetRow) { cells += row.cells.count }
      mutating func endSheet() {}
    }
    // 1 500 cells of 100 bytes of text: about 230 KiB a row, so a batch closes at two rows
    // (`batchBytes`), long before its 128 events.
    let wide = SheetRow(
      number: 1,
      cells: (1...1500).map { Cell(column: $0, value: .text(String(repeating: "đ", count: 50))) })
    #expect(PipelinedVisitor.weight(of: wide) > Handoff.batchBytes / 2)
    #expect(PipelinedVisitor.weight(of: wide) < Handoff.batchBytes)
    let shared = Shared()
    let gate = DispatchSemaphore(value: 0)
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
      shared.lock.lock()
      shared.seenWhenReleased = shared.sent
      shared.lock.unlock()
      gate.signal()
    }
    var gated = Gated(gate: gate)
    PipelinedVisitor.read(into: &gated) { pipe in
      pipe.beginSheet(name: "S", index: 0)
      for number in 1...50 {
        var row = wide
        row.number = number
        pipe.visit(row)
        shared.lock.lock()
        shared.sent += 1
        shared.lock.unlock()
      }
      pipe.endSheet()
    }
    // Two rows a batch: the one the visitor holds, four waiting, and the one being handed over.
    #expect(shared.seenWhenReleased >= 0 && shared.seenWhenReleased <= 12)
    #expect(gated.cells == 75_000)
  }

  @Test("a visitor slower than the reader still sees everything (the reader waits, memory stays bounded)")
  func slowVisitor() {
    struct Slow: WorkbookVisitor {
      var seen = 0
      mutating func beginSheet(name: String, index: Int) {}
      mutating func visit(_ row: SheetRow) {
        if row.number % 500 == 0 { usleep(1000) }
        seen += 1
      }
      mutating func endSheet() {}
    }
    var slow = Slow()
    _ = PipelinedVisitor.read(into: &slow) { pipe in Self.play([20_000], into: &pipe) }
    #expect(slow.seen == 20_000)
  }

  @Test("every sample validates to the same result and read report pipelined and not, lines kept or not")
  func samplesAlike() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)
      .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    #expect(names.count >= 20)
    let programme = Programme.embeddedDefault()
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: samplesFolder.appendingPathComponent(name)))
      for keepingLines in [true, false] {
        var outcomes: [SubmissionValidator.Outcome] = []
        for pipelined in [true, false] {
          var source = MemorySource(bytes, chunkSize: 4096)
          outcomes.append(
            SubmissionValidator.validate(
              &source, named: name, against: programme, keepingLines: keepingLines, pipelined: pipelined))
        }
        #expect(outcomes[0].read == outcomes[1].read, "\(name)")
        #expect(outcomes[0].result == outcomes[1].result, "\(name)")
      }
    }
  }
}
