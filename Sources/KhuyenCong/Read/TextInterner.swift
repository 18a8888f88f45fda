/// One `String` per distinct short cell text of a file: a plan repeats its district, commune,
/// unit, content code and implementer on every line, and each repetition then shares the
/// first one's storage (memory) and skips decoding and normalisation (time).
///
/// Looked up by the cell's bytes, before any `String` is made. Bounded: texts longer than
/// `maxBytes` (an activity's description, unique per line) are not kept, and once `maxEntries`
/// texts are kept no more are added, so a hostile file cannot make the table grow.
struct TextInterner {
  static let maxBytes = 64
  static let maxEntries = 4096

  private var slots: [Slot?]
  private var count = 0

  private struct Slot {
    var hash: UInt64
    /// The cell's bytes as read (before normalisation).
    var source: [UInt8]
    var text: String
    /// The text's number (`Cell.textID`): how many texts were kept before it.
    var id: Int32
  }

  init() {
    slots = Array(repeating: nil, count: 2 * Self.maxEntries)
  }

  /// The text kept for `bytes`, or `make(bytes)` (then kept, when there is room), with its
  /// number among the texts kept (`Cell.textID`; `nil` when it is not kept). `make` must give
  /// the same text for the same bytes: the number stands for the text.
  mutating func text(for bytes: [UInt8], make: ([UInt8]) -> String) -> (text: String, id: Int32?) {
    guard bytes.count <= Self.maxBytes else { return (make(bytes), nil) }
    // Seeded per process, as `Memo`'s keys are: cell texts come from the sender, who must not
    // be able to make them all land in one run of slots.
    let hash = bytes.withUnsafeBufferPointer(TextBytes.bytesHash)
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    while let slot = slots[index] {
      if slot.hash == hash, slot.source == bytes {
        return (slot.text, slot.id)
      }
      index = (index + 1) & mask
    }
    let text = make(bytes)
    guard count < Self.maxEntries else { return (text, nil) }
    let id = Int32(count)
    slots[index] = Slot(hash: hash, source: bytes, text: text, id: id)
    count += 1
    return (text, id)
  }
}
