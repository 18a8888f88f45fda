import Foundation

/// One `String` per distinct short cell text of a file: a plan repeats its district, commune,
/// unit, content code and implementer on every line, and each repetition then shares the
/// first one's storage (memory) and skips decoding and normalisation (time).
///
/// Looked up by the cell's bytes, before any `String` is made. Bounded: texts longer than
/// `maxBytes` (an activity's description, unique per line) are not kept, and once `maxEntries`
/// texts are kept no more are added, so a hostile file cannot make the table grow.
///
/// The table holds plain numbers, and the bytes of the texts kept lie one after the other in
/// one array: a lookup copies no array and retains nothing but the text it returns (issue 7:
/// a table of slots holding arrays and strings cost a retain and a release of each at every
/// probe, and compared bytes one by one).
struct TextInterner {
  static let maxBytes = 64
  static let maxEntries = 4096

  /// A place of the table: the number of the text in it (-1 if none) and the text's hash, side
  /// by side so that a probe reads one cache line and checks one bound.
  private struct Slot {
    var hash: UInt64 = 0
    var id: Int32 = -1
  }

  /// Where a text's bytes lie in `bytesKept`.
  private struct Span {
    var start: Int32
    var length: Int32
  }

  /// Open addressing over `2 * maxEntries` slots.
  private var slots: [Slot]
  /// The bytes of the texts kept (as read, before normalisation), one after the other.
  private var bytesKept: [UInt8] = []
  /// Where each text's bytes are in `bytesKept`, by number.
  private var spans: [Span] = []
  /// The texts kept, by number (`Cell.textID`): how many texts were kept before each.
  private var texts: [String] = []

  init() {
    slots = Array(repeating: Slot(), count: 2 * Self.maxEntries)
  }

  /// The text kept for `bytes`, or `make(bytes)` (then kept, when there is room), with its
  /// number among the texts kept (`Cell.textID`; `nil` when it is not kept). `make` must give
  /// the same text for the same bytes: the number stands for the text.
  mutating func text(for bytes: [UInt8], make: ([UInt8]) -> String) -> (text: String, id: Int32?) {
    bytes.withUnsafeBufferPointer { buffer in text(for: buffer) { _ in make(bytes) } }
  }

  /// `text(for:make:)` of bytes in a buffer.
  mutating func text(
    for bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String
  ) -> (text: String, id: Int32?) {
    guard bytes.count <= Self.maxBytes else { return (make(bytes), nil) }
    // Seeded per process, as `Memo`'s keys are: cell texts come from the sender, who must not
    // be able to make them all land in one run of slots.
    let hash = TextBytes.bytesHash(bytes)
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    while case let slot = slots[index], slot.id >= 0 {
      if slot.hash == hash, holds(slot.id, bytes) { return (texts[Int(slot.id)], slot.id) }
      index = (index &+ 1) & mask
    }
    let text = make(bytes)
    guard texts.count < Self.maxEntries else { return (text, nil) }
    let id = Int32(texts.count)
    slots[index] = Slot(hash: hash, id: id)
    spans.append(Span(start: Int32(bytesKept.count), length: Int32(bytes.count)))
    bytesKept.append(contentsOf: bytes)
    texts.append(text)
    return (text, id)
  }

  /// Whether text `id` was read from `bytes`.
  private func holds(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let span = spans[Int(id)]
    guard Int(span.length) == bytes.count else { return false }
    guard let source = bytes.baseAddress else { return true }
    return bytesKept.withUnsafeBufferPointer { kept in
      guard let base = kept.baseAddress else { return false }
      return memcmp(base + Int(span.start), source, bytes.count) == 0
    }
  }
}
