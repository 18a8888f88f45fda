/// SHA-256 (FIPS 180-4), the content hash that identifies a submission in the ledger (SPEC §7).
///
/// Written here rather than taken from apple/swift-crypto: the intake needs one hash, not a
/// cryptography library, and swift-crypto's BoringSSL build would add most of a minute to every
/// clean build and CI run. This is the textbook algorithm, checked against the FIPS 180-4
/// example vectors and a million-byte message in `SHA256Tests`; the hash identifies files, it
/// guards no secret, so constant-time concerns do not apply.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(Array("abc".utf8))
/// hasher.hexDigest()   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19,
  ]
  /// Bytes not yet forming a whole 64-byte block.
  private var pending: [UInt8] = []
  /// Message length so far, in bytes.
  private var length: UInt64 = 0

  /// A hasher with nothing hashed yet.
  public init() { pending.reserveCapacity(64) }

  /// Hashes `bytes` after everything given before.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    // Through a buffer: indexing `Data` byte by byte costs an exclusivity check per byte
    // (10 MB/s; a run hashing 60 MB of inbox spent 5 s here).
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in update(buffer: buffer) }
    if done == nil {
      let copy = Array(bytes)
      copy.withUnsafeBufferPointer { buffer in update(buffer: buffer) }
    }
  }

  private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
    length &+= UInt64(buffer.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, buffer.count)
      pending += buffer[0..<take]
      offset = take
      guard pending.count == 64 else { return }
      let block = pending
      block.withUnsafeBufferPointer { block in compress(block, at: 0) }
      pending.removeAll(keepingCapacity: true)
    }
    while buffer.count - offset >= 64 {
      compress(buffer, at: offset)
      offset += 64
    }
    pending += buffer[offset...]
  }

  /// The 32-byte digest of everything hashed; the hasher is finished after it.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending + [0x80]
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        compress(buffer, at: offset)
        offset += 64
      }
    }
    pending.removeAll()
    return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
  }

  /// The digest as 64 lowercase hexadecimal digits.
  public mutating func hexDigest() -> String {
    Self.hex(finalize())
  }

  /// The hex digest of `bytes`.
  public static func hex(of bytes: some Collection<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.hexDigest()
  }

  /// Lowercase hexadecimal of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the
  /// first 64 primes.
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// The 64-byte block at `offset` of `block`, FIPS 180-4 §6.2.2. The message schedule is
  /// kept in a rolling window of 16 words on the stack.
  private mutating func compress(_ block: UnsafeBufferPointer<UInt8>, at offset: Int) {
    var window = (
      UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
      UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0)
    )
    var a = state[0], b = state[1], c = state[2], d = state[3]
    var e = state[4], f = state[5], g = state[6], h = state[7]
    withUnsafeMutableBytes(of: &window) { raw in
      let w = raw.bindMemory(to: UInt32.self)
      for t in 0..<16 {
        let at = offset + 4 * t
        w[t] =
          UInt32(block[at]) << 24 | UInt32(block[at + 1]) << 16 | UInt32(block[at + 2]) << 8
          | UInt32(block[at + 3])
      }
      Self.k.withUnsafeBufferPointer { k in
        for t in 0..<64 {
          var word = w[t & 15]
          if t >= 16 {
            let w15 = w[(t - 15) & 15]
            let w2 = w[(t - 2) & 15]
            let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
            let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
            word = word &+ s0 &+ w[(t - 7) & 15] &+ s1
            w[t & 15] = word
          }
          let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
          let choose = (e & f) ^ (~e & g)
          let t1 = h &+ s1 &+ choose &+ k[t] &+ word
          let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
          let majority = (a & b) ^ (a & c) ^ (b & c)
          let t2 = s0 &+ majority
          h = g
          g = f
          f = e
          e = d &+ t1
          d = c
          c = b
          b = a
          a = t1 &+ t2
        }
      }
    }
    state[0] &+= a
    state[1] &+= b
    state[2] &+= c
    state[3] &+= d
    state[4] &+= e
    state[5] &+= f
    state[6] &+= g
    state[7] &+= h
  }

  private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
