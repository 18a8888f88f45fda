internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#endif

/// The start tags of a document, through libxml2's SAX2 push parser with no tree, no text
/// and no call back per node but one per start tag: a first look at a document that needs
/// only a few elements and attributes (the pass over an xlsx worksheet that collects its merged
/// ranges), at a fraction of the cost of `XMLPullReader`, which builds and frees a node for
/// every element, text and end tag.
///
/// It answers only for a document read cleanly: any error or warning of libxml2 (fatal or
/// not), a DOCTYPE, an entity reference or an input failure ends `scan` with `false`, and the
/// caller then reads the document with `XMLPullReader`, which reports the problem as it always
/// has (its message, its line). The same safe options apply (`XMLSafety`).
///
/// Not every document `XMLPullReader` refuses is refused here: libxml2 2.9.14 checks some
/// things only where it builds a tree, which SAX does not (nesting past 256, an `xml:id` that
/// is not a name or is repeated, a text node of 10 MB), and a declaration naming another
/// encoding than the one detected may decode otherwise in other pieces. A caller that must
/// answer exactly as the pull reader does guards those itself (`SpreadsheetMLScan`); the
/// xlsx reader does not (its rows pass has been SAX since the fifth round).
///
/// ```swift
/// let scanner = XMLStartTagScanner { buffer in stream.pull(buffer) }
/// let clean = scanner.scan { tag in
///   if tag.isNamed("row", namespace: main) { rows += 1 }
///   return true
/// }
/// ```
public final class XMLStartTagScanner {
  private let input: InputBox
  /// Counts the lines of leading whitespace the input drops (nothing else is collected here).
  private let lines = XMLIssueCollector()
  /// What the running scan calls, not retained: a scan holds it. Called through `Unmanaged`,
  /// a call back costs no retain and release (a closure loaded from a property of this object
  /// retained its context on every call: 4 % of the reading thread on a large xlsx).
  @exclusivity(unchecked) private var events: Unmanaged<XMLStartTagEvents>?
  /// The last start tag was `<a/>`: its end event, which SAX sends at once, is not passed on
  /// (as `XMLPullReader` reports no end for it).
  @exclusivity(unchecked) private var skipEnd = false
  @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
  /// Something other than a clean start tag was met (an issue, a refusal, the body's `false`).
  @exclusivity(unchecked) private var spoiled = false

  /// Pulls the document as `XMLPullReader.init(pull:)` does.
  public init(pull: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
    _ = XMLSafety.installed
    input = InputBox(pull: pull, collector: lines)
  }

  /// How many bytes are handed to the parser at a time (the reader's small feed serves only to
  /// make the nodes lost on an error the same; here an error means reading again anyway).
  static let feedSize = 1 << 16

  /// Calls `body` on every start tag, in order, until it returns `false`.
  /// - Returns: whether the whole document was read with no issue of any kind and `body`
  ///   never returned `false`.
  public func scan(_ body: (XMLStartTag) -> Bool) -> Bool {
    withoutActuallyEscaping(body) { body in
      scan(ClosureEvents(start: body), reportingEnds: false)
    }
  }

  /// Calls `events.start` on every start tag, in order, until it returns `false`; when
  /// `reportingEnds`, also `end` on every end tag (none for `<a/>`, as `XMLPullReader` reports
  /// none), `text` on character data and CDATA (a text may come in several pieces), in
  /// document order, and `between` after each piece of the document the parser was handed
  /// (64 KiB), outside any call back (its `false` ends the scan). Comments and processing
  /// instructions are not reported.
  /// - Returns: as `scan(_:)`.
  public func scan(_ events: XMLStartTagEvents, reportingEnds: Bool) -> Bool {
    withExtendedLifetime(events) {
      self.events = Unmanaged.passUnretained(events)
      defer { self.events = nil }
      return run(events: reportingEnds)
    }
  }

