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

  /// Open addressing over `2 * maxEntries` slots: the number of the text in each, -1 if none.
  private var slotIDs: [Int32]
  /// The hash of the text in each slot.
  private var slotHashes: [UInt64]
  /// The bytes of the texts kept (as read, before normalisation), one after the other.
  private var bytesKept: [UInt8] = []
  /// Where each text's bytes start in `bytesKept`, and how many there are, by number.
  private var starts: [Int32] = []
  private var lengths: [UInt8] = []
  /// The texts kept, by number (`Cell.textID`): how many texts were kept before each.
  private var texts: [String] = []

  init() {
    slotIDs = Array(repeating: -1, count: 2 * Self.maxEntries)
    slotHashes = Array(repeating: 0, count: 2 * Self.maxEntries)
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
    let mask = slotIDs.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    while case let id = slotIDs[index], id >= 0 {
      if slotHashes[index] == hash, holds(id, bytes) { return (texts[Int(id)], id) }
      index = (index + 1) & mask
    }
    let text = make(bytes)
    guard texts.count < Self.maxEntries else { return (text, nil) }
    let id = Int32(texts.count)
    slotIDs[index] = id
    slotHashes[index] = hash
    starts.append(Int32(bytesKept.count))
    lengths.append(UInt8(bytes.count))
    bytesKept.append(contentsOf: bytes)
    texts.append(text)
    return (text, id)
  }

  /// Whether text `id` was read from `bytes`.
  private func holds(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let number = Int(id)
    guard Int(lengths[number]) == bytes.count else { return false }
    guard let source = bytes.baseAddress else { return true }
    let start = Int(starts[number])
    return bytesKept.withUnsafeBufferPointer { kept in
      guard let base = kept.baseAddress else { return false }
      return memcmp(base + start, source, bytes.count) == 0
    }
  }
}
