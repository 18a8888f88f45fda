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

/// The UTF-8 the CSV reader passes over without decoding is exactly what Swift's own decoder
/// reads as whole scalars other than U+0000, whatever the bytes.
@Suite("Read: the valid UTF-8 prefix")
struct ValidUTF8PrefixTests {
  /// The bytes before the first ill-formed or cut sequence or U+0000, by Swift's parser.
  static func reference(_ bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var length = 0
    while case .valid(let encoded) = parser.parseScalar(from: &iterator) {
      if UTF8.decode(encoded) == "\0" { break }
      length += encoded.count
    }
    return length
  }

  @Test("random bytes around every lead byte: the same prefix as Swift's decoder")
  func sameAsSwift() {
    // Every lead byte and its edges, continuation bytes at their limits, ASCII and zero.
    let interesting: [UInt8] = [
      0, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xCB, 0xDF,
      0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<50_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let count = Int(state >> 60)
      let bytes = (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        // Half ASCII letters (runs the eight-byte step skips), half the bytes above.
        return state >> 63 == 0
          ? UInt8(0x61 + (state >> 40) % 26) : interesting[Int(state >> 33) % interesting.count]
      }
      let found = bytes.withUnsafeBufferPointer { TextDecoder.validUTF8Prefix($0) }
      let expected = Self.reference(bytes)
      #expect(found == expected, "\(bytes.map { String($0, radix: 16) })")
      if found != expected { return }  // one case shown, not thousands
    }
  }
}
