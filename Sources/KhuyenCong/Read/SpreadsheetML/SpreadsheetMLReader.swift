import KhuyenCongXML

/// Reads an XML Spreadsheet 2003 (SpreadsheetML) workbook, streaming, sheet by sheet.
///
/// Rows reach the visitor as soon as each `<Row>` ends, so memory does not grow with the
/// file; rows without any value are not delivered and cost nothing (LibreOffice's round trip
/// writes half a million of them). Elements are matched by namespace URI and local name, so
/// Excel's unprefixed `<Worksheet>` and LibreOffice's `<ss:Worksheet>` read alike. Cells are
/// placed as Excel places them, including after merges from the rows above (the LibreOffice
/// 7.4 trap, see `VerticalMergeMap`).
///
/// ```swift
/// var source = MemorySource(bytes)
/// var sheets = WorkbookCollector()
/// let report = SpreadsheetMLReader.read(&source, file: "lam-binh.xml", into: &sheets)
/// ```
public enum SpreadsheetMLReader {
  /// How a document is parsed. Both ways give the same rows, report and diagnostics.
  public enum Parsing: Sendable {
    /// SAX call backs, reading again with the pull reader should anything go wrong (the
    /// default, when the source can be read again from its start: a file, bytes in memory).
    case fastest
    /// libxml2's pull reader only (what a source read once gets; tests compare the two).
    case pullReader
  }

