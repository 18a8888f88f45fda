import KhuyenCongXML
import Testing

@Suite("XML schema validator")
struct XMLSchemaValidatorTests {
  static let xsd = Array(
    """
    <?xml version="1.0"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="plan">
        <xs:complexType><xs:sequence>
          <xs:element name="line" type="xs:integer" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
      </xs:element>
    </xs:schema>
    """.utf8)

  @Test("a valid document gives no issue")
  func valid() throws {
    let validator = try XMLSchemaValidator(xsd: Self.xsd)
    #expect(validator.validate(Array("<plan><line>1</line><line>2</line></plan>".utf8)).isEmpty)
  }

  @Test("an invalid document gives an issue on its line")
  func invalid() throws {
    let validator = try XMLSchemaValidator(xsd: Self.xsd)
    let issues = validator.validate(Array("<plan>\n<line>1</line>\n<line>x</line>\n</plan>".utf8))
    #expect(issues.count == 1)
    #expect(issues.first?.line == 3)
  }

  @Test("a document that is not well-formed gives an issue")
  func malformed() throws {
    let validator = try XMLSchemaValidator(xsd: Self.xsd)
    let issues = validator.validate(Array("<plan>\n<line>1</line>".utf8))
    #expect(issues.count == 1)
    #expect(issues.first?.isFatal == true)
  }

  @Test("a broken schema does not compile")
  func brokenSchema() {
    #expect(throws: XMLSchemaValidator.CompileError.self) {
      try XMLSchemaValidator(
        xsd: Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>".utf8))
    }
  }
}
