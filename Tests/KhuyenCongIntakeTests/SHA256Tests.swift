import Foundation
import Testing
@testable import KhuyenCongIntake

@Suite("SHA-256")
struct SHA256Tests {
  /// FIPS 180-4 examples (NIST CSRC "Examples with intermediate values", SHA-256) and the
  /// empty message.
  @Test(
    "gives the FIPS 180-4 example digests",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func fipsVectors(message: String, digest: String) {
    #expect(SHA256.hex(of: Array(message.utf8)) == digest)
  }

  @Test("hashes one million 'a' as FIPS 180-4 says")
  func millionA() {
    #expect(
      SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("gives the same digest whatever the chunk sizes", arguments: [1, 3, 55, 56, 63, 64, 65, 1000])
  func chunks(size: Int) {
    let bytes = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var hasher = SHA256()
    var offset = 0
    while offset < bytes.count {
      hasher.update(bytes[offset..<min(offset + size, bytes.count)])
      offset += size
    }
    #expect(hasher.hexDigest() == SHA256.hex(of: bytes))
  }

  @Test("gives the same digest for an array, Data and a collection that is not contiguous")
  func collections() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }
    let expected = SHA256.hex(of: bytes)
    #expect(SHA256.hex(of: Data(bytes)) == expected)
    #expect(SHA256.hex(of: bytes.lazy.map { $0 }) == expected)
    #expect(SHA256.hex(of: Data(bytes)[100...]) == SHA256.hex(of: bytes[100...]))
  }
}
