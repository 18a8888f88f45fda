internal import CZlib

/// One part of an xlsx package, produced a chunk at a time for the XML reader: a stored entry
/// as slices of the zip's bytes, a deflated one inflated by zlib as the reader asks, its
/// compressed bytes read from the file a chunk at a time. Neither the part nor the zip is ever
/// held whole, so a worksheet costs the same memory at 10 rows and at 100 000 (SPEC §8,
/// streaming; issue 7).
///
/// The bounds of `XLSXPackage` hold while streaming: output is counted against `budget` as it
/// is produced, the CRC-32 is computed as bytes go by and checked when the last ones are
/// produced (before they are handed out), and compressed bytes that run out before the
/// deflate stream ends are reported, never waited on. After a failure `pull` returns -1 and
/// `failure` says why.
///
/// ```swift
/// let stream = try package.stream("xl/worksheets/sheet1.xml")
/// let reader = XMLPullReader { buffer in stream.pull(buffer) }
/// ```
final class XLSXPartStream {
  /// The entry streamed.
  let entry: ZipDirectory.Entry
  /// The most uncompressed bytes the part may have (its share of `ReadLimits`).
  let budget: Int
  /// Counts and scans what is handed to the XML reader (`ReadBudget`).
  let readBudget: ReadBudget
  /// Whether the bytes handed out count towards `readBudget` (they are always scanned).
  var countsTowardBudget = true
  /// Whether these bytes were scanned before, from the same state, with nothing found
  /// (`ReadBudget.consume(rescanning:)`); implies `countsTowardBudget == false`.
  var rescansCleanly = false
  /// Uncompressed bytes produced so far.
  private(set) var produced = 0
  /// Why the part stopped, if it did.
  private(set) var failure: XLSXPackage.Failure?
  /// Whether every byte was produced and the CRC-32 matched.
  private(set) var isComplete = false
  /// The XML reader was given the end of the document early, after a comment libxml2 would
  /// report without end (`ReadBudget.consume(xml:)`); `drain()` still checks the rest.
  private var endedForReader = false

  /// The zip, read at offsets.
  private let file: any RandomAccessBytes
  /// The next compressed (or stored) byte not yet consumed.
  private var position: Int
  /// Compressed bytes read from the file and not yet given to zlib: `input[inputStart..<
  /// inputEnd]`, which are the file's bytes from `position` on.
  private let input: UnsafeMutableRawBufferPointer
  private var inputStart = 0
  private var inputEnd = 0
  private var checksum: UInt = 0
  /// zlib's state for a deflated entry. On the heap: zlib keeps a pointer back to it and
  /// refuses a stream that has moved.
  private let inflater: UnsafeMutablePointer<z_stream>?
  /// Produced bytes not yet handed out: `pending[start..<end]`.
  private let pending: UnsafeMutableRawBufferPointer
  private var start = 0
  private var end = 0

  /// How much is inflated (or sliced) at a time: large enough that zlib runs its fast loop,
  /// small enough not to matter.
  static let chunkSize = 1 << 16

  /// Streams `entry` of the zip in `file`; `entry.method` must be 0 or 8 and its
  /// `dataRange` inside `file` (`ZipDirectory` checks it).
  init(file: any RandomAccessBytes, entry: ZipDirectory.Entry, budget: Int, readBudget: ReadBudget) {
    self.file = file
    self.entry = entry
    self.budget = budget
    self.readBudget = readBudget
    self.position = entry.dataRange.lowerBound
    pending = .allocate(byteCount: Self.chunkSize, alignment: 1)
    input = .allocate(byteCount: entry.method == 8 ? Self.chunkSize : 0, alignment: 1)
    if entry.method == 8 {
      let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
      stream.initialize(to: z_stream())
      inflater = stream
      if khuyencong_inflateInitRaw(stream) != Z_OK {
        failure = .damaged("the compressed data could not be inflated")
      }
    } else {
      inflater = nil
    }
  }

  deinit {
    if let inflater {
      inflateEnd(inflater)
      inflater.deinitialize(count: 1)
      inflater.deallocate()
    }
    pending.deallocate()
    input.deallocate()
  }

  /// A fresh stream over the same entry, from its first byte, under the same budget: the
  /// second pass over a worksheet.
  func restarted() -> XLSXPartStream {
    XLSXPartStream(file: file, entry: entry, budget: budget, readBudget: readBudget)
  }

  /// Fills `buffer` with the next bytes of the part (the `XMLPullReader` pull contract).
  /// - Returns: the number of bytes written, 0 at the end of the part, -1 after a failure.
  func pull(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    if endedForReader { return 0 }
    while start == end {
      guard failure == nil else { return -1 }
      if isComplete { return 0 }
      produce()
    }
    guard failure == nil else { return -1 }
    let count = min(buffer.count, end - start)
    guard count > 0, let target = buffer.baseAddress, let source = pending.baseAddress else {
      return 0
    }
    // Scanned before libxml2 sees the bytes (attributes per element, broken comments), and
    // stopped once a reading budget is spent.
    let chunk = UnsafeRawBufferPointer(start: source + start, count: count)
    let consumed =
      rescansCleanly
      ? readBudget.consume(rescanning: chunk) : readBudget.consume(xml: chunk, counted: countsTowardBudget)
    guard let feed = consumed else {
      return -1
    }
    if feed < count { endedForReader = true }
    target.copyMemory(from: source + start, byteCount: feed)
    start += count
    return feed
  }

