#if canImport(Glibc)
  import Glibc
#endif

internal import CLibXML2

/// A streaming, pull-style reader over libxml2's `xmlTextReader`, safe for hostile input.
///
/// The document is pulled in chunks from a closure, so memory does not grow with the file.
/// Any DOCTYPE or entity reference is refused as a fatal error: SpreadsheetML and xlsx never
/// carry one, and libxml2 expands entities on demand even with safe options
/// (NOTES-toolchain, "Hostile XML"). Leading ASCII whitespace before `<?xml` is dropped (web
/// exporters write it; libxml2 would reject the declaration), and line numbers are corrected.
///
/// ```swift
/// let reader = XMLPullReader(bytes: Array("<a x='1'>hi</a>".utf8))
/// let x = reader.intern(namespace: nil, local: "x")
/// while reader.read() { if reader.kind == .elementStart { _ = reader.attributeInt(x) } }
/// ```
public final class XMLPullReader {
  /// What the current node is.
  public enum NodeKind: Hashable, Sendable {
    /// A start tag (also an empty element `<a/>`, see `isEmptyElement`; no end follows it).
    case elementStart
    /// An end tag.
    case elementEnd
    /// Character data: text, CDATA or whitespace.
    case text
    /// Anything else (comment, processing instruction, XML declaration).
    case other
  }

  private let reader: OpaquePointer?
  /// The reader's dictionary, where element and attribute names live (libxml2's reader sets
  /// `dictNames`), so most names are compared without a lookup. Taken from the document of
  /// the first element (2.9.14 has no call that returns the parser context); until then
  /// every name is looked up.
  @exclusivity(unchecked) private var dictionary: OpaquePointer?
  private let input: InputBox
  private let collector = XMLIssueCollector()
  private var finished = false
  /// The current node's interned local name and namespace URI, looked up at most once per
  /// node (an element is tested against several names; each lookup hashes the whole text,
  /// 57 bytes for the spreadsheet namespace). `nil`: not looked up yet.
  /// (Read and written only by this reader's own methods, never across a call that could
  /// re-enter them: the run-time exclusivity check is left out of the hot path.)
  @exclusivity(unchecked) private var currentLocal: UnsafePointer<UInt8>??
  @exclusivity(unchecked) private var currentNamespace: UnsafePointer<UInt8>??

  /// The kind of the current node (after `read()` returned `true`).
  @exclusivity(unchecked) public private(set) var kind: NodeKind = .other

