/// One step of decoded text: a Unicode scalar, or bytes that do not decode.
enum DecodedUnit: Hashable, Sendable {
  /// A decoded scalar.
  case scalar(Unicode.Scalar)
  /// Bytes that are not text in the file's encoding, with the offset of the first one in the
  /// file (counting the BOM), so the diagnostic can say exactly where they are.
  case invalid(offset: Int, bytes: [UInt8])
}
