internal import CLibXML2

/// The parser options and process-wide settings every document is read with.
enum XMLSafety {
  // NONET: a submission must never make us fetch a URL. Without NOENT and DTDLOAD no
  // entity is substituted and no external DTD is read; without HUGE, libxml2 keeps its
  // size (10 MB per text node) and depth (256) limits (SPEC §8, hostile input). NOENT alone
  // would leak local files (`file:` is not "network"), HUGE lets billion-laughs run to
  // gigabytes (NOTES-toolchain, "Hostile XML").
  static let readerOptions = Int32(XML_PARSE_NONET.rawValue)

  /// Installs, once per process, an external entity loader that loads nothing: a second
  /// belt behind refusing DOCTYPEs, should some code path ever ask libxml2 for a URL.
  static let installed: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
  }()

  /// The encoding an XML declaration at the start of `bytes` names, when it is one this
  /// reader refuses: TSCII, where one byte stands for up to four characters and libxml2 2.9.14
  /// with glibc's iconv decodes the same bytes differently from one read to the next (a
  /// 3 000-row document read whole once and cut at its sixth row the next time, more often
  /// with other reads running). Decided: such a document is refused at its first line, the
  /// same way every time, rather than read in a way that changes from run to run. Six other
  /// encodings tried (Windows-1258, ISO-8859-15, KOI8-R, Shift_JIS, BIG5-HKSCS, EUC-JISX0213)
  /// read alike every time; `SpreadsheetMLEncodingTests` keeps Windows-1258 so. `nil` when
  /// there is no declaration or it names another encoding.
  static func unreliableEncoding(declaredIn bytes: UnsafeRawBufferPointer) -> String? {
    var bytes = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard bytes.starts(with: Array("<?xml".utf8)),
      let close = bytes.firstRange(of: Array("?>".utf8)),
      let key = bytes[..<close.lowerBound].firstRange(of: Array("encoding".utf8))
    else { return nil }
    var rest = bytes[key.upperBound..<close.lowerBound].drop {
      $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
    }
    guard rest.first == UInt8(ascii: "=") else { return nil }
    rest = rest.dropFirst().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
      return nil
    }
    let name = String(decoding: rest.dropFirst().prefix { $0 != quote }, as: UTF8.self)
    return unreliableEncodings.contains(name.uppercased()) ? name : nil
  }

  /// Encodings refused by name (as written, in capitals): see `unreliableEncoding`.
  static let unreliableEncodings: Set<String> = ["TSCII", "CSTSCII"]
}
