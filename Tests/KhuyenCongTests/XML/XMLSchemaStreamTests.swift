import KhuyenCongXML
import Testing

/// The schema check fed a document in pieces as it is written (the plan's XML streams to its
/// file, issue 7): the same verdicts as checking it whole.
@Suite("XML schema validation, streamed")
struct XMLSchemaStreamTests {
  /// `text` fed to a stream in pieces of `size` bytes.
  static func issues(_ text: String, size: Int) throws -> [XMLIssue] {
    let validator = try XMLSchemaValidator(xsd: XMLSchemaValidatorTests.xsd)
    let stream = validator.stream()
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let end = min(bytes.count, offset + size)
      bytes[offset..<end].withUnsafeBytes { stream.feed($0) }
      offset = end
    }
    return stream.finish()
  }

  @Test("a valid document gives no issue, whatever the pieces", arguments: [1, 2, 7, 4096])
  func valid(size: Int) throws {
    #expect(try Self.issues("<plan><line>1</line><line>2</line></plan>", size: size).isEmpty)
  }

  @Test("an invalid document gives an issue", arguments: [1, 3, 4096])
  func invalid(size: Int) throws {
    let issues = try Self.issues("<plan>\n<line>1</line>\n<line>x</line>\n</plan>", size: size)
    #expect(issues.count == 1)
    #expect(issues.first?.isFatal == true)
  }

  @Test("a document cut short is not well-formed")
  func malformed() throws {
    let issues = try Self.issues("<plan>\n<line>1</line>", size: 5)
    #expect(issues.first?.isFatal == true)
  }

  @Test("an element the schema does not know is an issue")
  func unknownElement() throws {
    #expect(try !Self.issues("<plan><line>1</line><note/></plan>", size: 4096).isEmpty)
  }
}
