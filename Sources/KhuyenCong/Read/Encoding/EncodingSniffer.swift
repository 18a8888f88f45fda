/// Decides a CSV file's encoding from its first bytes (SPEC §3).
///
/// The order: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); else bytes that are valid UTF-8 are
/// UTF-8; else the file is a Vietnamese 8-bit file, Windows-1258 or TCVN3, and the two
/// readings are scored for how much they look like Vietnamese words (`VietnameseTextScore`).
/// Only a prefix is sniffed (the reader passes the first 64 KiB), so a problem later in the
/// file is found by the decoder, at its place, not by the sniffer.
enum EncodingSniffer {
  /// The encoding of a file whose first bytes are `prefix`; `isWholeFile` says whether the
  /// prefix is all there is (then an incomplete UTF-8 sequence at its end is not excused).
  static func detect(_ prefix: ArraySlice<UInt8>, isWholeFile: Bool) -> TextEncoding {
    if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(bom: true) }
    if prefix.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
    if prefix.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
    if isValidUTF8(prefix, isWholeFile: isWholeFile) { return .utf8(bom: false) }
    // NUL is text in no encoding we accept: binary, or UTF-16 without a BOM. Either way the
    // decoder reports it byte by byte; TCVN3's letters at C0 positions must not win here.
    if prefix.contains(0) { return .windows1258 }
    let windows1258 = VietnameseTextScore.score(prefix) { Windows1258Table.scalar(for: $0) }
    let tcvn3 = VietnameseTextScore.score(prefix) { TCVN3Table.scalar(for: $0) }
    // Windows-1258 is what Excel writes today; TCVN3 must clearly read better to win.
    return tcvn3 > windows1258 ? .tcvn3 : .windows1258
  }

  /// Whether `bytes` are well-formed UTF-8 (a sequence cut by the end of a partial prefix is
  /// accepted: the next chunk completes it).
  static func isValidUTF8(_ bytes: ArraySlice<UInt8>, isWholeFile: Bool) -> Bool {
    var decoder = TextDecoder(encoding: .utf8(bom: false), startOffset: 0)
    var units: [DecodedUnit] = []
    units.reserveCapacity(bytes.count)
    decoder.decode(bytes, into: &units)
    if isWholeFile { decoder.finish(into: &units) }
    // NUL is well-formed UTF-8: a UTF-8 file with a stray NUL stays UTF-8, and the decoder
    // reports the NUL at its cell.
    return !units.contains { unit in
      if case .invalid(_, let bytes) = unit { return bytes != [0] }
      return false
    }
  }
}
