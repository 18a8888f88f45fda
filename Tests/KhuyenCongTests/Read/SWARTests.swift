import Testing

@testable import KhuyenCong

/// The eight-bytes-at-once tests the CSV reader scans with give what testing each byte gives.
@Suite("Read: byte tests eight at a time")
struct SWARTests {
  /// Words made of bytes the readers care about (specials, spaces, ASCII, lead and continuation
  /// bytes, zero), from a fixed seed.
  static let words: [UInt64] = {
    let interesting: [UInt8] = [
      0, 1, 0x09, 0x0A, 0x0D, 0x20, 0x21, 0x22, 0x2C, 0x3B, 0x41, 0x7F, 0x80, 0xBF, 0xC3, 0xE1, 0xFF,
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<20_000).map { _ in
      var word: UInt64 = 0
      for lane in 0..<8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let byte = interesting[Int(state >> 33) % interesting.count]
        word |= UInt64(byte) << (8 * lane)
      }
      return word
    }
  }()

  static func lanes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }

  @Test("the first zero lane, and whether there is one")
  func zeroBytes() {
    for word in Self.words {
      let expected = Self.lanes(word).firstIndex(of: 0)
      let mask = SWAR.zeroBytes(word)
      #expect((mask == 0 ? nil : SWAR.firstLane(mask)) == expected)
    }
  }

  @Test("the first lane equal to a byte, through the broadcast")
  func firstEqual() {
    for word in Self.words {
      for byte: UInt8 in [0x22, 0x2C, 0x0A, 0x0D] {
        let mask = SWAR.zeroBytes(word ^ SWAR.broadcast(byte))
        #expect((mask == 0 ? nil : SWAR.firstLane(mask)) == Self.lanes(word).firstIndex(of: byte))
      }
    }
  }

  @Test("continuation bytes counted")
  func continuations() {
    for word in Self.words {
      #expect(SWAR.continuationCount(word) == Self.lanes(word).filter { $0 & 0xC0 == 0x80 }.count)
    }
  }
}
