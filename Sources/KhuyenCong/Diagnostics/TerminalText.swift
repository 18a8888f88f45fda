/// Text from a district's file or a file name, made safe to print on a terminal, in a cron
/// mail or in a report (issue 9): a cell holding `ESC[1A ESC[2K ACCEPTED` must not rewrite
/// the operator's screen, and a file name with a line break must not forge a line.
public enum TerminalText {
  /// `text` with every control character escaped: line breaks as `lineBreak` (`↵` inside a
  /// value, `\n` in a name), other C0/C1 controls and DEL as `\xHH`, the Unicode line and
  /// paragraph separators as `↵`. A tab is kept. Nothing else changes.
  public static func escaped(_ text: String, lineBreak: String = "\\n") -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for character in text { out += escaped(character, lineBreak: lineBreak) }
    return out
  }

  /// One character, escaped as `escaped(_:lineBreak:)` does.
  public static func escaped(_ character: Character, lineBreak: String) -> String {
    guard character.unicodeScalars.contains(where: isControl) else { return String(character) }
    var out = ""
    for scalar in character.unicodeScalars {
      switch scalar.value {
      case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
        // "\r\n" is one Character: one mark for it.
        if !(scalar.value == 0x0A && character.unicodeScalars.count == 2) { out += lineBreak }
      case _ where isControl(scalar):
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text about to be written to a terminal or a cron mail as a whole: its own line feeds and
  /// tabs are kept, every other control character is escaped (`\x1B`), so nothing that came
  /// from a file can move the cursor, clear a line or change colours. Names and values must
  /// still be escaped where they are put in a line (`escaped(_:)`), so that a line break in
  /// one cannot forge a line.
  public static func forTerminal(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" }) else { return text }
    var out = ""
    for character in text {
      if character == "\n" {
        out += "\n"
      } else {
        out += escaped(character, lineBreak: "↵")
      }
    }
    return out
  }

  /// Whether printing `scalar` raw could move the cursor, change colours or break a line.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value) || value == 0x2028
      || value == 0x2029
  }

  /// Whether a value must be cut or escaped before it is kept in a report.
  static func needsBounding(_ text: String) -> Bool {
    text.utf8.count > DiagnosticBounds.maxValueCharacters || text.unicodeScalars.contains(where: isControl)
  }
}
