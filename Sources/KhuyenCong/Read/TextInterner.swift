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
  }

  init() {
    slots = Array(repeating: nil, count: 2 * Self.maxEntries)
  }

  /// The text kept for `bytes`, or `make(bytes)` (then kept, when there is room).
  mutating func text(for bytes: [UInt8], make: ([UInt8]) -> String) -> String {
    guard bytes.count <= Self.maxBytes else { return make(bytes) }
    // FNV-1a: short keys, no need for more.
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while let slot = slots[index] {
      if slot.hash == hash, slot.source == bytes {
        return slot.text
      }
      index = (index + 1) & mask
    }
    let text = make(bytes)
    if count < Self.maxEntries {
      slots[index] = Slot(hash: hash, source: bytes, text: text)
      count += 1
    }
    return text
  }
}