  /// Produces and drops the rest of the part, so that its size limit, its compressed data
  /// and its CRC-32 are checked even where the XML reader stopped early.
  func drain() {
    while failure == nil && !isComplete {
      start = end
      produce()
      // Inflating is work too: damaged data that inflates to 200 MB of garbage must stop at
      // the file's inflation allowance (found by fuzzing: 13 KB, 15 s).
      guard readBudget.inflated(count: end - start) else { break }
    }
    start = end
  }

  /// Produces the next chunk into `pending`, or completes, or fails.
  private func produce() {
    start = 0
    end = 0
    if let inflater {
      inflate(inflater)
    } else {
      slice()
    }
  }

  /// A stored entry: the next slice of the zip's bytes.
  private func slice() {
    let count = min(Self.chunkSize, entry.dataRange.upperBound - position)
    guard count > 0 else {
      finish()
      return
    }
    guard count <= budget - produced else {
      failure = .tooLarge(limit: budget)
      return
    }
    guard fill(UnsafeMutableRawBufferPointer(rebasing: pending[0..<count]), else: "data cut short")
    else { return }
    position += count
    accept(count)
    if position == entry.dataRange.upperBound { finish() }
  }

  /// Reads the next compressed bytes of the entry into `input` once zlib has taken all it
  /// had; `false` after a failure.
  private func refill() -> Bool {
    guard inputStart == inputEnd, position < entry.dataRange.upperBound else { return true }
    let count = min(input.count, entry.dataRange.upperBound - position)
    guard
      fill(UnsafeMutableRawBufferPointer(rebasing: input[0..<count]), else: "compressed data cut short")
    else { return false }
    inputStart = 0
    inputEnd = count
    return true
  }

  /// Fills `buffer` with the file's bytes from `position`; on a read error, or fewer bytes than
  /// asked (the file was cut short after its directory was read), sets `failure` (`cutShort` for
  /// the latter) and returns `false`.
  private func fill(_ buffer: UnsafeMutableRawBufferPointer, else cutShort: String) -> Bool {
    let read: Int
    do {
      read = try file.read(at: position, into: buffer)
    } catch {
      failure = .damaged(error.reason)
      return false
    }
    guard read == buffer.count else {
      failure = .damaged(cutShort)
      return false
    }
    return true
  }

  /// A deflated entry: inflates until some output, the end of the stream or an error.
  private func inflate(_ stream: UnsafeMutablePointer<z_stream>) {
    while failure == nil && !isComplete && end == 0 {
      guard refill(),
        let inputBase = input.baseAddress?.assumingMemoryBound(to: UInt8.self),
        let outputBase = pending.baseAddress?.assumingMemoryBound(to: UInt8.self)
      else {
        if failure == nil { failure = .damaged("compressed data damaged") }
        return
      }
      // zlib reads only inside the entry's compressed bytes: a stream that does not end
      // there runs out of input instead of reading the next entry or past the file.
      let next = inputBase + inputStart
      stream.pointee.next_in = next
      stream.pointee.avail_in = UInt32(inputEnd - inputStart)
      stream.pointee.next_out = outputBase
      stream.pointee.avail_out = UInt32(pending.count)
      let status = CZlib.inflate(stream, Z_NO_FLUSH)
      let consumed = stream.pointee.next_in - next
      let made = pending.count - Int(stream.pointee.avail_out)
      // The buffers outlive the call, but zlib must not keep pointers into them.
      stream.pointee.next_in = nil
      stream.pointee.next_out = nil
      inputStart += consumed
      position += consumed
      if made > 0 {
        guard made <= budget - produced else {
          failure = .tooLarge(limit: budget)
          return
        }
        accept(made)
      }
      switch status {
      case Z_STREAM_END:
        finish()
      case Z_OK where made > 0 || consumed > 0:
        continue
      case Z_OK, Z_BUF_ERROR:
        // No progress: zlib wants input the entry does not have (a stream cut short, or
        // one that never ends), or it cannot go on.
        failure = .damaged(
          position == entry.dataRange.upperBound
            ? "compressed data cut short" : "compressed data damaged")
      default:
        failure = .damaged("compressed data damaged")
      }
    }
  }

  /// Makes `pending[0..<count]` available and adds it to the size and the CRC-32.
  private func accept(_ count: Int) {
    if let base = pending.baseAddress?.assumingMemoryBound(to: UInt8.self) {
      checksum = crc32(checksum, base, UInt32(count))
    }
    produced += count
    end = count
  }

  /// The last byte is produced: the part is complete if its CRC-32 is the one recorded.
  private func finish() {
    guard UInt32(truncatingIfNeeded: checksum) == entry.crc32 else {
      failure = .damaged("checksum mismatch")
      return
    }
    isComplete = true
  }
}
