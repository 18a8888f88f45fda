internal import CZlib

/// The producing half of `XLSXPartStream`: the bytes of one zip entry, a chunk at a time, a
/// stored entry sliced from the zip and a deflated one inflated by zlib, with the entry's
/// size limit and CRC-32 checked as they are produced.
///
/// Used by one thread at a time: the stream's own (`XLSXPartStream.produce`), or the thread
/// inflating ahead of it (`XLSXInflateAhead`), never both.
final class XLSXPartInflater {
  /// The entry produced.
  let entry: ZipDirectory.Entry
  /// The most uncompressed bytes the part may have.
  let budget: Int
  /// Uncompressed bytes produced so far.
  private(set) var produced = 0
  /// Why the part stopped, if it did.
  private(set) var failure: XLSXPackage.Failure?
  /// Whether every byte was produced and the CRC-32 matched.
  private(set) var isComplete = false

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

  /// How much is inflated (or sliced) at a time: large enough that zlib runs its fast loop,
  /// small enough not to matter.
  static let chunkSize = 1 << 16

  /// Produces `entry` of the zip in `file`; `entry.method` must be 0 or 8 and its
  /// `dataRange` inside `file` (`ZipDirectory` checks it).
  init(file: any RandomAccessBytes, entry: ZipDirectory.Entry, budget: Int) {
    self.file = file
    self.entry = entry
    self.budget = budget
    self.position = entry.dataRange.lowerBound
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
    input.deallocate()
  }

  /// Produces the next chunk into `output` (`chunkSize` bytes) and returns its size: some
  /// bytes, or none when the part completes or fails (`isComplete`, `failure`). A chunk may
  /// come with a failure found just after it (the CRC-32 of the last bytes, a size over the
  /// limit): its bytes must then not be handed out.
  func produce(into output: UnsafeMutableRawBufferPointer) -> Int {
    guard failure == nil, !isComplete else { return 0 }
    if let inflater { return inflate(inflater, into: output) }
    return slice(into: output)
  }

  /// A stored entry: the next slice of the zip's bytes.
  private func slice(into output: UnsafeMutableRawBufferPointer) -> Int {
    let count = min(Self.chunkSize, entry.dataRange.upperBound - position)
    guard count > 0 else {
      finish()
      return 0
    }
    guard count <= budget - produced else {
      failure = .tooLarge(limit: budget)
      return 0
    }
    guard fill(UnsafeMutableRawBufferPointer(rebasing: output[0..<count]), else: "data cut short")
    else { return 0 }
    position += count
    accept(output, count)
    if position == entry.dataRange.upperBound { finish() }
    return count
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
  private func inflate(
    _ stream: UnsafeMutablePointer<z_stream>, into output: UnsafeMutableRawBufferPointer
  ) -> Int {
    var end = 0
    while failure == nil && !isComplete && end == 0 {
      guard refill(),
        let inputBase = input.baseAddress?.assumingMemoryBound(to: UInt8.self),
        let outputBase = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
      else {
        if failure == nil { failure = .damaged("compressed data damaged") }
        return 0
      }
      // zlib reads only inside the entry's compressed bytes: a stream that does not end
      // there runs out of input instead of reading the next entry or past the file.
      let next = inputBase + inputStart
      stream.pointee.next_in = next
      stream.pointee.avail_in = UInt32(inputEnd - inputStart)
      stream.pointee.next_out = outputBase
      stream.pointee.avail_out = UInt32(output.count)
      let status = CZlib.inflate(stream, Z_NO_FLUSH)
      let consumed = stream.pointee.next_in - next
      let made = output.count - Int(stream.pointee.avail_out)
      // The buffers outlive the call, but zlib must not keep pointers into them.
      stream.pointee.next_in = nil
      stream.pointee.next_out = nil
      inputStart += consumed
      position += consumed
      if made > 0 {
        guard made <= budget - produced else {
          failure = .tooLarge(limit: budget)
          return 0
        }
        accept(output, made)
        end = made
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
    return end
  }

  /// Adds `output[0..<count]` to the size and the CRC-32.
  private func accept(_ output: UnsafeMutableRawBufferPointer, _ count: Int) {
    if let base = output.baseAddress?.assumingMemoryBound(to: UInt8.self) {
      checksum = crc32(checksum, base, UInt32(count))
    }
    produced += count
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