  private func run(events: Bool) -> Bool {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.feedSize, alignment: 1)
    defer { buffer.deallocate() }
    // The first bytes go with the context, which guesses the encoding from them (as the
    // reader's does).
    let first = input.fill(buffer, limit: Self.feedSize)
    guard first >= 0 else { return false }
    var handler = Self.makeHandler(events: events)
    let opaque = Unmanaged.passUnretained(self).toOpaque()
    guard
      let context = xmlCreatePushParserCtxt(
        &handler, opaque, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(first),
        nil)
    else { return false }
    self.context = context
    defer {
      self.context = nil
      if let document = context.pointee.myDoc { xmlFreeDoc(document) }
      xmlFreeParserCtxt(context)
    }
    xmlCtxtUseOptions(context, XMLSafety.readerOptions)
    var ended = first == 0
    while !spoiled {
      let count = ended ? 0 : input.fill(buffer, limit: Self.feedSize)
      guard count >= 0 else { return false }
      let status = xmlParseChunk(
        context, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count),
        count == 0 ? 1 : 0)
      if status != 0 { return false }
      if count == 0 { break }
      if let handler = self.events, !spoiled, !handler._withUnsafeGuaranteedRef({ $0.between() }) { spoil() }
      ended = false
    }
    return !spoiled && !input.failed && !input.refused && context.pointee.wellFormed == 1
      && context.pointee.nsWellFormed == 1
  }

  private func spoil() {
    spoiled = true
    if let context { xmlStopParser(context) }
  }

  /// Ends the scan from inside a call back (which `scan` then reports as not clean).
  public func stop() { spoil() }

  /// How far the parser has read, in bytes of the document as UTF-8 (after any decoding from
  /// its own encoding): during a call back, the end of what it reports. 0 outside a scan.
  public var position: Int {
    guard let input = context?.pointee.input?.pointee, let base = input.base, let cur = input.cur
    else { return 0 }
    return Int(input.consumed) + (cur - base)
  }

  /// The parser's line, 1-based (leading whitespace dropped before `<?xml` counted), during a
  /// call back.
  public var line: Int {
    guard let raw = context?.pointee.input?.pointee.line, raw > 0 else { return 0 }
    return Int(raw) + lines.lineOffset
  }

  /// Whether the document is decoded from another encoding than UTF-8 (then `position`
  /// counts more or fewer bytes than the file holds).
  public var decodesInput: Bool {
    context?.pointee.input?.pointee.buf?.pointee.encoder != nil
  }

  /// The encoding the XML declaration names, known from the root element on (what
  /// `XMLPullReader.declaredEncoding` answers: the document's encoding as the parser keeps it).
  public var declaredEncoding: String? {
    guard let text = context?.pointee.encoding else { return nil }
    return String(cString: text)
  }

  private static func scanner(_ opaque: UnsafeMutableRawPointer?) -> XMLStartTagScanner? {
    opaque.map { Unmanaged<XMLStartTagScanner>.fromOpaque($0).takeUnretainedValue() }
  }

  /// `body` of the scanner behind `opaque`, without retaining it (it outlives the parse that
  /// calls back: once per node, a retain and a release were a tenth of a SAX read's cost).
  private static func with(_ opaque: UnsafeMutableRawPointer?, _ body: (XMLStartTagScanner) -> Void) {
    guard let opaque else { return }
    Unmanaged<XMLStartTagScanner>.fromOpaque(opaque)._withUnsafeGuaranteedRef(body)
  }

  /// Start tags only; a DOCTYPE or an entity reference is refused (as `XMLPullReader` does),
  /// every issue spoils the scan. Everything else (text, end tags, comments) has no handler:
  /// libxml2 checks it and builds nothing.
  private static func makeHandler(events: Bool) -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.initialized = XML_SAX2_MAGIC
    handler.startElementNs = { opaque, local, prefix, namespace, _, _, count, _, attributes in
      XMLStartTagScanner.with(opaque) { scanner in
        guard !scanner.spoiled, let local, let context = scanner.context else { return }
        // libxml2 calls this with its cursor on what ends the tag: `/>` or `>`.
        let empty = context.pointee.input?.pointee.cur?.pointee == UInt8(ascii: "/")
        let tag = XMLStartTag(
          local: local, prefix: prefix, namespace: namespace, attributes: attributes,
          attributeCount: Int(count), isEmptyElement: empty)
        scanner.skipEnd = empty
        if let events = scanner.events, !events._withUnsafeGuaranteedRef({ $0.start(tag) }) {
          scanner.spoil()
        }
      }
    }
    if events {
      handler.endElementNs = { opaque, local, prefix, namespace in
        XMLStartTagScanner.with(opaque) { scanner in
          guard !scanner.spoiled, let local else { return }
          if scanner.skipEnd {
            scanner.skipEnd = false
            return
          }
          let tag = XMLStartTag(
            local: local, prefix: prefix, namespace: namespace, attributes: nil, attributeCount: 0,
            isEmptyElement: false)
          scanner.events?._withUnsafeGuaranteedRef { $0.end(tag) }
        }
      }
      let text: charactersSAXFunc = { opaque, bytes, count in
        XMLStartTagScanner.with(opaque) { scanner in
          guard !scanner.spoiled, let bytes, count > 0 else { return }
          scanner.skipEnd = false
          let text = UnsafeBufferPointer(start: bytes, count: Int(count))
          scanner.events?._withUnsafeGuaranteedRef { $0.text(text) }
        }
      }
      handler.characters = text
      handler.cdataBlock = text
      handler.ignorableWhitespace = text
    }
    handler.internalSubset = { opaque, _, _, _ in XMLStartTagScanner.scanner(opaque)?.spoil() }
    handler.reference = { opaque, _ in XMLStartTagScanner.scanner(opaque)?.spoil() }
    handler.serror = { opaque, _ in XMLStartTagScanner.scanner(opaque)?.spoil() }
    return handler
  }
}

