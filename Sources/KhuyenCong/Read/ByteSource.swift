/// Where a reader pulls a file's bytes from, chunk by chunk (STYLE §4).
///
/// The core never opens files: the intake wraps a file descriptor, tests wrap an array and
/// choose the chunk size, so every reader is exercised at chunk sizes 1, 2, 3, 7 and 4096.
public protocol ByteSource {
  /// The next bytes, at most `maxCount` (and at least one unless at the end).
  /// An empty array means the end of the file.
  mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8]

  /// The same bytes read at any offset, when the source allows it (a regular file, bytes in
  /// memory); `nil` by default. A zip needs random access: with it the xlsx reader reads the
  /// directory and each part's compressed bytes where they lie instead of holding the whole
  /// file (issue 7).
  func randomAccess() -> (any RandomAccessBytes)?
}

extension ByteSource {
  public func randomAccess() -> (any RandomAccessBytes)? { nil }
}

/// Bytes read at offsets, the file's size known up front.
public protocol RandomAccessBytes {
  /// The number of bytes.
  var count: Int { get }
  /// Copies the bytes at `offset` into `buffer`, as many as fit.
  /// - Returns: how many were copied: fewer than `buffer.count` only at the end (or when the
  ///   file was cut short while read).
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError)
    -> Int
}

extension RandomAccessBytes {
  /// The bytes `offset..<offset + count`, fewer when they run past the end.
  func bytes(at offset: Int, count: Int) throws(ByteSourceError) -> [UInt8] {
    guard offset >= 0, count > 0, offset < self.count else { return [] }
    let wanted = min(count, self.count - offset)
    var failure: ByteSourceError?
    let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
      do throws(ByteSourceError) {
        initialized = try read(at: offset, into: UnsafeMutableRawBufferPointer(buffer))
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw failure }
    return bytes
  }
}

/// Bytes in memory read at offsets.
struct MemoryBytes: RandomAccessBytes {
  let bytes: [UInt8]

  var count: Int { bytes.count }

  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard offset >= 0, offset < bytes.count else { return 0 }
    let copied = min(buffer.count, bytes.count - offset)
    bytes.withUnsafeBytes { all in
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + copied]))
    }
    return copied
  }
}

/// Why bytes could not be read (an I/O failure of the program, not a district's error).
public struct ByteSourceError: Error, Hashable, Sendable {
  public var reason: String
  public init(reason: String) { self.reason = reason }
}

/// Bytes held in memory, delivered in chunks of at most `chunkSize`.
public struct MemorySource: ByteSource {
  private let bytes: [UInt8]
  private var offset = 0
  private let chunkSize: Int

  /// Wraps `bytes`; `chunkSize` limits every read (tests use tiny ones).
  public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  public mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
    let end = min(bytes.count, offset + min(maxCount, chunkSize))
    defer { offset = end }
    return Array(bytes[offset..<end])
  }

  public func randomAccess() -> (any RandomAccessBytes)? { MemoryBytes(bytes: bytes) }
}

/// A source that first replays bytes already read (for sniffing), then continues with `base`.
public struct PrefixedSource<Base: ByteSource>: ByteSource {
  private var prefix: [UInt8]
  private var prefixOffset = 0
  private var base: Base

  /// Replays `prefix`, then reads `base`. `prefix` must be the first bytes read from `base`
  /// (what the sniffer read): `randomAccess()` gives the base's bytes, the prefix included.
  public init(prefix: [UInt8], base: Base) {
    self.prefix = prefix
    self.base = base
  }

  public mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
    if prefixOffset < prefix.count {
      let end = min(prefix.count, prefixOffset + maxCount)
      defer { prefixOffset = end }
      return Array(prefix[prefixOffset..<end])
    }
    return try base.read(maxCount: maxCount)
  }

  /// The base's: the prefix is its first bytes, replayed.
  public func randomAccess() -> (any RandomAccessBytes)? { base.randomAccess() }
}

extension ByteSource {
  /// Reads everything, refusing more than `limit` bytes: `nil` when the file is larger.
  public mutating func readAll(limit: Int) throws(ByteSourceError) -> [UInt8]? {
    var all: [UInt8] = []
    while true {
      let chunk = try read(maxCount: 1 << 16)
      if chunk.isEmpty { return all }
      all.append(contentsOf: chunk)
      if all.count > limit { return nil }
    }
  }
}

/// Bytes read at offsets, delivered in order from the first as a `ByteSource` (a second read
/// of a file from its start: `SpreadsheetMLReader` reading again after its fast way met a
/// problem).
struct RandomAccessSource: ByteSource {
  private let bytes: any RandomAccessBytes
  private var offset = 0

  init(_ bytes: any RandomAccessBytes) { self.bytes = bytes }

  mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
    let chunk = try bytes.bytes(at: offset, count: maxCount)
    offset += chunk.count
    return chunk
  }

  func randomAccess() -> (any RandomAccessBytes)? { bytes }
}
