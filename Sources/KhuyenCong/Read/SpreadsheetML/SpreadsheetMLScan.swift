import KhuyenCongXML

/// The SAX half of `SpreadsheetMLReader`'s fast way: a `SpreadsheetMLSession` told of each
/// start tag, end tag and text by an `XMLStartTagScanner`, its sheets and rows kept in
/// `events` with their witnesses until the reader delivers them.
///
/// Not generic, and its state not checked for exclusive access at run time: it runs once per
/// node (a generic closure asked the Swift runtime for its types' metadata at every call,
/// 15 % of the instructions). Nothing here re-enters: the scanner calls back one at a time.
final class SpreadsheetMLScan: XMLStartTagEvents {
  @exclusivity(unchecked) private var session: SpreadsheetMLSession
  @exclusivity(unchecked) var events = ScannedEvents()
  @exclusivity(unchecked) private var depth = 0
  /// Bytes of text since the last start or end tag.
  @exclusivity(unchecked) private var textRun = 0
  private let scanner: XMLStartTagScanner
  private let namespaces = SpreadsheetMLNamespaces()
  /// `run`'s `between`, while it runs (once per 64 KiB piece: a closure will do).
  @exclusivity(unchecked) private var betweenBody: (() -> Bool)?

  init(file: String, limits: ReadLimits, pull: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
    session = SpreadsheetMLSession(file: file, limits: limits)
    scanner = XMLStartTagScanner(pull: pull)
  }

  /// How far the parser has read (`XMLStartTagScanner.position`).
  var position: Int { scanner.position }

  /// Whether the document is decoded from another encoding (`XMLStartTagScanner.decodesInput`).
  var decodesInput: Bool { scanner.decodesInput }

  /// Reads the document, calling `between` after each piece handed to the parser.
  /// - Returns: whether the whole document was read with no issue, no refusal of the
  ///   session, nothing the pull reader could answer otherwise, and `between` never `false`.
  func run(between: () -> Bool) -> Bool {
    withoutActuallyEscaping(between) { between in
      betweenBody = between
      defer { betweenBody = nil }
      // This object is the scanner's events: called with no closure to retain per node.
      return scanner.scan(self, reportingEnds: true)
    }
  }

  override func between() -> Bool { betweenBody?() ?? true }

  /// The session once the document is read cleanly (its last sheet closed into `events`), or
  /// `nil` when the result must come from the pull reader.
  func finish() -> SpreadsheetMLSession? {
    guard session.sawRoot, !session.stopped else { return nil }
    session.closeOpenSheet(into: &events)
    return session
  }

  override func start(_ tag: XMLStartTag) -> Bool {
    let node = ScannedNode(tag: tag, scanner: scanner, namespaces: namespaces)
    events.witness(at: scanner.position)
    textRun = 0
    // libxml2 2.9.14 limits nesting to 256 only where it builds a tree.
    if tag.hasXMLID || depth >= Self.deepest { return false }
    if depth == 0 && scanner.decodesInput && !Self.decodesAlike(scanner.declaredEncoding) { return false }
    session.start(node, depth: depth, into: &events)
    if tag.isEmptyElement {
      if !session.stopped { session.end(node, depth: depth, into: &events) }
    } else {
      depth += 1
    }
    return !session.stopped
  }

  /// Deeper than this the pull reader may refuse the document (it stops at 256).
  static let deepest = 250

  /// Whether a document decoded from `declared` (the encoding its declaration names, `nil`
  /// when none: a UTF-16 byte order mark or its first bytes said) decodes to the same text
  /// whatever the size of the pieces the parser is handed. Not so when a declaration names
  /// another form of UTF-16 than the one the parser already decodes (it switches after the
  /// bytes already converted: 64 KiB for SAX, 516 for the pull reader), nor, to be safe, for
  /// iconv's other encodings (TSCII, which expands a byte to several characters and which
  /// libxml2 decoded differently in different pieces, is refused before any byte is decoded:
  /// `XMLSafety.unreliableEncoding`). Those documents go to the pull reader.
  static func decodesAlike(_ declared: String?) -> Bool {
    guard let declared else { return true }
    return ["utf-16", "utf16", "iso-8859-1", "latin1", "us-ascii", "ascii"].contains(declared.lowercased())
  }

  override func end(_ tag: XMLStartTag) {
    let node = ScannedNode(tag: tag, scanner: scanner, namespaces: namespaces)
    events.witness(at: scanner.position)
    textRun = 0
    depth -= 1
    session.end(node, depth: depth, into: &events)
    if session.stopped { scanner.stop() }
  }

  override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    textRun += bytes.count
    session.text(bytes, line: scanner.line)
    if session.stopped || textRun >= SpreadsheetMLReader.longestText
      || (session.visibleTextCount ?? 0) >= 64
    {
      scanner.stop()
    }
  }
}

/// The events of a SAX read not yet delivered, each with where the parser was at the next
/// element after it (its witness: the pull reader delivers an event once it has parsed that far).
struct ScannedEvents: WorkbookVisitor {
  enum Kind {
    case beginSheet(name: String, index: Int)
    case row(SheetRow)
    case endSheet
  }

  struct Event {
    var kind: Kind
    /// Where the parser was when the event was made (a row: just past its `</Row>`).
    var end: Int
    /// Where it was at the next start or end tag; `nil` until then.
    var witness: Int?
  }

  private var events: [Event] = []
  private var head = 0
  /// Events from here on have no witness yet.
  private var unwitnessed = 0
  /// Where the parser is, for the events the session makes now.
  private var position = 0

  /// The parser met a start or end tag at `position`.
  mutating func witness(at position: Int) {
    while unwitnessed < events.count {
      events[unwitnessed].witness = position
      unwitnessed += 1
    }
    self.position = position
  }

  /// The first event, if its witness lies before `limit`.
  func first(witnessedBefore limit: Int) -> Event? {
    guard head < events.count, let witness = events[head].witness, witness < limit else {
      return limit == .max && head < events.count ? events[head] : nil
    }
    return events[head]
  }

  mutating func removeFirst() {
    head += 1
    if head == events.count {
      events.removeAll(keepingCapacity: true)
      head = 0
      unwitnessed = 0
    } else if head >= 1024 && head * 2 >= events.count {
      events.removeFirst(head)
      unwitnessed = max(0, unwitnessed - head)
      head = 0
    }
  }

  mutating func beginSheet(name: String, index: Int) {
    events.append(Event(kind: .beginSheet(name: name, index: index), end: position))
  }

  mutating func visit(_ row: SheetRow) {
    events.append(Event(kind: .row(row), end: position))
  }

  mutating func endSheet() {
    events.append(Event(kind: .endSheet, end: position))
  }
}
