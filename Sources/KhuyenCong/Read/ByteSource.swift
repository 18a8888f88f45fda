/// Where a reader pulls a file's bytes from, chunk by chunk (STYLE §4).
///
/// The core never opens files: the intake wraps a file descriptor, tests wrap an array and
/// choose the chunk size, so every reader is exercised at chunk sizes 1, 2, 3, 7 and 4096.
public protocol ByteSource {
  /// The next bytes, at most `maxCount` (and at least one unless at the end).
  /// An empty array means the end of the file.
  mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8]
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
}

/// A source that first replays bytes already read (for sniffing), then continues with `base`.
public struct PrefixedSource<Base: ByteSource>: ByteSource {
  private var prefix: [UInt8]
  private var prefixOffset = 0
  private var base: Base

  /// Replays `prefix`, then reads `base`.
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
