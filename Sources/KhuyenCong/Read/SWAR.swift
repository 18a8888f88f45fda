/// Byte tests on eight bytes at once, in one `UInt64` read little-endian (SIMD within a
/// register): the CSV reader's scan for its special bytes and the UTF-8 check of its input run
/// at a fraction of a byte-by-byte loop's instructions (issue 7).
///
/// Written by hand: the standard library's SIMD types do not give a byte mask's first set lane
/// cheaply, and these three formulas are all the readers need.
enum SWAR {
  /// `byte` in each of the eight lanes.
  @inline(__always)
  static func broadcast(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

  /// The high bit of each lane of `word` that holds 0. Exact for the lowest such lane; a lane
  /// above a zero lane may be marked too (the borrow of the subtraction), so only "any" and
  /// "the first" may be asked of the result.
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }

  /// How many lanes of `word` are UTF-8 continuation bytes (`10xxxxxx`).
  @inline(__always)
  static func continuationCount(_ word: UInt64) -> Int {
    (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
  }

  /// The index of the lane that the lowest set bit of a nonzero `mask` is in.
  @inline(__always)
  static func firstLane(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }
}