  /// Reads a document pulled from `pull`, which fills the buffer it is given and returns the
  /// number of bytes written, 0 at the end of the document, or -1 on an I/O error.
  /// - Parameter encoding: an encoding name to force, or `nil` to honour the document's
  ///   BOM and declaration (iso-8859-1, UTF-16, windows-1258 …).
  public init(
    encoding: String? = nil, pull: @escaping (UnsafeMutableRawBufferPointer) -> Int
  ) {
    _ = XMLSafety.installed
    input = InputBox(pull: pull, collector: collector)
    let readCallback: xmlInputReadCallback = { context, buffer, length in
      guard let context, let buffer, length > 0 else { return -1 }
      let box = Unmanaged<InputBox>.fromOpaque(context).takeUnretainedValue()
      return Int32(box.fill(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    }
    reader = xmlReaderForIO(
      readCallback, nil, Unmanaged.passUnretained(input).toOpaque(), nil, encoding,
      XMLSafety.readerOptions)
    if let reader {
      xmlTextReaderSetStructuredErrorHandler(
        reader, XMLIssueCollector.handler, collector.opaque)
    } else {
      collector.append(
        XMLIssue(line: 0, column: 0, message: "could not start the XML reader", isFatal: true))
      finished = true
    }
  }

  /// Reads a document held in memory.
  public convenience init(bytes: [UInt8], encoding: String? = nil) {
    var offset = 0
    self.init(encoding: encoding) { buffer in
      let count = min(buffer.count, bytes.count - offset)
      guard count > 0 else { return 0 }
      bytes.withUnsafeBytes { all in
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + count]))
      }
      offset += count
      return count
    }
  }

  deinit {
    if let reader { xmlFreeTextReader(reader) }
  }

  /// Every problem reported so far (warnings included), in order.
  public var issues: [XMLIssue] { collector.issues }

  /// The error that stopped reading, if reading stopped early.
  public var failure: XMLIssue? { collector.issues.first { $0.isFatal } }

  /// Whether the pull closure reported an I/O error (-1).
  public var inputFailed: Bool { input.failed }

  /// Moves to the next node. `false` at the end of the document or after a fatal error
  /// (then `failure` says which).
  public func read() -> Bool {
    guard !finished, let reader else { return false }
    forgetName()
    let status = xmlTextReaderRead(reader)
    if status != 1 {
      finished = true
      if status < 0 && failure == nil {
        let message = input.failed ? "the file could not be read to its end" : "malformed XML"
        fail(message)
      }
      return false
    }
    switch xmlTextReaderNodeType(reader) {
    case 1:
      kind = .elementStart
      if dictionary == nil {
        // An element node (not an attribute or namespace declaration, whose structs differ):
        // its document holds the parser's dictionary while the reader lives.
        dictionary = xmlTextReaderCurrentNode(reader)?.pointee.doc?.pointee.dict
      }
    case 15: kind = .elementEnd
    case 3, 4, 13, 14: kind = .text
    case 5:
      fail("entity references are not accepted in a spreadsheet file")
      return false
    case 10:
      fail("a DOCTYPE is not accepted in a spreadsheet file")
      return false
    default: kind = .other
    }
    return true
  }

  private func fail(_ message: String) {
    finished = true
    collector.append(XMLIssue(line: line, column: 0, message: message, isFatal: true))
  }

  /// The line of the parser's position (about the current node), 1-based.
  public var line: Int {
    guard let reader else { return 0 }
    let raw = Int(xmlTextReaderGetParserLineNumber(reader))
    return raw > 0 ? raw + collector.lineOffset : 0
  }

  /// The encoding named in the XML declaration (`iso-8859-1`, `UTF-16`), `nil` when the
  /// document declares none. Known once the first element has been read.
  public var declaredEncoding: String? {
    guard let reader, let text = xmlTextReaderConstEncoding(reader) else { return nil }
    return String(cString: text)
  }

  /// Nesting depth of the current node (the root element is 0).
  public var depth: Int {
    guard let reader else { return 0 }
    return Int(xmlTextReaderDepth(reader))
  }

  /// Whether the current element is written `<a/>`: no `.elementEnd` will follow it.
  public var isEmptyElement: Bool {
    guard let reader else { return false }
    return xmlTextReaderIsEmptyElement(reader) == 1
  }

  /// The current node's name, interned: compare it with `==` to names from `intern`.
  public var name: XMLName {
    XMLName(namespace: namespacePointer(), local: localPointer())
  }

  /// Whether the current node (or attribute, inside `withAttribute`) is named `name`: the
  /// same answer as `self.name == name`, but the namespace is looked up only when the local
  /// name matches.
  public func hasName(_ name: XMLName) -> Bool {
    localPointer() == name.local && namespacePointer() == name.namespace
  }

  private func localPointer() -> UnsafePointer<UInt8>? {
    if let known = currentLocal { return known }
    var local: UnsafePointer<UInt8>? = nil
    if let reader, let raw = xmlTextReaderConstLocalName(reader) {
      // Names the parser made are the dictionary's already, and a lookup would return the
      // same pointer. Not so for a namespace declaration's prefix (not in the dictionary), nor
      // for `u:Row` where `u` is undeclared: libxml2 stores that one under the key of the pair
      // (`u`, `Row`), and a lookup of `u:Row` gives another entry. Those are looked up.
      let owned = dictionary.map { xmlDictOwns($0, raw) == 1 } ?? false
      var byte = raw
      while byte.pointee != 0 && byte.pointee != 0x3A { byte += 1 }  // `:`
      let qualified = byte.pointee == 0x3A
      local = owned && !qualified ? raw : xmlTextReaderConstString(reader, raw)
    }
    currentLocal = .some(local)
    return local
  }

  private func namespacePointer() -> UnsafePointer<UInt8>? {
    if let known = currentNamespace { return known }
    let namespace = reader.flatMap(internedNamespace)
    currentNamespace = .some(namespace)
    return namespace
  }

  /// The namespace URIs last looked up in the dictionary: where each lies in the tree, and
  /// its interned copy (a few: SpreadsheetML declares its namespace twice, as the default for
  /// elements and as `ss:` for attributes, and the two alternate).
  @exclusivity(unchecked) private var recentNamespaces:
    [(uri: UnsafePointer<UInt8>, interned: UnsafePointer<UInt8>)] = []

  /// `xmlTextReaderConstNamespaceUri`: the URI through the reader's dictionary. That call
  /// looks the URI up (hashing all of it: 44 bytes for the spreadsheet namespace) on every
  /// call; a document names few namespaces, so the ones found last are compared first, by
  /// their place in the tree and their bytes (a freed declaration's place may be reused).
  private func internedNamespace(_ reader: OpaquePointer) -> UnsafePointer<UInt8>? {
    guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
    let uri: UnsafePointer<UInt8>?
    switch node.pointee.type {
    case XML_ELEMENT_NODE:
      uri = node.pointee.ns?.pointee.href
    case XML_ATTRIBUTE_NODE:
      uri = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlAttr.self).pointee.ns?.pointee.href
    default:
      // A namespace declaration (its own URI) or a node without one: as libxml2 answers.
      return xmlTextReaderConstNamespaceUri(reader)
    }
    guard let uri else { return nil }
    for recent in recentNamespaces where recent.uri == uri && strcmp(uri, recent.interned) == 0 {
      return recent.interned
    }
    guard let interned = xmlTextReaderConstString(reader, uri) else { return nil }
    if recentNamespaces.count == 4 { recentNamespaces.removeFirst() }
    recentNamespaces.append((uri, interned))
    return interned
  }

  private func forgetName() {
    currentLocal = nil
    currentNamespace = nil
  }

  /// The current node's local name as a `String` (allocates; for messages).
  public var localName: String {
    guard let reader, let text = xmlTextReaderConstLocalName(reader) else { return "" }
    return String(cString: text)
  }

  /// The current node's namespace URI as a `String` (allocates; for messages).
  public var namespaceURI: String? {
    guard let reader, let text = xmlTextReaderConstNamespaceUri(reader) else { return nil }
    return String(cString: text)
  }

  /// Interns a name in this reader's dictionary, for cheap comparison with `name`.
  public func intern(namespace: String?, local: String) -> XMLName {
    guard let reader else { return XMLName(namespace: nil, local: nil) }
    let ns = namespace.flatMap { text in
      text.withCString {
        xmlTextReaderConstString(reader, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))
      }
    }
    let localName = local.withCString {
      xmlTextReaderConstString(reader, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))
    }
    return XMLName(namespace: ns, local: localName)
  }

  /// The text of the current text node (allocates a `String`).
  public var value: String {
    guard let reader, let text = xmlTextReaderConstValue(reader) else { return "" }
    return String(cString: text)
  }

  /// Appends the current text node's UTF-8 bytes to `buffer` without an intermediate String.
  /// - Returns: the number of bytes appended.
  @discardableResult
  public func appendValue(to buffer: inout [UInt8]) -> Int {
    guard let reader, let text = xmlTextReaderConstValue(reader) else { return 0 }
    // One copy of the whole value (appending byte by byte checked the capacity each time).
    let count = strlen(text)
    buffer.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
    return count
  }

  /// Runs `body` on the raw UTF-8 of the attribute `name` of the current element, if present.
  /// Nothing is allocated until an attribute matches.
  public func withAttribute<R>(_ attribute: XMLName, _ body: (UnsafePointer<UInt8>) -> R) -> R? {
    var found: R?
    forEachAttribute {
      guard hasName(attribute) else { return true }
      found = withValue(body)
      return false
    }
    return found
  }

  /// Calls `body` on each attribute of the current element in turn, until it returns
  /// `false`; meanwhile the reader is on that attribute (ask `hasName`, `withValue`), and on
  /// the element again after. One walk over the attributes where `withAttribute` for each of
  /// several names would walk them once per name.
  public func forEachAttribute(_ body: () -> Bool) {
    guard let reader, kind == .elementStart, xmlTextReaderHasAttributes(reader) == 1 else { return }
    defer {
      xmlTextReaderMoveToElement(reader)
      forgetName()
    }
    var status = xmlTextReaderMoveToFirstAttribute(reader)
    while status == 1 {
      forgetName()
      if !body() { return }
      status = xmlTextReaderMoveToNextAttribute(reader)
    }
  }

  /// `body` of the current node's value as NUL-terminated UTF-8 (an attribute's, inside
  /// `forEachAttribute`); `nil` when it has none.
  public func withValue<R>(_ body: (UnsafePointer<UInt8>) -> R) -> R? {
    guard let reader, let text = xmlTextReaderConstValue(reader) else { return nil }
    return body(text)
  }

  /// The attribute `name` of the current element, as text.
  public func attribute(_ attribute: XMLName) -> String? {
    withAttribute(attribute) { String(cString: $0) }
  }

  /// The attribute `name` as a non-negative decimal integer: `nil` when absent,
  /// `.some(nil)` when present but not such a number (or above 10^12).
  public func attributeInt(_ attribute: XMLName) -> Int?? {
    withAttribute(attribute, Self.nonNegativeInteger)
  }

  /// The NUL-terminated `text` as a non-negative decimal integer (spaces and tabs around it
  /// allowed), `nil` when it is not one or is above 10^12: `attributeInt`'s reading.
  public static func nonNegativeInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    // The same reading over a value that is not NUL-terminated (a SAX attribute's bytes).
    var index = 0
    let count = bytes.count
    while index < count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    var value = 0
    var digits = 0
    while index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 {
      value = value * 10 + Int(bytes[index] - 0x30)
      digits += 1
      index += 1
      if digits > 12 { return nil }
    }
    while index < count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    return digits > 0 && index == count ? value : nil
  }

  /// The NUL-terminated `text` as a non-negative decimal integer: the reading above, up to
  /// the NUL.
  public static func nonNegativeInteger(_ text: UnsafePointer<UInt8>) -> Int? {
    nonNegativeInteger(UnsafeBufferPointer(start: text, count: strlen(text)))
  }

}

