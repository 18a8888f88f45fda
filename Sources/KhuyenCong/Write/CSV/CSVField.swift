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
  static func quoted(_ text: String) -> String {
    // Most fields hold none of these bytes, so none of these characters: as they are.
    guard
      text.containsUTF8Byte(where: {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
          || $0 == UInt8(ascii: "\r")
      }),
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    else { return text }
    return "\""
      + text.split(separator: "\"", omittingEmptySubsequences: false)
      .joined(separator: "\"\"") + "\""
  }

  /// One record: fields joined by commas, ended by CRLF (RFC 4180).
  static func record(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

  /// The UTF-8 byte order mark: without it Excel reads UTF-8 CSV as the ANSI code page and
  /// Vietnamese turns to mojibake (SPEC §5).
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
