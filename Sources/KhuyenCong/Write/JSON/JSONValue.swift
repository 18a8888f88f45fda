/// A JSON value with its object keys in a fixed order, written by hand so the bytes never
/// depend on a `Dictionary`'s order or a number formatter.
enum JSONValue: Sendable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  /// A number literal written as is (`12`, `2.5`): exact decimals, never a `Double`.
  case number(String)
  case bool(Bool)
  case null

  /// A string, or `null` for `nil`.
  static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// The document: 2-space indentation, `": "` after keys, LF line ends, a final LF.
  func bytes() -> [UInt8] {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return Array(out.utf8)
  }

  /// Writes the value at `indent` (the indentation of the line it starts on).
  func write<Out: TextOut>(to out: inout Out, indent: Int) {
    switch self {
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, (key, value)) in members.enumerated() {
        out += Self.spaces(indent + 2)
        JSONValue.writeString(key, to: &out)
        out += ": "
        value.write(to: &out, indent: indent + 2)
        out += index == members.count - 1 ? "\n" : ",\n"
      }
      out += Self.spaces(indent) + "}"
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += Self.spaces(indent + 2)
        item.write(to: &out, indent: indent + 2)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += Self.spaces(indent) + "]"
    case .string(let text):
      JSONValue.writeString(text, to: &out)
    case .number(let literal):
      out += literal
    case .bool(let value):
      out += value ? "true" : "false"
    case .null:
      out += "null"
    }
  }

  /// Indentations made once.
  private static let indentations = (0...32).map { String(repeating: " ", count: $0) }

  private static func spaces(_ count: Int) -> String {
    count < indentations.count ? indentations[count] : String(repeating: " ", count: count)
  }

  /// RFC 8259 §7: escape `"`, `\` and the C0 controls; everything else as UTF-8.
  static func writeString<Out: TextOut>(_ text: String, to out: inout Out) {
    // Most texts need no escape: written whole.
    if !text.containsUTF8Byte(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      out += "\""
      out += text
      out += "\""
      return
    }
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    out += escaped + "\""
  }
}