/// An interned (namespace URI, local name) pair, compared by pointer.
///
/// Valid only with the `XMLPullReader` that made it: the pointers live in its dictionary.
public struct XMLName: Hashable {
  let namespace: UnsafePointer<UInt8>?
  let local: UnsafePointer<UInt8>?
}

/// The pull closure plus the leading-whitespace filter, passed to libxml2 as its I/O context.
final class InputBox {
  private let pull: (UnsafeMutableRawBufferPointer) -> Int
  private let collector: XMLIssueCollector
  private var atStart = true
  private(set) var failed = false
  /// The document declares an encoding this reader refuses (`XMLSafety.unreliableEncoding`):
  /// nothing of it reaches libxml2, and the collector holds the fatal issue saying why.
  private(set) var refused = false
  private var declarationChecked = false

  init(pull: @escaping (UnsafeMutableRawBufferPointer) -> Int, collector: XMLIssueCollector) {
    self.pull = pull
    self.collector = collector
  }

  /// How many bytes libxml2 gets per callback, whatever the source's chunking. The reader
  /// parses ahead of the node it returns, and on a fatal error drops the nodes parsed but not
  /// yet returned: a fixed, small feed makes that loss small and the same for the same bytes
  /// (a truncated file gives the same rows at every chunk size).
  static let feedSize = 512

