import Testing

@testable import KhuyenCong

@Suite("CSV fields")
struct CSVFieldTests {
  /// How `CSVField.quoted` read a text before it worked on bytes: by characters.
  static func quotedByCharacters(_ text: String) -> String {
    guard
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    else { return text }
    return "\""
      + text.split(separator: "\"", omittingEmptySubsequences: false)
      .joined(separator: "\"\"") + "\""
  }

  @Test(
    "a field is quoted and its quotes doubled exactly as by characters, combining marks after a comma or quote included"
  )
  func quotedAsByCharacters() {
    let pieces = [
      ",", "\"", "\n", "\r", "\r\n", "a", "ế", "\u{301}", "\u{200D}", "\u{0600}", "👍🏽", "e\u{301}",
      " ", "Đào tạo nghề", "\u{FE0F}", "🇻🇳",
    ]
    var seed: UInt64 = 0x6B63_7376
    func next(_ bound: Int) -> Int {
      // A fixed sequence (xorshift), so a failure repeats.
      seed ^= seed << 13
      seed ^= seed >> 7
      seed ^= seed << 17
      return Int(seed % UInt64(bound))
    }
    var texts = [
      "", ",", "\"", "a,b", "\"\"", ",\u{301}", "\"\u{301}", "\u{0600},", "\r\n", "x\r\ny", "\n\u{301}",
    ]
    for _ in 0..<4_000 {
      texts.append((0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined())
    }
    for text in texts {
      #expect(CSVField.quoted(text) == Self.quotedByCharacters(text), "\(Array(text.unicodeScalars))")
      #expect(
        Array(CSVField.quoted(text).utf8) == Array(Self.quotedByCharacters(text).utf8),
        "\(Array(text.unicodeScalars))")
    }
  }
}