  /// Reads `source` into `visitor`.
  /// - Parameters:
  ///   - file: the file name as submitted, for diagnostics.
  ///   - limits: size bounds; crossing one ends the read with `file.unreadable`.
  ///   - parsing: how (the result is the same).
  /// - Returns: the encoding, every sheet's summary and the diagnostics. Not well-formed XML,
  ///   a DOCTYPE or entity, or a document that is not SpreadsheetML gives `xml.malformed` with
  ///   the line; the rows delivered before it stay delivered.
  ///
  /// The fast way (issue 7): libxml2's SAX parser costs 40 % fewer instructions than its pull
  /// reader, which builds and frees a node for every element and text. But the pull reader's
  /// answers are the contract (its messages, its lines, the rows it delivers before an
  /// error: it parses a little ahead of the node it returns and drops what it has not
  /// returned when it fails). So the SAX way holds each row back until the parser is 64 KiB
  /// past the next element after it (`ScannedEvents`), which the pull reader would surely have
  /// delivered had it failed there; and at the first thing that is not plainly clean (any
  /// libxml2 issue, warning or error; a refusal of ours; a budget that could have answered
  /// otherwise; text the pull reader would hold in one node of 9 MB or more; an `xml:id` or
  /// nesting past 250, which only a tree checks; an encoding that may decode otherwise in
  /// other pieces, `SpreadsheetMLScan.decodesAlike`), it stops and the document is read again
  /// from its start with the pull reader, whose rows are delivered from the first one the SAX
  /// way did not deliver. Same input, same output: `SpreadsheetMLParsingTests` compares the
  /// two ways on every sample, fixture and fuzz seed, cut and damaged at many places.
  ///
  /// Decided: a file that changes between the two reads, or a read error on the first read
  /// only, may give another result than the pull reader alone would (the second read's).
  public static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits = .standard,
    parsing: Parsing = .fastest, into visitor: inout Visitor
  ) -> ReadReport {
    guard parsing == .fastest, let again = source.randomAccess() else {
      return pull(&source, file: file, limits: limits, into: &visitor)
    }
    var counted = CountedVisitor(base: visitor)
    let scanned = scan(&source, file: file, limits: limits, into: &counted)
    visitor = counted.base
    if let scanned { return scanned }
    var replay = RandomAccessSource(again)
    var skipping = SkippingVisitor(base: visitor, skip: counted.count)
    let report = pull(&replay, file: file, limits: limits, into: &skipping)
    // The pull reader delivers at least what the SAX way did (the reading again is only
    // right if so; SpreadsheetMLParsingTests holds it to that).
    assert(skipping.isDone, "the pull reader delivered fewer events than the SAX way")
    visitor = skipping.base
    return report
  }

  /// How far (in bytes of the document as UTF-8) the parser must be past the element after a
  /// row before the row is delivered: far more than the pull reader reads ahead (a 512-byte
  /// piece, 4 KiB of buffer, decoded at most three UTF-8 bytes a byte).
  static let holdBack = 1 << 16

  /// A text the pull reader would hold in one node: libxml2 refuses one of 10 000 000 bytes
  /// (`XML_MAX_TEXT_LENGTH`) as it builds it, SAX does not. Past this the SAX way gives up.
  static let longestText = 9_000_000

  /// The SAX way: the report, or `nil` when the document must be read again with the pull
  /// reader (having delivered `visitor.count` events, a prefix of what the pull reader
  /// delivers).
  private static func scan<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits,
    into visitor: inout CountedVisitor<Visitor>
  ) -> ReadReport? {
    let budget = ReadBudget(limits.budget)
    let input = SpreadsheetMLInput(source: source, maxBytes: limits.maxFileBytes, budget: budget)
    defer { source = input.source }
    let scan = SpreadsheetMLScan(file: file, limits: limits) { buffer in input.fill(buffer) }
    var budgeted = BudgetedVisitor(visitor, budget: budget)
    defer { visitor = budgeted.base }

    /// Delivers the events witnessed before `limit`; `false` when the budget could have
    /// answered otherwise for the pull reader (which has read less when it delivers a row).
    func release(before limit: Int) -> Bool {
      // Past the constant part of the rescanning allowance the pull reader, which counts its
      // allowance from fewer bytes read, may stop where the SAX way goes on.
      guard budget.markupRescanned <= limits.budget.markupRescanConstant else { return false }
      while let event = scan.events.first(witnessedBefore: limit) {
        switch event.kind {
        case .beginSheet(let name, let index): budgeted.beginSheet(name: name, index: index)
        case .endSheet: budgeted.endSheet()
        case .row(let row):
          let read = scan.decodesInput ? event.end / 3 : event.end
          guard budget.admits(row, xmlBytes: read) else { return false }
          budgeted.visit(row)
          guard !budget.isExhausted else { return false }
        }
        scan.events.removeFirst()
      }
      return true
    }

    let clean = scan.run { release(before: scan.position - holdBack) }
    guard clean, let session = scan.finish(), release(before: .max), !budget.isExhausted
    else { return nil }
    return ReadReport(
      format: .spreadsheetML, encoding: session.encoding ?? "UTF-8", sheets: session.sheets,
      diagnostics: session.diagnostics)
  }

  /// The pull reader's way.
  private static func pull<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits, into visitor: inout Visitor
  ) -> ReadReport {
    let budget = ReadBudget(limits.budget)
    let input = SpreadsheetMLInput(source: source, maxBytes: limits.maxFileBytes, budget: budget)
    defer { source = input.source }
    let reader = XMLPullReader { buffer in input.fill(buffer) }
    var session = SpreadsheetMLSession(file: file, limits: limits)
    var budgeted = BudgetedVisitor(visitor, budget: budget)
    defer { visitor = budgeted.base }
    session.run(reader, into: &budgeted)
    if let limit = budget.diagnostic(file: file) {
      session.diagnostics.append(limit)
    } else if !session.stopped {
      if let failure = reader.failure {
        let position = session.position(line: failure.line)
        if input.overLimit {
          session.diagnostics.append(
            Diagnostic(
              code: .fileUnreadable, severity: .error, position: position,
              values: ["reason": "the file is larger than \(limits.maxFileBytes) bytes"]))
        } else if let reason = input.failure {
          session.diagnostics.append(
            Diagnostic(
              code: .fileUnreadable, severity: .error, position: position,
              values: ["reason": reason]))
        } else {
          session.diagnostics.append(
            Diagnostic(
              code: .xmlMalformed, severity: .error, position: position,
              values: ["reason": failure.message]))
        }
      } else if !session.sawRoot {
        session.diagnostics.append(
          Diagnostic(
            code: .xmlMalformed, severity: .error, position: Position(file: file),
            values: ["reason": "the file holds no XML element"]))
      }
    }
    session.closeOpenSheet(into: &budgeted)
    return ReadReport(
      format: .spreadsheetML, encoding: session.encoding ?? "UTF-8", sheets: session.sheets,
      diagnostics: session.diagnostics)
  }
}

/// Counts the events that reach `base`.
struct CountedVisitor<Base: WorkbookVisitor>: WorkbookVisitor {
  var base: Base
  private(set) var count = 0

  init(base: Base) { self.base = base }

  mutating func beginSheet(name: String, index: Int) {
    count += 1
    base.beginSheet(name: name, index: index)
  }

  mutating func visit(_ row: SheetRow) {
    count += 1
    base.visit(row)
  }

  mutating func endSheet() {
    count += 1
    base.endSheet()
  }
}

/// Passes on the events after the first `skip` (those already delivered by the SAX way).
struct SkippingVisitor<Base: WorkbookVisitor>: WorkbookVisitor {
  var base: Base
  private var skip: Int

  /// Whether every event to skip came.
  var isDone: Bool { skip == 0 }

  init(base: Base, skip: Int) {
    self.base = base
    self.skip = skip
  }

  mutating func beginSheet(name: String, index: Int) {
    guard skip == 0 else { return skip -= 1 }
    base.beginSheet(name: name, index: index)
  }

  mutating func visit(_ row: SheetRow) {
    guard skip == 0 else { return skip -= 1 }
    base.visit(row)
  }

  mutating func endSheet() {
    guard skip == 0 else { return skip -= 1 }
    base.endSheet()
  }
}