/// What an `XMLStartTagScanner` scan calls, subclassed by a reader: a class, so that the
/// scanner calls it through `Unmanaged` and vtable dispatch, retaining nothing per node.
open class XMLStartTagEvents {
  public init() {}

  /// A start tag; `false` ends the scan.
  open func start(_ tag: XMLStartTag) -> Bool { true }
  /// An end tag (none for `<a/>`).
  open func end(_ tag: XMLStartTag) {}
  /// Character data or CDATA, maybe in several pieces.
  open func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
  /// After each piece of the document handed to the parser, outside any call back; `false`
  /// ends the scan.
  open func between() -> Bool { true }
}

/// The closure of `scan(_:)` as events (tests, and a first look that needs no speed).
private final class ClosureEvents: XMLStartTagEvents {
  let startBody: (XMLStartTag) -> Bool

  init(start: @escaping (XMLStartTag) -> Bool) { startBody = start }

  override func start(_ tag: XMLStartTag) -> Bool { startBody(tag) }
}

/// One start tag met by `XMLStartTagScanner`: valid only inside the call that receives it.
public struct XMLStartTag {
  fileprivate let local: UnsafePointer<UInt8>
  fileprivate let prefix: UnsafePointer<UInt8>?
  fileprivate let namespace: UnsafePointer<UInt8>?
  /// (local name, prefix, URI, value start, value end) per attribute.
  fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  fileprivate let attributeCount: Int
  /// Whether the element is written `<a/>`.
  public let isEmptyElement: Bool

  /// Whether the element's local name is `local` and its namespace URI one of `namespaces`
  /// (`nil` in the list: no namespace).
  public func isNamed(_ local: String, in namespaces: [String?]) -> Bool {
    isNamed(XMLTagName(local, in: namespaces))
  }

  /// Whether the element has the name `name`.
  public func isNamed(_ name: XMLTagName) -> Bool {
    Self.equal(local, name.local) && isInNamespace(of: name)
  }

  /// As `isNamed(_:)`, the namespace answered as `isInNamespace(of:known:)` does.
  public func isNamed(_ name: XMLTagName, known: inout UnsafeRawPointer?) -> Bool {
    Self.equal(local, name.local) && isInNamespace(of: name, known: &known)
  }

