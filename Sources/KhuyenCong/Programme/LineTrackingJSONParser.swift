import Foundation

/// A strict RFC 8259 JSON parser that records the line of every value.
///
/// Hand-written because neither `JSONDecoder` nor `JSONSerialization` (nor any package
/// available to this build) reports the position of a value, and SPEC §2 wants a broken
/// programme refused with file:line. It is strict on purpose: no comments, no trailing
/// commas, no duplicate keys, valid UTF-8 only, so a typo never loads as something else.
/// Nesting is bounded so a hostile file cannot overflow the stack.
struct LineTrackingJSONParser {
  /// Deepest nesting accepted; a programme needs about six levels.
  static let maxDepth = 64

  /// A syntax error: the line it was found on and what is wrong.
  struct SyntaxError: Error, Hashable {
    var line: Int
    var reason: String
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1

  /// Parses `bytes` (UTF-8, an initial byte-order mark is skipped) into a tree.
  static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
    var parser = LineTrackingJSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    guard parser.index < bytes.count else {
      throw SyntaxError(line: parser.line, reason: "the file is empty; expected a JSON object")
    }
    let root = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw SyntaxError(
        line: parser.line, reason: "unexpected \(parser.describeCurrent()) after the end of the JSON value")
    }
    return root
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      index += 1
    }
  }

  private func describeCurrent() -> String {
    guard index < bytes.count else { return "end of file" }
    let byte = bytes[index]
    if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONNode {
    guard depth <= Self.maxDepth else {
      throw SyntaxError(line: line, reason: "nesting deeper than \(Self.maxDepth) levels")
    }
    guard index < bytes.count else {
      throw SyntaxError(line: line, reason: "unexpected end of file; expected a value")
    }
    let start = line
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return JSONNode(line: start, value: .string(try parseString()))
    case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(line: start, value: .bool(true))
    case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(line: start, value: .bool(false))
    case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(line: start, value: .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(line: start, value: .number(try parseNumber()))
    default:
      throw SyntaxError(line: line, reason: "unexpected \(describeCurrent()); expected a value")
    }
  }

  private mutating func expectWord(_ word: String) throws(SyntaxError) {
    let utf8 = Array(word.utf8)
    guard bytes[index...].starts(with: utf8) else {
      throw SyntaxError(line: line, reason: "unexpected \(describeCurrent()); expected a value")
    }
    index += utf8.count
  }

  private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONNode {
    let start = line
    index += 1  // {
    var members: [JSONMember] = []
    var seen: Set<String> = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONNode(line: start, value: .object(members))
    }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}"), !members.isEmpty {
        throw SyntaxError(line: line, reason: "trailing comma before '}'")
      }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw SyntaxError(
          line: line, reason: "unexpected \(describeCurrent()); expected a key in double quotes")
      }
      let keyLine = line
      let key = try parseString()
      guard seen.insert(key).inserted else {
        throw SyntaxError(line: keyLine, reason: "duplicate key \"\(key)\" in the same object")
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw SyntaxError(
          line: line, reason: "unexpected \(describeCurrent()); expected ':' after key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth + 1)
      members.append(JSONMember(key: key, keyLine: keyLine, node: value))
      skipWhitespace()
      guard index < bytes.count else {
        throw SyntaxError(
          line: line, reason: "unexpected end of file; the object opened on line \(start) is not closed")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return JSONNode(line: start, value: .object(members))
      }
      throw SyntaxError(
        line: line,
        reason: "unexpected \(describeCurrent()); expected ',' or '}'"
          + (bytes[index] == UInt8(ascii: "\"")
            ? " (is a comma missing at the end of the previous member?)" : ""))
    }
  }

  private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONNode {
    let start = line
    index += 1  // [
    var elements: [JSONNode] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return JSONNode(line: start, value: .array(elements))
    }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]"), !elements.isEmpty {
        throw SyntaxError(line: line, reason: "trailing comma before ']'")
      }
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else {
        throw SyntaxError(
          line: line, reason: "unexpected end of file; the array opened on line \(start) is not closed")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return JSONNode(line: start, value: .array(elements))
      }
      throw SyntaxError(
        line: line,
        reason: "unexpected \(describeCurrent()); expected ',' or ']'"
          + (bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "{")
            ? " (is a comma missing at the end of the previous element?)" : ""))
    }
  }

  private mutating func parseString() throws(SyntaxError) -> String {
    let start = line
    index += 1  // opening quote
    // Most strings hold no escape and no control character: found whole, and their text made
    // from their bytes at once (byte by byte into an array, the embedded programme's strings
    // cost about 2 % of every start: issue 7). The others go on byte by byte from the first
    // such byte.
    var end = index
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      guard let text = String(validating: bytes[index..<end], as: UTF8.self) else {
        throw SyntaxError(line: start, reason: "the string is not valid UTF-8")
      }
      index = end + 1
      // ASCII and precomposed Vietnamese are NFC already: Foundation only for the rest.
      return TextFolding.isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }
    var utf8 = Array(bytes[index..<end])
    index = end
    while true {
      guard index < bytes.count else {
        throw SyntaxError(line: start, reason: "unterminated string")
      }
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw SyntaxError(line: start, reason: "the string is not valid UTF-8")
        }
        // ASCII and precomposed Vietnamese are NFC already: Foundation only for the rest.
        return TextFolding.isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
      case UInt8(ascii: "\\"):
        try parseEscape(into: &utf8)
      case 0x00..<0x20:
        // A raw newline inside quotes is almost always a missing closing quote.
        throw SyntaxError(
          line: line,
          reason:
            "control character (0x\(String(byte, radix: 16, uppercase: true))) inside a string; a closing quote may be missing"
        )
      default:
        utf8.append(byte)
      }
    }
  }

  private mutating func parseEscape(into utf8: inout [UInt8]) throws(SyntaxError) {
    guard index < bytes.count else { throw SyntaxError(line: line, reason: "unterminated string") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): utf8.append(byte)
    case UInt8(ascii: "\\"): utf8.append(byte)
    case UInt8(ascii: "/"): utf8.append(byte)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHex4()
      if (0xD800..<0xDC00).contains(scalar) {
        // A high surrogate must be followed by `\u` and a low surrogate (RFC 8259 §7).
        guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
          throw SyntaxError(
            line: line, reason: "a \\u escape for a high surrogate is not followed by a low surrogate")
        }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else {
          throw SyntaxError(
            line: line, reason: "a \\u escape for a high surrogate is not followed by a low surrogate")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let unicode = Unicode.Scalar(scalar) else {
        throw SyntaxError(line: line, reason: "the \\u escape is a lone surrogate")
      }
      utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
    default:
      index -= 1
      throw SyntaxError(line: line, reason: "invalid escape '\\\(describeCurrent())' in a string")
    }
  }

  private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else {
      throw SyntaxError(line: line, reason: "a \\u escape needs four hexadecimal digits")
    }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
        throw SyntaxError(line: line, reason: "a \\u escape needs four hexadecimal digits")
      }
      value = value * 16 + UInt32(digit)
    }
    index += 4
    return value
  }

  private mutating func parseNumber() throws(SyntaxError) -> String {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let intStart = index
    let intDigits = digits()
    guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == UInt8(ascii: "0")) else {
      throw SyntaxError(line: line, reason: "malformed number")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw SyntaxError(line: line, reason: "malformed number") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard digits() > 0 else { throw SyntaxError(line: line, reason: "malformed number") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }
}
