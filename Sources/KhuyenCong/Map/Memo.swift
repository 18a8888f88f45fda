import Foundation

/// Answers for repeated inputs, computed once each: a plan repeats its amounts, months,
/// content codes and units from line to line, and reading them again was most of the time
/// spent per line (issue 7).
///
/// Bounded: once `limit` answers are kept, new inputs are computed each time and not kept,
/// so a file of all-different values cannot make it grow.
///
/// An open-addressing table of its own rather than a `Dictionary`: a lookup here happens for
/// nearly every cell, and a `Dictionary` runs `Hasher` (SipHash) on each, which was a tenth of
/// the time of a large CSV even with the key's hash computed once (`MemoKey.memoHash`).
struct Memo<Key: MemoKey, Value> {
  /// The table, as three arrays: a probe reads hashes only (numbers: nothing retained) and
  /// looks at a key only when its hash matches (issue 7: a table of slots copied each slot it
  /// passed, retaining and releasing its key and value).
  /// The hash of the key in each slot, with its lowest bit set; 0 for an empty slot.
  private var hashes: [UInt64] = []
  private var keys: [Key?] = []
  private var values: [Value?] = []
  private var count = 0
  private let limit: Int

  /// An empty memo keeping at most `limit` answers.
  init(limit: Int = 4096) { self.limit = limit }

  /// `compute(key)`, remembered.
  mutating func value(for key: Key, _ compute: (Key) -> Value) -> Value {
    let hash = key.memoHash | 1
    if let known = known(key, hash: hash) { return known }
    let value = compute(key)
    if count < limit { insert(hash: hash, key: key, value: value) }
    return value
  }

  /// What was remembered for `key`, if anything (then `remember` it): for a caller whose
  /// computation would capture more than a closure should copy for every lookup.
  func known(_ key: Key) -> Value? { known(key, hash: key.memoHash | 1) }

  /// Remembers `value` for `key` (not remembered yet), while there is room.
  mutating func remember(_ value: Value, for key: Key) {
    if count < limit { insert(hash: key.memoHash | 1, key: key, value: value) }
  }

  private func known(_ key: Key, hash: UInt64) -> Value? {
    guard !hashes.isEmpty else { return nil }
    let mask = hashes.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    while case let stored = hashes[index], stored != 0 {
      if stored == hash, keys[index] == key, let value = values[index] { return value }
      index = (index + 1) & mask
    }
    return nil
  }

  /// Keeps `value` for `key`, growing the table to stay at most half full.
  private mutating func insert(hash: UInt64, key: Key, value: Value) {
    if (count + 1) * 2 > hashes.count {
      let (oldHashes, oldKeys, oldValues) = (hashes, keys, values)
      let size = max(16, oldHashes.count * 2)
      hashes = Array(repeating: 0, count: size)
      keys = Array(repeating: nil, count: size)
      values = Array(repeating: nil, count: size)
      count = 0
      for index in oldHashes.indices where oldHashes[index] != 0 {
        if let oldKey = oldKeys[index], let oldValue = oldValues[index] {
          place(hash: oldHashes[index], key: oldKey, value: oldValue)
        }
      }
    }
    place(hash: hash, key: key, value: value)
  }

  private mutating func place(hash: UInt64, key: Key, value: Value) {
    let mask = hashes.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    while hashes[index] != 0 { index = (index + 1) & mask }
    hashes[index] = hash
    keys[index] = key
    values[index] = value
    count += 1
  }
}

/// A memo's key: compared with `==`, found by `memoHash`. Keys built from a text hash its
/// bytes once (`TextBytes`); others take their `Hashable` hash.
protocol MemoKey: Equatable {
  var memoHash: UInt64 { get }
}

extension MemoKey where Self: Hashable {
  var memoHash: UInt64 { UInt64(bitPattern: Int64(hashValue)) }
}

extension Memo: Sendable where Key: Sendable, Value: Sendable {}

/// A text as a memo key, hashed and compared by its UTF-8 bytes.
///
/// `String`'s own hashing normalises non-ASCII text first (canonical equivalence), which cost
/// more than some of the answers remembered. By bytes is exact for a memo: two spellings of
/// one text are two entries, each with its own answer.
struct TextBytes: Hashable, Sendable, MemoKey {
  let text: String
  /// A hash of the bytes, computed once (`bytesHash`): the dictionary's own hasher then
  /// mixes eight bytes instead of the whole text, at every lookup and every probe.
  private let bytesHash: UInt64

  init(_ text: String) {
    self.text = text
    self.bytesHash = Self.bytesHash(text)
  }

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.bytesHash == rhs.bytesHash && sameBytes(lhs.text, rhs.text)
  }

  /// Whether two texts have the same UTF-8 bytes (`String`'s `==` compares canonical
  /// equivalence, normalising non-ASCII text that is not known to be NFC).
  static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    let same = lhs.utf8.withContiguousStorageIfAvailable { a in
      rhs.utf8.withContiguousStorageIfAvailable { b in
        guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == b.count }
        return memcmp(x, y, a.count) == 0
      }
    }
    return (same ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
  }

  func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }

  /// The hash of the bytes, for `Memo`.
  var memoHash: UInt64 { bytesHash }

  /// Mixes `other` into `hash`, for keys made of several parts.
  static func mix(_ hash: UInt64, _ other: UInt64) -> UInt64 {
    let mixed = (hash ^ other) &* 0x9E37_79B9_7F4A_7C15
    return mixed ^ (mixed >> 31)
  }

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

  /// The seeded hash of `bytes` (as a text's, for the readers' `TextInterner` too).
  static func bytesHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = seed ^ UInt64(bytes.count)
    let raw = UnsafeRawBufferPointer(bytes)
    var offset = 0
    while offset + 8 <= raw.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    // The last bytes in at most two reads (overlapping what came before, or each other),
    // not one by one: most cell texts are shorter than eight bytes. The count is in the seed.
    let count = raw.count
    var tail: UInt64 = 0
    if offset < count {
      if count >= 8 {
        tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      } else if count >= 4 {
        tail =
          UInt64(raw.loadUnaligned(as: UInt32.self))
          | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
      } else {
        tail = UInt64(raw[0]) | UInt64(raw[count / 2]) << 8 | UInt64(raw[count - 1]) << 16
      }
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }
}
