internal import CLibXML2

extension XMLSchemaValidator {
  /// Starts a validation fed the document in pieces, as a writer produces it: the plan's XML
  /// is checked while it streams to its file, never held whole (SPEC §8).
  public func stream() -> XMLSchemaStream { XMLSchemaStream(validator: self, schema: storage.schema) }
}

/// A validation of one document against a compiled schema, fed chunk by chunk (`feed`), with
/// its verdict at `finish`.
///
/// libxml2's push parser with the schema's SAX handlers plugged in (`xmlSchemaSAXPlug`): the
/// same streaming validation `xmlTextReaderSetSchema` runs, without a tree.
public final class XMLSchemaStream {
  /// Keeps the compiled schema alive while the validation runs.
  private let validator: XMLSchemaValidator
  private let collector = XMLIssueCollector()
  private let validation: OpaquePointer?
  private var plug: OpaquePointer?
  private var parser: xmlParserCtxtPtr?
  private var failedToStart = false
  private var finished: [XMLIssue]?

  init(validator: XMLSchemaValidator, schema: OpaquePointer) {
    _ = XMLSafety.installed
    self.validator = validator
    validation = xmlSchemaNewValidCtxt(schema)
    guard let validation else {
      failedToStart = true
      return
    }
    xmlSchemaSetValidStructuredErrors(validation, XMLIssueCollector.handler, collector.opaque)
    // A SAX handler with no callbacks of its own: the parser builds nothing (no tree); the
    // schema's handlers are plugged in front of it, into the parser's own fields (which
    // `xmlSchemaSAXUnplug` restores), as libxml2's reader does.
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil)
    guard let parser else {
      failedToStart = true
      return
    }
    // NONET as for every document (XMLSafety); BIG_LINES so lines past 65535 stay right;
    // NOERROR/NOWARNING keep libxml2 from printing: the schema's problems go to the collector,
    // a well-formedness error shows in `wellFormed`.
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue)
    _ = xmlCtxtUseOptions(parser, options)
    plug = xmlSchemaSAXPlug(validation, &parser.pointee.sax, &parser.pointee.userData)
    if plug == nil { failedToStart = true }
  }

  /// The next piece of the document.
  public func feed(_ bytes: UnsafeRawBufferPointer) {
    guard let parser, finished == nil, !failedToStart else { return }
    var offset = 0
    while offset < bytes.count, let base = bytes.baseAddress {
      let count = min(bytes.count - offset, 1 << 20)
      withExtendedLifetime(collector) {
        _ = xmlParseChunk(parser, (base + offset).assumingMemoryBound(to: CChar.self), Int32(count), 0)
      }
      offset += count
    }
  }

  /// Ends the document; an empty result means it is well-formed and valid.
  public func finish() -> [XMLIssue] {
    if let finished { return finished }
    var issues: [XMLIssue]
    if failedToStart {
      issues = [XMLIssue(line: 0, column: 0, message: "could not start validation", isFatal: true)]
    } else if let parser, let validation {
      withExtendedLifetime(collector) { _ = xmlParseChunk(parser, nil, 0, 1) }
      issues = collector.issues
      if parser.pointee.wellFormed == 0 && !issues.contains(where: \.isFatal) {
        let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 0
        issues.append(XMLIssue(line: line, column: 0, message: "not well-formed XML", isFatal: true))
      }
      if xmlSchemaIsValid(validation) != 1 && issues.isEmpty {
        issues.append(XMLIssue(line: 0, column: 0, message: "document is not valid", isFatal: true))
      }
    } else {
      issues = [XMLIssue(line: 0, column: 0, message: "could not start validation", isFatal: true)]
    }
    finished = issues
    return issues
  }

  deinit {
    if let plug { xmlSchemaSAXUnplug(plug) }
    if let parser {
      if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
      xmlFreeParserCtxt(parser)
    }
    if let validation { xmlSchemaFreeValidCtxt(validation) }
  }
}
