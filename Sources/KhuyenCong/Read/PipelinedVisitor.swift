import Foundation

/// Reading on the caller's thread, the visitor on a second one, with the rows handed over in
/// order in small batches (issue 7): a file is read and mapped and checked at the same time,
/// on two cores, instead of one after the other on one.
///
/// The visitor sees exactly the calls it would have seen, in the same order, and a reader
/// never hears back from its visitor (`WorkbookVisitor` returns nothing), so the outcome is
/// the same as reading on one thread; only the time differs. Memory stays bounded: a batch
/// closes at `batchSize` events or `batchBytes` bytes of cells, whichever comes first (a
/// hostile file's rows may be 16 384 cells wide), at most `queued` batches wait, and the
/// reader waits when they are full.
///
/// Written by hand on `NSCondition` and a `Thread`: the reader and the visitor are
/// synchronous code that must not suspend, and Swift concurrency's tasks would block a
/// cooperative thread while they wait for each other.
///
/// ```swift
/// let report = PipelinedVisitor.read(into: &visitor) { pipe in
///   WorkbookReader.read(&source, file: file, into: &pipe)
/// }
/// ```
struct PipelinedVisitor: WorkbookVisitor {
  /// Events per batch: large enough that handing over costs little per row, small enough
  /// that the visitor starts at once and memory stays small.
  static let batchSize = 256
  /// About how many bytes of rows a batch holds at most (`weight(of:)`): 256 rows of a plan
  /// weigh about 140 KiB.
  static let batchBytes = 256 << 10
  /// Batches waiting at most.
  static let queued = 4

  fileprivate enum Event {
    case beginSheet(name: String, index: Int)
    case row(SheetRow)
    case endSheet
  }

  private let channel: Channel
  private var batch: [Event] = []
  private var batchWeight = 0

  fileprivate init(channel: Channel) {
    self.channel = channel
    batch.reserveCapacity(Self.batchSize)
  }

  mutating func beginSheet(name: String, index: Int) { add(.beginSheet(name: name, index: index)) }
  mutating func visit(_ row: SheetRow) {
    batchWeight += Self.weight(of: row)
    add(.row(row))
  }
  mutating func endSheet() { add(.endSheet) }

  private mutating func add(_ event: Event) {
    batch.append(event)
    if batch.count == Self.batchSize || batchWeight >= Self.batchBytes { flush() }
  }

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

  fileprivate mutating func flush() {
    guard !batch.isEmpty else { return }
    channel.send(batch)
    batch = []
    batch.reserveCapacity(Self.batchSize)
    batchWeight = 0
  }

  /// Runs `read` on this thread with a visitor that hands every event to `visitor` on a
  /// second thread, and returns once `visitor` has seen them all.
  static func read<Visitor: WorkbookVisitor, Result>(
    into visitor: inout Visitor, _ read: (inout PipelinedVisitor) -> Result
  ) -> Result {
    let channel = Channel()
    let box = VisitorBox(visitor)
    let drainer: any Draining = box  // the thread's closure captures no generic type
    let thread = Thread { drainer.drain(channel) }
    // The visitor's own stack, as deep as the main thread's: its checks were written for it.
    thread.stackSize = 8 << 20
    thread.start()
    var pipe = PipelinedVisitor(channel: channel)
    let result = read(&pipe)
    pipe.flush()
    channel.close()
    channel.waitUntilFinished()
    visitor = box.visitor
    return result
  }
}

/// The visitor, moved to the second thread for the read and back after it. Only one thread
/// uses it at a time: the second thread from `start()` until `finish()`, the caller after
/// `waitUntilFinished()` (the condition's lock orders the two).
private final class VisitorBox<Visitor: WorkbookVisitor>: Draining, @unchecked Sendable {
  var visitor: Visitor
  init(_ visitor: Visitor) { self.visitor = visitor }

  /// Hands every batch of `channel` to the visitor, in order, then says it is finished.
  func drain(_ channel: Channel) {
    while let batch = channel.receive() {
      for event in batch {
        switch event {
        case .beginSheet(let name, let index): visitor.beginSheet(name: name, index: index)
        case .row(let row): visitor.visit(row)
        case .endSheet: visitor.endSheet()
        }
      }
    }
    channel.finish()
  }
}

/// What the second thread runs.
private protocol Draining: AnyObject, Sendable {
  func drain(_ channel: Channel)
}

/// Batches from the reader to the visitor, in order, at most `PipelinedVisitor.queued` at a time.
private final class Channel: @unchecked Sendable {
  // Every field below is read and written with `condition` locked.
  private let condition = NSCondition()
  private var batches: [[PipelinedVisitor.Event]] = []
  private var closed = false
  private var finished = false

  /// Queues `batch`, waiting while the queue is full.
  func send(_ batch: [PipelinedVisitor.Event]) {
    condition.lock()
    while batches.count >= PipelinedVisitor.queued { condition.wait() }
    batches.append(batch)
    condition.broadcast()
    condition.unlock()
  }

  /// The next batch, waiting for one; `nil` once the queue is closed and empty.
  func receive() -> [PipelinedVisitor.Event]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !closed { condition.wait() }
    guard !batches.isEmpty else { return nil }
    let batch = batches.removeFirst()
    condition.broadcast()
    return batch
  }

  /// No more batches will come.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The visitor has seen every batch (called on its thread, last).
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  func waitUntilFinished() {
    condition.lock()
    while !finished { condition.wait() }
    condition.unlock()
  }
}