  /// `body` of the element's local name (without its NUL), without copying it.
  public func withLocalName<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    body(UnsafeBufferPointer(start: local, count: strlen(local)))
  }

  /// The element's namespace URI, as a handle: within one scan the parser hands every use of
  /// a URI over as the same pointer, so a handle once found to be a URI (`isInNamespace(_:)`)
  /// can be compared by identity after.
  public var namespaceHandle: UnsafeRawPointer? { namespace.map(UnsafeRawPointer.init) }

  /// Whether the element's namespace URI is `uri`.
  public func isInNamespace(_ uri: StaticString) -> Bool {
    namespace.map { Self.equal($0, uri) } ?? false
  }

  /// Whether the element's local name is `local`.
  public func hasLocalName(_ local: StaticString) -> Bool { Self.equal(self.local, local) }

  /// The element's local name and namespace URI (allocates; for messages).
  public var qualifiedNameText: (local: String, namespace: String?) {
    (String(cString: local), namespace.map { String(cString: $0) })
  }

  /// Whether the element carries an `xml:id`, which libxml2 checks (and may report) only
  /// when it builds a tree.
  public var hasXMLID: Bool {
    guard let attributes else { return false }
    for index in 0..<attributeCount {
      let base = attributes + 5 * index
      if let name = base[0], Self.equal(name, "id"), let uri = base[2],
        Self.equal(uri, "http://www.w3.org/XML/1998/namespace")
      {
        return true
      }
    }
    return false
  }

  /// Calls `body` on each attribute in document order (namespace declarations aside).
  public func forEachAttribute(_ body: (XMLStartTagAttribute) -> Void) {
    guard let attributes else { return }
    for index in 0..<attributeCount {
      let base = attributes + 5 * index
      guard let name = base[0], let start = base[3], let end = base[4] else { continue }
      body(
        XMLStartTagAttribute(
          local: name, namespace: base[2],
          value: UnsafeBufferPointer(start: start, count: end - start)))
    }
  }

  /// Whether the element's namespace URI is one of those of `name` (its local name aside).
  public func isInNamespace(of name: XMLTagName) -> Bool {
    name.namespaces.contains { candidate in
      switch (candidate, namespace) {
      case (nil, nil): return true
      case (let bytes?, let uri?): return Self.equal(uri, bytes)
      default: return false
      }
    }
  }

  /// As `isInNamespace(of:)`, remembering in `known` the handle (`namespaceHandle`) of a
  /// namespace found to be one of `name`'s: within one scan every use of a URI comes as the
  /// same pointer, so the next element in it is answered by that pointer alone. Comparing the
  /// URI's bytes each time (and retaining each candidate of `name` to do it) was asked of
  /// every element of a worksheet. `known` must start `nil` for each scan and serve one
  /// `name`'s namespaces only.
  public func isInNamespace(of name: XMLTagName, known: inout UnsafeRawPointer?) -> Bool {
    if let handle = namespaceHandle, handle == known { return true }
    guard isInNamespace(of: name) else { return false }
    known = namespaceHandle
    return true
  }

  /// Whether the NUL-terminated `bytes` hold `expected` (NUL-free). `strncmp` stops at the
  /// NUL, so a shorter name is never read past its end; it compares a 55-byte namespace URI
  /// (asked of every element) a word at a time, where a loop here went byte by byte.
  private static func equal(_ bytes: UnsafePointer<UInt8>, _ expected: [UInt8]) -> Bool {
    expected.withUnsafeBufferPointer { wanted in
      guard let start = wanted.baseAddress else { return bytes[0] == 0 }
      return bytes[0] == start[0]
        && strncmp(
          UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self),
          UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), wanted.count) == 0
        && bytes[wanted.count] == 0
    }
  }

  /// The bytes of the attribute `local` written without a prefix, as libxml2 hands them to
  /// SAX: character references and `&lt;`, `&gt;`, `&apos;`, `&quot;` decoded, but `&amp;`
  /// left as `&#38;` (libxml2 decodes it when it builds a tree). A caller that finds `&` must
  /// read the document with `XMLPullReader` instead.
  public func attribute(_ local: StaticString) -> [UInt8]? {
    withAttribute(local) { Array($0) }
  }

  /// `body` of the bytes of the attribute `local` written without a prefix, as `attribute`
  /// gives them, without copying them; `nil` when there is no such attribute.
  public func withAttribute<R>(_ local: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    guard let attributes else { return nil }
    // A name of one letter (a worksheet cell's `r`, `s` and `t`, asked of every cell) is
    // compared by its two bytes, no call.
    let letter: UInt8? = local.utf8CodeUnitCount == 1 ? local.utf8Start[0] : nil
    for index in 0..<attributeCount {
      let base = attributes + 5 * index
      guard let name = base[0], base[1] == nil, base[2] == nil,
        letter.map({ name[0] == $0 && name[1] == 0 }) ?? Self.equal(name, local),
        let start = base[3], let end = base[4]
      else { continue }
      return body(UnsafeBufferPointer(start: start, count: end - start))
    }
    return nil
  }

  /// `raw`, an attribute's bytes as SAX hands them (`attribute`), as a tree would hold them:
  /// `&#38;`, which is how SAX hands over `&amp;` and `&#38;` (the only `&` a document without
  /// a DTD can leave in a value), made `&` again.
  public static func decoded(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard raw.contains(UInt8(ascii: "&")) else { return Array(raw) }
    var decoded: [UInt8] = []
    var index = 0
    let escape = Array("&#38;".utf8)
    while index < raw.count {
      if raw[index] == UInt8(ascii: "&"), raw[index...].starts(with: escape) {
        decoded.append(UInt8(ascii: "&"))
        index += escape.count
      } else {
        decoded.append(raw[index])
        index += 1
      }
    }
    return decoded
  }

  /// Whether the NUL-terminated `bytes` spell `text` (NUL-free).
  fileprivate static func spells(_ bytes: UnsafePointer<UInt8>, _ text: StaticString) -> Bool {
    equal(bytes, text)
  }

  /// Whether the NUL-terminated `bytes` spell `text` (NUL-free).
  private static func equal(_ bytes: UnsafePointer<UInt8>, _ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard count > 0 else { return bytes[0] == 0 }
    return bytes[0] == text.utf8Start[0]
      && strncmp(
        UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self),
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self), count) == 0
      && bytes[count] == 0
  }

}

