import Foundation

/// Inflates a part on a thread of its own, a few chunks ahead of the XML reader (issue 7):
/// zlib took a quarter of the reading thread's time on a large worksheet, inflated twice
/// (once per pass), and now runs beside the parser on the second core.
///
/// The reader sees exactly the chunks `XLSXPartInflater.produce` gives, in order, each with
/// the failure or completion found with it, so every byte, limit and diagnostic is the same
/// as when the stream inflates on its own thread; only the time differs. The producer runs at
/// most `ahead` chunks ahead and stops when the stream is dropped (`stop()`): a reader that
/// stops early (a malformed part, a spent budget) leaves at most that much inflated for
/// nothing, and a zip bomb is still stopped at the same byte.
///
/// Written by hand on `NSCondition` and a `Thread`, as `Handoff` is, and for the same reason:
/// both sides are synchronous code that must not suspend. It is not `Handoff`: the chunks are
/// fixed buffers handed back and forth, not items moved once.
final class XLSXInflateAhead: @unchecked Sendable {
  /// A chunk the producer made: its buffer, its size, and the inflater's state after it.
  struct Chunk {
    /// Which of the buffers it is in.
    fileprivate var index: Int
    var buffer: UnsafeMutableRawBufferPointer
    var count: Int
    var produced: Int
    var failure: XLSXPackage.Failure?
    var isComplete: Bool
    /// With `scanning`: whether every chunk up to this one scanned clean with no `>` inside
    /// an open construct, and the scan's state after it.
    var scanned: (certain: Bool, scan: AttributeScanner)?
  }

  /// A markup scan (`ReadBudget`'s `AttributeScanner`) run over each chunk on the producer's
  /// thread, from the state the budget's scan is in when the part is opened: the reader then
  /// only counts the bytes (`ReadBudget.consume(scannedAhead:counted:)`).
  struct Scanning {
    var scan: AttributeScanner
    let maxAttributes: Int
    /// No chunk so far held anything the scan stops or charges at.
    fileprivate var certain = true

    init(from scan: AttributeScanner, maxAttributes: Int) {
      self.scan = scan
      self.maxAttributes = maxAttributes
    }

    /// Scans `chunk`. The reader's own scan stops only where this one finds an outcome, and
    /// charges the rescan allowance only at a `>` inside a construct: with neither, every
    /// scan of these bytes, however they are cut, ends in the same state with nothing found.
    fileprivate mutating func scan(_ chunk: UnsafeRawBufferPointer) -> (certain: Bool, scan: AttributeScanner)
    {
      if certain {
        let closes = scan.closes
        certain = scan.scan(chunk, maxAttributes: maxAttributes) == .clean && scan.closes == closes
      }
      return (certain, scan)
    }
  }

  /// Chunks inflated ahead of the reader at most.
  static let ahead = 3

  // Every field below is read and written with `condition` locked; the inflater and
  // `scanning` only by the producer's thread, from `init` until it says it is finished.
  private let condition = NSCondition()
  private let inflater: XLSXPartInflater
  /// The buffers: one the reader holds, the others free or filled.
  private let buffers: [UnsafeMutableRawBufferPointer]
  private var free: [Int]
  private var filled: [Chunk] = []
  /// The buffer the reader holds, handed back when it asks for the next chunk.
  private var held: Int?
  private var stopped = false
  private var finished = false
  /// The producer's until it is finished.
  private var scanning: Scanning?

  /// Starts inflating `inflater`'s part on a new thread, scanning each chunk when `scanning`.
  init(_ inflater: XLSXPartInflater, scanning: Scanning? = nil) {
    self.inflater = inflater
    self.scanning = scanning
    buffers = (0...Self.ahead).map { _ in
      .allocate(byteCount: XLSXPartInflater.chunkSize, alignment: 1)
    }
    free = Array(buffers.indices)
    Handoff.start(self, stackSize: 1 << 20)
  }

  deinit {
    for buffer in buffers { buffer.deallocate() }
  }

  /// The next chunk, waiting for it. The previous chunk's buffer is given back: its bytes
  /// must no longer be read.
  func next() -> Chunk {
    condition.lock()
    defer { condition.unlock() }
    if let held {
      free.append(held)
      self.held = nil
      condition.broadcast()
    }
    while filled.isEmpty && !finished { condition.wait() }
    guard !filled.isEmpty else {
      // Not asked by `XLSXPartStream` after the last chunk; an empty one, not a wait forever.
      return Chunk(
        index: 0, buffer: buffers[0], count: 0, produced: inflater.produced,
        failure: inflater.failure, isComplete: inflater.isComplete,
        scanned: scanning.map { ($0.certain, $0.scan) })
    }
    let chunk = filled.removeFirst()
    held = chunk.index
    condition.broadcast()
    return chunk
  }

  /// Stops the producer and waits until it no longer touches the inflater or the buffers.
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }

  /// The producer's loop: a free buffer, a chunk into it, until the part ends or fails or the
  /// reader stops it.
  func main() {
    while true {
      condition.lock()
      while free.isEmpty && !stopped { condition.wait() }
      guard !stopped else { break }
      let index = free.removeLast()
      condition.unlock()

      let buffer = buffers[index]
      let count = inflater.produce(into: buffer)
      let scanned = scanning?.scan(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
      let chunk = Chunk(
        index: index, buffer: buffer, count: count, produced: inflater.produced, failure: inflater.failure,
        isComplete: inflater.isComplete, scanned: scanned)

      condition.lock()
      filled.append(chunk)
      condition.broadcast()
      if chunk.failure != nil || chunk.isComplete { break }
      condition.unlock()
    }
    // Here with the lock held.
    finished = true
    condition.broadcast()
    condition.unlock()
  }
}

extension XLSXInflateAhead: SecondThread {}