  /// Fills up to `limit` bytes of `buffer`, pulling as often as needed.
  func fill(_ buffer: UnsafeMutableRawBufferPointer, limit: Int = feedSize) -> Int {
    if !declarationChecked { checkDeclaration() }
    if refused { return 0 }
    let target = min(buffer.count, limit)
    var filled = 0
    if let head {
      // The bytes read ahead first, then on from the source as if they had not been.
      let count = min(target, head.count - headOffset)
      head.withUnsafeBytes { bytes in
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[headOffset..<headOffset + count]))
      }
      headOffset += count
      if headOffset == head.count { self.head = nil }
      filled = count
    }
    return pull(into: buffer, from: filled, to: target)
  }

  /// Fills `buffer[filled..<target]` from the source, pulling as often as needed: the count
  /// filled in all, or -1 when the source failed before any.
  private func pull(into buffer: UnsafeMutableRawBufferPointer, from filled: Int, to target: Int) -> Int {
    var filled = filled
    while filled < target {
      let count = pullOnce(UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<target]))
      if count < 0 { return filled > 0 ? filled : -1 }
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  /// The first bytes, read ahead (libxml2 asks for 4 first) so that the XML declaration is
  /// seen before any byte is decoded; handed over from `headOffset` on.
  private var head: [UInt8]?
  private var headOffset = 0

  /// Reads the first `feedSize` bytes ahead and refuses the document if its declaration names
  /// an encoding libxml2 does not decode reliably (`XMLSafety.unreliableEncoding`): then
  /// `refused`, and the collector holds the fatal issue.
  private func checkDeclaration() {
    declarationChecked = true
    var bytes = [UInt8](repeating: 0, count: Self.feedSize)
    let count = bytes.withUnsafeMutableBytes { pull(into: $0, from: 0, to: Self.feedSize) }
    bytes.removeSubrange(max(count, 0)...)
    if let name = bytes.withUnsafeBytes({ XMLSafety.unreliableEncoding(declaredIn: $0) }) {
      refused = true
      collector.append(
        XMLIssue(
          line: 1 + collector.lineOffset, column: 0,
          message:
            "the file declares the encoding \(name), which is not read: libxml2 decodes it differently from one read to the next; save the file as UTF-8",
          isFatal: true))
      return
    }
    if !bytes.isEmpty { head = bytes }
  }

  /// One pull; drops ASCII whitespace before the first other byte. A BOM is not
  /// whitespace, so UTF-16 and UTF-8-with-BOM documents pass untouched.
  private func pullOnce(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard !failed else { return -1 }
    while true {
      let count = pull(buffer)
      if count < 0 || count > buffer.count {
        failed = true
        return -1
      }
      guard atStart, count > 0 else { return count }
      var skip = 0
      while skip < count {
        let byte = buffer[skip]
        guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
        if byte == 0x0A { collector.lineOffset += 1 }
        skip += 1
      }
      if skip == count { continue }
      atStart = false
      if skip > 0 {
        let kept = count - skip
        if let base = buffer.baseAddress { base.copyMemory(from: base + skip, byteCount: kept) }
        return kept
      }
      return count
    }
  }
}
