/// Where a writer's bytes go, in order: memory here (`MemorySink`), a file in the intake (a
/// temporary file renamed when complete). Writers stream into one, so no output is ever one
/// string in memory (SPEC §8).
///
/// A sink that fails (a full disk) keeps its first error and ignores what follows; its owner
/// asks it once the writer is done, so writers need not throw.
public protocol ByteSink {
  /// Appends `bytes`.
  mutating func write(_ bytes: UnsafeRawBufferPointer)
}

/// A sink that keeps every byte in memory: for tests, and for outputs known to be small.
public struct MemorySink: ByteSink {
  /// What was written.
  public private(set) var bytes: [UInt8] = []

  /// An empty sink.
  public init() {}

  public mutating func write(_ bytes: UnsafeRawBufferPointer) {
    self.bytes.append(contentsOf: bytes)
  }
}

/// Something text can be appended to: a `String`, or a `TextOutput` that hands its text to a
/// sink in chunks. Writers take any of them, so one serialiser serves both.
protocol TextOut {
  static func += (lhs: inout Self, rhs: String)
}

extension String: TextOut {}

/// Text for a `ByteSink`, gathered into chunks of about 64 KiB (UTF-8).
///
/// The chunk is bytes, not a `String`: appending to a `String` checks where its characters
/// break at every join, which was most of the writers' time (a 140 000-line plan's JSON took
/// 245 000 instructions a line); the bytes are the same.
struct TextOutput<Sink: ByteSink>: TextOut {
  private(set) var sink: Sink
  private var buffer: [UInt8] = []
  private static var chunk: Int { 1 << 16 }

  /// Text into `sink`; `finish()` gives the sink back.
  init(_ sink: Sink) {
    self.sink = sink
    buffer.reserveCapacity(Self.chunk + 4096)
  }

  static func += (lhs: inout Self, rhs: String) {
    // One copy of the contiguous bytes (`append(contentsOf: rhs.utf8)` went byte by byte).
    var rhs = rhs
    rhs.withUTF8 { lhs.buffer.append(contentsOf: $0) }
    if lhs.buffer.count >= Self.chunk { lhs.flush() }
  }

  /// Appends raw bytes (a byte order mark) after the text so far.
  mutating func write(bytes: [UInt8]) {
    flush()
    bytes.withUnsafeBytes { sink.write($0) }
  }

  /// Hands the text so far to the sink.
  mutating func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { sink.write($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, and gives the sink back.
  mutating func finish() -> Sink {
    flush()
    return sink
  }
}

extension String {
  /// Whether any of the text's UTF-8 bytes passes `test`, tested over its bytes in place: a
  /// loop over `utf8` goes index by index (18 instructions a byte in the writers' profile,
  /// where every text written is tested for what it must escape).
  func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
    var text = self
    return text.withUTF8 { $0.contains(where: test) }
  }
}
