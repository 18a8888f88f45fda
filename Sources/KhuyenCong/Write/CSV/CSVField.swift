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

  /// Quotes a field that holds a delimiter, a quote, CR or LF; doubles inner quotes (RFC 4180).
  ///
  /// As it always has, a character is one of those only when it stands alone: a comma or a
  /// quote that a combining mark follows is another character (Swift's `Character`), neither
  /// quoted for nor doubled. Found by their bytes, then each asked as a character (splitting
  /// the whole text into characters, as this did, was 8 000 instructions a field).
  static func quoted(_ text: String) -> String {
    var text = text
    // Most fields hold none of these bytes, so none of these characters: as they are.
    let candidates: [Int] = text.withUTF8 { bytes in
      var found: [Int] = []
      for (offset, byte) in bytes.enumerated()
      where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
      {
        found.append(offset)
      }
      return found
    }
    guard !candidates.isEmpty else { return text }
    // The candidates that are characters of their own, and of those the quotes.
    var special = false
    var quotes: [Int] = []
    for offset in candidates {
      let position = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
      guard let index = String.Index(position, within: text) else { continue }
      switch text[index] {
      case "\"":
        special = true
        quotes.append(offset)
      case ",", "\n", "\r", "\r\n": special = true
      default: break
      }
    }
    guard special else { return text }
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    text.withUTF8 { all in
      bytes.reserveCapacity(all.count + quotes.count + 2)
      var start = 0
      for offset in quotes {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[start...offset]))
        bytes.append(UInt8(ascii: "\""))
        start = offset + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One record: fields joined by commas, ended by CRLF (RFC 4180).
  static func record(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

  /// The UTF-8 byte order mark: without it Excel reads UTF-8 CSV as the ANSI code page and
  /// Vietnamese turns to mojibake (SPEC §5).
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
