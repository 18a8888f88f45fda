import Testing
@testable import KhuyenCong

@Suite("the line-tracking JSON parser")
struct LineTrackingJSONParserTests {
  @Test("every value records the line it starts on")
  func lines() throws {
    let root = try LineTrackingJSONParser.parse(
      Array("{\n  \"a\": 1,\n\n  \"b\": [\n    true,\n    null\n  ]\n}".utf8))
    guard case .object(let members) = root.value else { Issue.record("not an object"); return }
    #expect(members.map(\.keyLine) == [2, 4])
    #expect(members.map(\.node.line) == [2, 4])
    guard case .array(let elements) = members[1].node.value else { Issue.record("not an array"); return }
    #expect(elements.map(\.line) == [5, 6])
  }

  @Test("numbers keep their literal text, never a Double")
  func numbersAreLiteral() throws {
    let root = try LineTrackingJSONParser.parse(Array("[0.1, -1, 1.5e3, 27377]".utf8))
    #expect(
      root.value
        == .array([
          JSONNode(line: 1, value: .number("0.1")), JSONNode(line: 1, value: .number("-1")),
          JSONNode(line: 1, value: .number("1.5e3")), JSONNode(line: 1, value: .number("27377")),
        ]))
  }

  @Test("escapes, surrogate pairs and decomposed Vietnamese become NFC text")
  func strings() throws {
    // "Hòa" written with a combining grave accent, and U+1F600 as a surrogate pair.
    let root = try LineTrackingJSONParser.parse(Array(#"["a\"b\\\/\n", "Ho\u0300a", "\ud83d\ude00"]"#.utf8))
    #expect(
      root.value
        == .array([
          JSONNode(line: 1, value: .string("a\"b\\/\n")), JSONNode(line: 1, value: .string("Hòa")),
          JSONNode(line: 1, value: .string("😀")),
        ]))
  }

  @Test("a byte-order mark at the start is skipped")
  func byteOrderMark() throws {
    let root = try LineTrackingJSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
    #expect(root.value == .object([]))
  }

  @Test(
    "malformed JSON is refused with its line",
    arguments: [
      ("{\"a\": 01}", 1), ("{\"a\": .5}", 1), ("{\n\"a\": tru}", 2), ("[1,\n2\n3]", 3),
      ("{\"a\": \"\\x\"}", 1), ("{\"a\": \"\\ud800\"}", 1), ("{} {}", 1), ("{\n\n\"a\"", 3),
      ("// comment\n{}", 1),
    ])
  func malformed(text: String, line: Int) {
    #expect {
      _ = try LineTrackingJSONParser.parse(Array(text.utf8))
    } throws: { error in
      (error as? LineTrackingJSONParser.SyntaxError)?.line == line
    }
  }
}
