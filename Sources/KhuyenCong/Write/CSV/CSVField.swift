/// One CSV field as RFC 4180 writes it, made safe to open in a spreadsheet program.
enum CSVField {
  /// A text field: neutralised against formula injection, then quoted if needed.
  ///
  /// A cell starting with `=`, `+`, `-`, `@`, a tab or a CR is run as a formula by Excel and
  /// LibreOffice (OWASP "CSV injection"); a leading `'` makes it plain text and is what those
  /// programs themselves use for "text that looks like a formula" (SPEC §5).
  static func text(_ value: String) -> String {
    var text = value
    if let first = text.utf8.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r")
    {
      text = "'" + text
    }
    return quoted(text)
  }

  /// A number written as a plain decimal literal (`1234.5`): never prefixed, so it stays a
  /// number. Amounts are ≥ 0 after validation; a negative quantity would still start with `-`
  /// and be read as a number, which is what it is, never as a formula.
  static func number(_ literal: String) -> String { literal }

  /// Quotes a field that holds a comma, quote, CR or LF byte and doubles every quote byte
  /// (RFC 4180), by bytes, as a CSV reader reads them; `inspect` quotes its cells the same way.
  ///
  /// (By Swift's `Character`, as this did, a quote that a combining mark follows was neither
  /// quoted for nor doubled: inside a field quoted for another reason, that lone quote ended
  /// the field for a CSV reader, and the rest of the line moved to other columns.)
  static func quoted(_ text: String) -> String {
    let utf8 = text.utf8
    var quotes = 0
    var special = false
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""):
        quotes += 1
        special = true
      case UInt8(ascii: ","), 0x0A, 0x0D: special = true
      default: continue
      }
    }
    // Most fields hold none of these bytes: as they are.
    guard special else { return text }
    return String(unsafeUninitializedCapacity: utf8.count + quotes + 2) { out in
      var count = 0
      func append(_ byte: UInt8) {
        out[count] = byte
        count += 1
      }
      append(UInt8(ascii: "\""))
      for byte in utf8 {
        append(byte)
        if byte == UInt8(ascii: "\"") { append(byte) }
      }
      append(UInt8(ascii: "\""))
      return count
    }
  }

  /// One record: fields joined by commas, ended by CRLF (RFC 4180).
  static func record(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

  /// The UTF-8 byte order mark: without it Excel reads UTF-8 CSV as the ANSI code page and
  /// Vietnamese turns to mojibake (SPEC §5).
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
