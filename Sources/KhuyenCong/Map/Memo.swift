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

  init(_ text: String) { self.text = text }

  static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
    var left = lhs.text
    var right = rhs.text
    return left.withUTF8 { a in
      right.withUTF8 { b in
        guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == b.count }
        return memcmp(x, y, a.count) == 0
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    var text = self.text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