/// One attribute of an `XMLStartTag`, valid only while the tag is.
public struct XMLStartTagAttribute {
  fileprivate let local: UnsafePointer<UInt8>
  fileprivate let namespace: UnsafePointer<UInt8>?
  /// The value as SAX hands it over (see `XMLStartTag.attribute`: `&` arrives as `&#38;`).
  public let value: UnsafeBufferPointer<UInt8>

  /// Whether the attribute's local name is `name`.
  public func hasLocalName(_ name: StaticString) -> Bool { XMLStartTag.spells(local, name) }

  /// The attribute's namespace URI as a handle (`XMLStartTag.namespaceHandle`); `nil` when it
  /// is written without a prefix.
  public var namespaceHandle: UnsafeRawPointer? { namespace.map(UnsafeRawPointer.init) }

  /// Whether the attribute's namespace URI is `uri`.
  public func isInNamespace(_ uri: StaticString) -> Bool {
    namespace.map { XMLStartTag.spells($0, uri) } ?? false
  }

  /// The value as a tree would hold it (`&#38;` made `&` again, see `XMLStartTag.decoded`), as
  /// text.
  public var decodedText: String {
    String(decoding: XMLStartTag.decoded(value), as: UTF8.self)
  }
}

/// An element name to compare start tags with (`XMLStartTag.isNamed`), its bytes made once:
/// a local name and the namespace URIs it may be written in (`nil`: none).
public struct XMLTagName: Sendable {
  fileprivate let local: [UInt8]
  fileprivate let namespaces: [[UInt8]?]

  public init(_ local: String, in namespaces: [String?]) {
    self.local = Array(local.utf8)
    self.namespaces = namespaces.map { $0.map { Array($0.utf8) } }
  }
}
