/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, writes tab, LF and CR as character references (so
  /// attribute values keep them), and drops what XML 1.0 cannot carry at all: C0 controls
  /// other than those three, U+FFFE and U+FFFF (XML 1.0 §2.2, `Char`). A district's cell with
  /// a stray U+0001 must not make the whole plan unreadable.
  static func escaped(_ text: String) -> String {
    // Most texts hold nothing to escape or drop: given back as they are. (U+FFFE and U+FFFF
    // are EF BF BE and EF BF BF in UTF-8: any EF byte takes the long way.)
    if !text.containsUTF8Byte(where: {
      $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
        || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0xEF
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
      case "'": out.append(contentsOf: "&apos;".unicodeScalars)
      case "\t": out.append(contentsOf: "&#9;".unicodeScalars)
      case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
      case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
      default:
        if isAllowed(scalar) { out.append(scalar) }
      }
    }
    return String(out)
  }

  /// XML 1.0 `Char` (surrogates never occur in a Swift `Unicode.Scalar`).
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: return true
    case 0x20...0xFFFD: return true
    case 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
