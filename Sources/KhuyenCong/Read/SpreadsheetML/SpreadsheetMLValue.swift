import Foundation

/// Turns the text of a SpreadsheetML `<Data ss:Type="…">` into a typed cell value.
enum SpreadsheetMLValue {
  /// The value, or `nil` when the text does not fit its declared type (the caller then keeps
  /// the text and reports `cell.type`, so nothing is dropped silently).
  static func parse(type: String?, text: String) -> CellValue? {
    switch type {
    case "Number":
      // A plain decimal of at most 15 digits (nearly every number cell) is shown as written,
      // as in the xlsx reader (`XLSXCellDecoder.isPlainDecimal`).
      if XLSXCellDecoder.isPlainDecimal(text.utf8) { return .number(text) }
      let literal = trimmed(text)
      if literal.isEmpty { return .empty }
      // Excel keeps 15 significant digits: `0.30000000000000004` is the 0.3 the district
      // typed, exactly as the xlsx reader reads it (XLSXNumberLiteral).
      return isNumberLiteral(literal) ? .number(XLSXNumberLiteral.displayed(Substring(literal))) : nil
    case "DateTime":
      let literal = trimmed(text)
      if literal.isEmpty { return .empty }
      return dateTime(literal).map(CellValue.dateTime)
    case "Boolean":
      switch trimmed(text) {
      case "1", "true", "TRUE": return .boolean(true)
      case "0", "false", "FALSE": return .boolean(false)
      case "": return .empty
      default: return nil
      }
    case "Error":
      let code = trimmed(text)
      return code.isEmpty ? .empty : .error(code)
    default:
      // String, or no type at all: text exactly as typed, in NFC (SPEC §3).
      return text.isEmpty ? .empty : .text(nfc(text))
    }
  }

  /// `text` in NFC; text of ASCII and precomposed letters already is (`TextFolding`).
  static func nfc(_ text: String) -> String {
    TextFolding.isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
  }

  /// Drops the ASCII whitespace some exporters indent `<Data>` content with.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  /// `[+-]digits[.digits][(e|E)[+-]digits]`, or `.5`: what Excel writes for `ss:Type="Number"`.
  static func isNumberLiteral(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
    let intDigits = bytes.prefix(while: isDigit).count
    bytes = bytes.dropFirst(intDigits)
    var fracDigits = 0
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      fracDigits = bytes.prefix(while: isDigit).count
      bytes = bytes.dropFirst(fracDigits)
    }
    guard intDigits + fracDigits > 0 else { return false }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
      let expDigits = bytes.prefix(while: isDigit).count
      guard expDigits > 0 else { return false }
      bytes = bytes.dropFirst(expDigits)
    }
    return bytes.isEmpty
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]` (no zone, as Excel writes it) by hand: Foundation's
  /// ISO 8601 parsers refuse a date-time without a zone (NOTES-toolchain).
  static func dateTime(_ text: String) -> CivilDateTime? {
    let bytes = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[from..<from + count] {
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    func byte(_ at: Int, is char: Character) -> Bool {
      at < bytes.count && bytes[at] == char.asciiValue
    }
    guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
      let day = number(8, 2), let date = CivilDate.valid(year: year, month: month, day: day)
    else { return nil }
    if bytes.count == 10 { return CivilDateTime(year: date.year, month: date.month, day: date.day) }
    guard byte(10, is: "T"), let hour = number(11, 2), byte(13, is: ":"),
      let minute = number(14, 2), hour < 24, minute < 60
    else { return nil }
    var second = 0
    var millisecond = 0
    var index = 16
    if byte(16, is: ":") {
      guard let s = number(17, 2), s < 60 else { return nil }
      second = s
      index = 19
      if byte(19, is: ".") {
        index = 20
        var scale = 100
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
          millisecond += Int(bytes[index] - 0x30) * scale
          scale /= 10
          index += 1
        }
        guard index > 20 else { return nil }
      }
    }
    if byte(index, is: "Z") { index += 1 }
    guard index == bytes.count else { return nil }
    return CivilDateTime(
      year: date.year, month: date.month, day: date.day, hour: hour, minute: minute,
      second: second, millisecond: millisecond)
  }
}
