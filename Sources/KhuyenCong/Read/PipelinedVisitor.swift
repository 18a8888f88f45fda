import Foundation

/// Reading on the caller's thread, the visitor on a crew's thread (a second one, or this one
/// while the rows wait: `Handoff.Crew`), with the rows handed over in order in small batches
/// (`Handoff`, issue 7): a file is read and mapped and checked at the same time, on two
/// cores, instead of one after the other on one.
///
/// The visitor sees exactly the calls it would have seen, in the same order, and a reader
/// never hears back from its visitor (`WorkbookVisitor` returns nothing), so the outcome is
/// the same as reading on one thread; only the time differs. Memory stays bounded: a batch
/// closes at `Handoff.batchSize` events or `Handoff.batchBytes` bytes of cells (a hostile
/// file's rows may be 16 384 cells wide), and the reader helps or waits while `Handoff.queued`
/// wait.
///
/// ```swift
/// let report = PipelinedVisitor.read(into: &visitor) { pipe in
///   WorkbookReader.read(&source, file: file, into: &pipe)
/// }
/// ```
struct PipelinedVisitor: WorkbookVisitor {
  private enum Event {
    case beginSheet(name: String, index: Int)
    case row(SheetRow)
    case endSheet
  }

  private var sender: Handoff.Sender<Event>

  mutating func beginSheet(name: String, index: Int) { sender.send(.beginSheet(name: name, index: index)) }
  mutating func visit(_ row: SheetRow) { sender.send(.row(row), weight: Self.weight(of: row)) }
  /// The row weighed from the text its budget counted (each value without text counted 1: a
  /// little more than `weight(of:)`, never less), without going over its cells again.
  mutating func visit(_ row: SheetRow, textBytes: Int) {
    sender.send(.row(row), weight: 16 + row.cells.count * MemoryLayout<Cell>.stride + textBytes)
  }
  mutating func endSheet() { sender.send(.endSheet) }

  /// About the bytes `row` holds: its cells and the UTF-8 of their texts (shared ones
  /// counted each time: an upper bound).
  static func weight(of row: SheetRow) -> Int {
    var bytes = 16 + row.cells.count * MemoryLayout<Cell>.stride
    for cell in row.cells {
      switch cell.value {
      case .text(let text), .number(let text), .error(let text): bytes += text.utf8.count
      default: break
      }
    }
    return bytes
  }

  /// Runs `read` on this thread with a visitor that hands every event to `visitor` on a
  /// second thread, and returns once `visitor` has seen them all.
  /// `crew`: the threads that run the visitor (by default, a second thread of its own, and
  /// this one while it waits: `Handoff.Crew`); `emptied`: a disposal the reading thread
  /// empties as it hands its rows over (`Handoff.Disposal`).
  static func read<Visitor: WorkbookVisitor, Result>(
    into visitor: inout Visitor, crew: Handoff.Crew? = nil, emptying emptied: Handoff.Disposal? = nil,
    _ read: (inout PipelinedVisitor) -> Result
  ) -> Result {
    guard let crew else {
      return Handoff.withCrew { crew in Self.read(into: &visitor, crew: crew, emptying: emptied, read) }
    }
    var replaying = Replaying(visitor: visitor)
    let result = Handoff.run(into: &replaying, crew: crew, emptying: emptied) { sender in
      var pipe = PipelinedVisitor(sender: sender)
      let result = read(&pipe)
      sender = pipe.sender
      return result
    }
    visitor = replaying.visitor
    return result
  }

  /// The visitor on the second thread, making on it the call each event stands for.
  private struct Replaying<Visitor: WorkbookVisitor>: HandoffConsumer {
    var visitor: Visitor

    mutating func take(_ event: consuming Event) { read(event) }

    /// The visitor keeps nothing of a row but copies: the rows are destroyed on the reading
    /// thread, which made them (`Handoff`).
    static var readsInPlace: Bool { true }

    mutating func read(_ event: borrowing Event) {
      switch event {
      case .beginSheet(let name, let index): visitor.beginSheet(name: name, index: index)
      case .row(let row): visitor.visit(row)
      case .endSheet: visitor.endSheet()
      }
    }
  }
}
