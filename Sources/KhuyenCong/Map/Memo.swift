import Foundation

/// Answers for repeated inputs, computed once each: a plan repeats its amounts, months,
/// content codes and units from line to line, and reading them again was most of the time
/// spent per line (issue 7).
///
/// Bounded: once `limit` answers are kept, new inputs are computed each time and not kept,
/// so a file of all-different values cannot make it grow.
struct Memo<Key: Hashable, Value> {
  private var known: [Key: Value] = [:]
  private let limit: Int

  /// An empty memo keeping at most `limit` answers.
  init(limit: Int = 4096) { self.limit = limit }

  /// `compute(key)`, remembered.
  mutating func value(for key: Key, _ compute: (Key) -> Value) -> Value {
    if let value = known[key] { return value }
    let value = compute(key)
    if known.count < limit { known[key] = value }
    return value
  }
}

extension Memo: Sendable where Key: Sendable, Value: Sendable {}

/// A text as a memo key, hashed and compared by its UTF-8 bytes.
///
/// `String`'s own hashing normalises non-ASCII text first (canonical equivalence), which cost
/// more than some of the answers remembered. By bytes is exact for a memo: two spellings of
/// one text are two entries, each with its own answer.
struct TextBytes: Hashable, Sendable {
  let text: String
  /// A hash of the bytes, computed once (`bytesHash`): the dictionary's own hasher then
  /// mixes eight bytes instead of the whole text, at every lookup and every probe.
  private let bytesHash: UInt64

  init(_ text: String) {
    self.text = text
    self.bytesHash = Self.bytesHash(text)
  }

  static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.bytesHash == rhs.bytesHash, lhs.text.utf8.count == rhs.text.utf8.count else { return false }
    let same = lhs.text.utf8.withContiguousStorageIfAvailable { a in
      rhs.text.utf8.withContiguousStorageIfAvailable { b in
        guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == b.count }
        return memcmp(x, y, a.count) == 0
      }
    }
    return (same ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
  }

  func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }

  /// A fast, non-cryptographic hash of `text`'s UTF-8 bytes, eight at a time. Seeded at random
  /// for each process, as `Hasher` is: a memo's keys come from the file, and a sender who could
  /// predict the hash could make thousands of texts collide and every lookup slow (issue 9).
  /// Collisions cost time, never correctness.
  private static let seed = UInt64.random(in: .min ... .max) | 1

  private static func bytesHash(_ text: String) -> UInt64 {
    // Native strings are contiguous UTF-8; any other is copied first, to hash the same.
    text.utf8.withContiguousStorageIfAvailable(bytesHash)
      ?? Array(text.utf8).withUnsafeBufferPointer(bytesHash)
  }

  private static func bytesHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = seed ^ UInt64(bytes.count)
    let raw = UnsafeRawBufferPointer(bytes)
    var offset = 0
    while offset + 8 <= raw.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < raw.count {
      tail |= UInt64(raw[offset]) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }
}
