/// One step of decoded text: a Unicode scalar, or bytes that do not decode.
///
/// Both payloads are plain values (no array): a CSV file passes through as millions of these,
/// and a unit that needs no reference counting costs nothing to store, copy or switch on.
enum DecodedUnit: Hashable, Sendable {
  /// A decoded scalar.
  case scalar(Unicode.Scalar)
  /// Bytes that are not text in the file's encoding, with the offset of the first one in the
  /// file (counting the BOM), so the diagnostic can say exactly where they are.
  case invalid(offset: Int, bytes: InvalidBytes)
}

/// The one to four bytes of an undecodable sequence (UTF-8's maximal subpart is at most
/// three bytes, a UTF-16 unit two, a single-byte encoding's one), stored inline.
struct InvalidBytes: Hashable, Sendable, Sequence, ExpressibleByArrayLiteral {
  private var storage: UInt32 = 0
  /// How many bytes (0...4).
  private(set) var count: Int = 0

  /// The first four bytes of `bytes`.
  init(_ bytes: some Sequence<UInt8>) {
    for byte in bytes.prefix(4) {
      storage |= UInt32(byte) << (8 * UInt32(count))
      count += 1
    }
  }

  init(arrayLiteral bytes: UInt8...) { self.init(bytes) }

  func makeIterator() -> IndexingIterator<[UInt8]> {
    (0..<count).map { UInt8(truncatingIfNeeded: storage >> (8 * UInt32($0))) }.makeIterator()
  }
}
