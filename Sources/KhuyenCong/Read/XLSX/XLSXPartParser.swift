import Foundation
import KhuyenCongXML

/// Runs libxml2's streaming reader (`XMLPullReader`, hostile-input safe) over one part, fed
/// as it is inflated (`XLSXPartStream`).
enum XLSXPartParser {
  /// Calls `setUp` once with the reader (to intern names), then `visit` on every node.
  /// Throws `file.unreadable` naming the part if the zip could not give all of it (too large,
  /// damaged, CRC-32 mismatch), else `xml.malformed` if libxml2 stopped on an error.
  static func parse<State>(
    _ stream: XLSXPartStream, part: String, file: String, sheet: String? = nil,
    setUp: (XMLPullReader) -> State, visit: (XMLPullReader, inout State) -> Void
  ) throws(XLSXFailure) -> State {
    let reader = XMLPullReader { buffer in stream.pull(buffer) }
    var state = setUp(reader)
    while reader.read() { visit(reader, &state) }
    // A spent budget refuses the file: no need to inflate the rest of the part.
    if let limit = stream.readBudget.diagnostic(file: file) {
      throw XLSXFailure(diagnostic: limit)
    }
    // The zip's verdict comes first, as when a part was inflated whole before it was parsed:
    // a bomb of zeros is "too large", not "Document is empty", and a damaged part is damaged
    // wherever libxml2 stopped.
    stream.drain()
    if let limit = stream.readBudget.diagnostic(file: file) {
      throw XLSXFailure(diagnostic: limit)
    }
    if let failure = stream.failure {
      throw .package(failure, file: file, part: part)
    }
    if reader.failure != nil {
      throw .malformed(file: file, part: part, sheet: sheet, reader: reader)
    }
    return state
  }

  /// UTF-8 bytes collected from text nodes as NFC text (Vietnamese typed on some keyboards
  /// arrives decomposed: base letter + combining tone mark).
  static func text(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    return TextFolding.isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
  }
}
