/// Text made safe for HTML element content and quoted attribute values.
enum HTMLText {
  /// Escapes `&`, `<`, `>`, `"`, `'`, and drops C0 controls other than tab, LF and CR
  /// (not allowed in HTML text).
  static func escaped(_ text: String) -> String {
    // Most texts hold nothing to escape or drop: given back as they are.
    if !text.containsUTF8Byte(where: {
      $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
        || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
    }) {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "'": out.append(contentsOf: "&#39;".unicodeScalars)
      default:
        if scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" {
          if scalar.value != 0x7F { out.append(scalar) }
        }
      }
    }
    return String(out)
  }
}
