import Foundation
import KhuyenCongXML

/// Runs libxml2's streaming reader (`XMLPullReader`, hostile-input safe) over one part.
enum XLSXPartParser {
  /// Calls `setUp` once with the reader (to intern names), then `visit` on every node;
  /// throws `xml.malformed` naming the part if libxml2 stops on an error.
  static func parse<State>(
    _ bytes: [UInt8], part: String, file: String, sheet: String? = nil,
    setUp: (XMLPullReader) -> State, visit: (XMLPullReader, inout State) -> Void
  ) throws(XLSXFailure) -> State {
    let reader = XMLPullReader(bytes: bytes)
    var state = setUp(reader)
    while reader.read() { visit(reader, &state) }
    if reader.failure != nil {
      throw .malformed(file: file, part: part, sheet: sheet, reader: reader)
    }
    return state
  }

  /// UTF-8 bytes collected from text nodes as NFC text (Vietnamese typed on some keyboards
  /// arrives decomposed: base letter + combining tone mark).
  static func text(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    return bytes.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
  }
}
