internal import CLibXML2

/// A compiled XML Schema (XSD), used to check the XML the program writes.
///
/// The compiled schema is shared; every `validate` call gets its own validation context
/// (NOTES-toolchain: a compiled `xmlSchema` may be shared, a context may not).
public struct XMLSchemaValidator: @unchecked Sendable {
  /// Why a schema could not be compiled: a defect of the program's own files.
  public struct CompileError: Error, Hashable, Sendable {
    /// libxml2's messages about the schema.
    public var issues: [XMLIssue]
  }

  let storage: Storage

  /// Compiles the XSD in `xsd`. Imports and includes by URL are refused (nothing is loaded).
  /// - Throws: `CompileError` with libxml2's messages when the schema is not valid XSD.
  public init(xsd: [UInt8]) throws(CompileError) {
    _ = XMLSafety.installed
    let collector = XMLIssueCollector()
    let schema: OpaquePointer? = xsd.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
        else { return nil }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, XMLIssueCollector.handler, collector.opaque)
        return withExtendedLifetime(collector) { xmlSchemaParse(context) }
      }
    }
    guard let schema else {
      var issues = collector.issues
      if issues.isEmpty {
        issues.append(XMLIssue(line: 0, column: 0, message: "schema did not compile", isFatal: true))
      }
      throw CompileError(issues: issues)
    }
    storage = Storage(schema: schema)
  }

  /// Validates `document`; an empty result means it is well-formed and valid.
  ///
  /// Streams: the document goes through libxml2's reader with the schema attached
  /// (`xmlTextReaderSetSchema`), node by node, so no tree of it is ever built (a province's
  /// consolidated plan of a hundred thousand lines would take gigabytes as a tree).
  /// - Returns: every problem with its line (schema errors carry no column).
  public func validate(_ document: [UInt8]) -> [XMLIssue] {
    let collector = XMLIssueCollector()
    // NONET as for every document (XMLSafety); BIG_LINES so lines past 65535 stay right;
    // NOERROR/NOWARNING keep libxml2 from printing: problems go to the collector.
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue)
    return document.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars -> [XMLIssue] in
        guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), nil, nil, options)
        else {
          return [XMLIssue(line: 0, column: 0, message: "could not start the XML parser", isFatal: true)]
        }
        defer { xmlFreeTextReader(reader) }
        // The handler first: set after the schema it is not relayed to (NOTES-toolchain).
        xmlTextReaderSetStructuredErrorHandler(reader, XMLIssueCollector.handler, collector.opaque)
        guard xmlTextReaderSetSchema(reader, storage.schema) == 0 else {
          return [XMLIssue(line: 0, column: 0, message: "could not start validation", isFatal: true)]
        }
        var status: Int32 = 1
        withExtendedLifetime(collector) {
          repeat { status = xmlTextReaderRead(reader) } while status == 1
        }
        if status == -1 && !collector.issues.contains(where: \.isFatal) {
          // With a schema attached, well-formedness errors end the read without a message.
          let line = Int(xmlTextReaderGetParserLineNumber(reader))
          return collector.issues + [
            XMLIssue(line: line, column: 0, message: "not well-formed XML", isFatal: true)
          ]
        }
        if xmlTextReaderIsValid(reader) != 1 && collector.issues.isEmpty {
          return [XMLIssue(line: 0, column: 0, message: "document is not valid", isFatal: true)]
        }
        return collector.issues
      }
    }
  }

  /// Owns the compiled schema and frees it with the last copy of the validator.
  final class Storage {
    let schema: OpaquePointer
    init(schema: OpaquePointer) { self.schema = schema }
    deinit { xmlSchemaFree(schema) }
  }
}
