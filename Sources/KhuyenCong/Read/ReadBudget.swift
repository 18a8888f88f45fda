/// How much work reading one file may cost, in proportion to the bytes it actually read
/// (SPEC §4 `file.limit`, §8 hostile input).
///
/// A size limit alone does not bound the work: 24 KB of xlsx whose 4 000 rows point at one
/// 32 767-character shared string delivers 131 MB of text; 300 KB of xlsx holds 41 million
/// empty `<si/>`; 3.4 MB of XML puts 300 000 attributes on one element, which libxml2 2.9.14
/// checks in quadratic time (minutes) before any code of ours runs. So a reader counts what it
/// *expands* (text delivered, cells, rows, shared strings) against an allowance that grows
/// with the bytes consumed, and the bytes it feeds to libxml2 are pre-scanned for elements
/// with too many attributes, before libxml2 parses them.
///
/// The allowances are loose enough that any honest file up to the 50 MiB size limit passes
/// (an honest cell, row or shared string costs more bytes than the allowance charges for it),
/// and tight enough that an amplifying file stops within milliseconds. Crossing one ends the
/// read with a single `file.limit` error that names the limit and its value.
///
/// One budget serves one read: readers share it by reference between their byte feed and the
/// visitor they wrap (`BudgetedVisitor`), so the hooks in each reader stay a line or two.
public final class ReadBudget {
  /// Which allowance a file crossed: `values["reason"]` of its `file.limit` diagnostic.
  public enum Limit: String, Hashable, Sendable, CaseIterable {
    /// UTF-8 bytes of cell text delivered (a shared string counts each time a cell uses it).
    case cellText = "cell-text"
    /// Non-empty cells delivered.
    case cells
    /// Rows holding a value delivered.
    case rows
    /// Attributes on one XML element.
    case attributes = "attributes-per-element"
    /// Entries of an xlsx shared-string table.
    case sharedStrings = "shared-strings"
    /// Bytes inflated from an xlsx file, every pass counted, against the file's own size.
    case uncompressed = "uncompressed-bytes"
    /// Bytes libxml2 would scan again while a long tag, comment or instruction holding `>`
    /// stays open (see `AttributeScanner`).
    case markupRescan = "markup-rescan"
  }

  /// The allowances: each is `perByte × bytes + constant` (or `bytes ÷ bytesPer + constant`).
  public struct Allowance: Hashable, Sendable {
    /// Text delivered per byte consumed, plus a constant for small files. Text can only
    /// exceed the bytes read through xlsx shared strings, where an honest cell reference
    /// (`<c r="B10" t="s"><v>5</v></c>`, ~30 bytes) rarely brings more than 100 bytes.
    public var textPerByte: Int
    public var textConstant: Int
    /// Bytes consumed per cell allowed: a CSV cell costs at least 2 bytes, an XML one 7.
    public var bytesPerCell: Int
    public var cellsConstant: Int
    /// Bytes consumed per row allowed, in CSV and in XML: an honest plan line has at least
    /// six cells, over 16 bytes of CSV and over 150 bytes of XML; the constant leaves room for
    /// short title, section and signature rows.
    public var bytesPerRow: Int
    public var xmlBytesPerRow: Int
    public var rowsConstant: Int
    /// Bytes consumed per shared string allowed: `<si><t>a</t></si>` is 17 bytes.
    public var bytesPerSharedString: Int
    public var sharedStringsConstant: Int
    /// Most attributes on one element (namespace declarations included). SpreadsheetML and
    /// xlsx elements carry fewer than 20.
    public var attributesPerElement: Int
    /// Bytes an xlsx may inflate to (all parts, both passes over a worksheet) per byte of
    /// the file, plus a constant: honest sheets deflate 5 to 30 times; a 13 KB file holding
    /// two 6 MB comments cost seconds of XML parsing while staying under the size limits.
    public var uncompressedPerByte: Int = 64
    public var uncompressedConstant: Int = 32 << 20
    /// Bytes libxml2 may scan again per byte read, plus a constant. libxml2's reader feeds its
    /// parser 512 bytes at a time, and while a tag, comment or processing instruction stays
    /// open, each piece holding a `>` makes it scan back over the whole construct: a 2.3 MB
    /// comment with a `>` in every piece cost 6.7 s (found by the xlsx fuzz target). An honest
    /// file's constructs are short (a formula attribute of a few kilobytes at most).
    public var markupRescanPerByte: Int = 4
    public var markupRescanConstant: Int = 16 << 20

    /// Creates an allowance.
    public init(
      textPerByte: Int, textConstant: Int, bytesPerCell: Int, cellsConstant: Int,
      bytesPerRow: Int, xmlBytesPerRow: Int, rowsConstant: Int, bytesPerSharedString: Int,
      sharedStringsConstant: Int, attributesPerElement: Int
    ) {
      self.textPerByte = textPerByte
      self.textConstant = textConstant
      self.bytesPerCell = max(1, bytesPerCell)
      self.cellsConstant = cellsConstant
      self.bytesPerRow = max(1, bytesPerRow)
      self.xmlBytesPerRow = max(1, xmlBytesPerRow)
      self.rowsConstant = rowsConstant
      self.bytesPerSharedString = max(1, bytesPerSharedString)
      self.sharedStringsConstant = sharedStringsConstant
      self.attributesPerElement = attributesPerElement
    }

    /// The defaults (README, "Reading budgets").
    public static let standard = Allowance(
      textPerByte: 8, textConstant: 1 << 20, bytesPerCell: 1, cellsConstant: 1 << 16,
      bytesPerRow: 16, xmlBytesPerRow: 96, rowsConstant: 10_000, bytesPerSharedString: 16,
      sharedStringsConstant: 1 << 16, attributesPerElement: 256)
  }

  public let allowance: Allowance
  /// Bytes consumed so far (for xlsx: uncompressed bytes fed to the XML reader).
  @exclusivity(unchecked) public private(set) var bytes = 0
  /// Of which bytes of XML.
  @exclusivity(unchecked) public private(set) var xmlBytes = 0
  // The counts `deliver` reads and changes (these, `bytes`, `xmlBytes` and `reached`) are not
  // checked for exclusive access at run time: it runs for every row (six checks a row, 450
  // instructions, issue 7), and nothing in it re-enters the budget, which one reading thread
  // uses at a time.
  @exclusivity(unchecked) public private(set) var text = 0
  @exclusivity(unchecked) public private(set) var cells = 0
  @exclusivity(unchecked) public private(set) var rows = 0
  /// Rows holding a value seen in a first pass (`countRowElement`).
  public private(set) var rowElements = 0
  public private(set) var sharedStrings = 0
  /// For an xlsx: the file's size, and the bytes inflated from it so far (every pass).
  public var packedBytes: Int?
  public private(set) var uncompressed = 0
  /// The limit crossed and its value at that moment, once one was.
  @exclusivity(unchecked) public private(set) var reached: (limit: Limit, value: Int)?
  private var scanner = AttributeScanner()

  /// A fresh budget.
  public init(_ allowance: Allowance = .standard) {
    self.allowance = allowance
  }

  /// Whether reading must stop.
  public var isExhausted: Bool { reached != nil }

  /// Everything counted so far, to count a pass again from the same point (`restore`).
  struct Counts {
    fileprivate var bytes, xmlBytes, text, cells, rows, rowElements, sharedStrings: Int
    fileprivate var packedBytes: Int?
    fileprivate var uncompressed: Int
    fileprivate var reached: (limit: Limit, value: Int)?
    fileprivate var scanner: AttributeScanner
    /// `>` met inside open constructs until then.
    var constructCloses: Int { scanner.closes }
    /// Whether the markup scan was then between constructs (`AttributeScanner.isBetweenConstructs`).
    var isBetweenConstructs: Bool { scanner.isBetweenConstructs }
  }

  /// What has been counted so far.
  var counts: Counts {
    Counts(
      bytes: bytes, xmlBytes: xmlBytes, text: text, cells: cells, rows: rows,
      rowElements: rowElements, sharedStrings: sharedStrings, packedBytes: packedBytes,
      uncompressed: uncompressed, reached: reached, scanner: scanner)
  }

  /// Forgets what was counted since `counts` gave `saved`.
  func restore(_ saved: Counts) {
    bytes = saved.bytes
    xmlBytes = saved.xmlBytes
    text = saved.text
    cells = saved.cells
    rows = saved.rows
    rowElements = saved.rowElements
    sharedStrings = saved.sharedStrings
    packedBytes = saved.packedBytes
    uncompressed = saved.uncompressed
    reached = saved.reached
    scanner = saved.scanner
  }

  /// `>` met inside an open tag, comment, instruction or CDATA section so far
  /// (`AttributeScanner.closes`).
  var constructCloses: Int { scanner.closes }

  /// Whether the markup scan is between constructs (`AttributeScanner.isBetweenConstructs`).
  var isBetweenConstructs: Bool { scanner.isBetweenConstructs }

  /// `consume(xml:counted: false)` of bytes whose scan is known to change nothing: the same
  /// bytes were scanned from the same state with no outcome and no `>` inside an open
  /// construct (the rows pass over a worksheet after a clean merges pass, issue 7: the scan
  /// was an eighth of an xlsx's instructions, twice). The scan would give `.clean`, charge
  /// nothing and end where it began, so only its byte count moves on.
  /// - Returns: `count`, or `nil` once a limit is reached.
  func consume(rescanning count: Int) -> Int? {
    guard reached == nil else { return nil }
    scanner.pass(over: count)
    return inflated(count: count) ? count : nil
  }

  /// The markup scan as it stands, for a scan run ahead of the reader from here
  /// (`XLSXInflateAhead`).
  var markupScan: AttributeScanner { scanner }

  /// `consume(xml:counted:)` of bytes a scan run ahead of the reader from `markupScan` found
  /// clean, with no `>` inside an open construct (so that scanning them here could neither
  /// charge the rescan allowance nor stop at them): everything but the scan. The scan's state
  /// is taken over once every byte it covered has been consumed (`adoptScan`).
  /// - Returns: `count`, or `nil` once a limit is reached.
  func consume(scannedAhead count: Int, counted: Bool) -> Int? {
    guard reached == nil else { return nil }
    if counted {
      bytes += count
      xmlBytes += count
    }
    return inflated(count: count) ? count : nil
  }

  /// Takes over the state a scan run ahead ended in (`consume(scannedAhead:counted:)`).
  func adoptScan(_ scanned: AttributeScanner) {
    scanner = scanned
  }

  /// Whether `count` more bytes can be inflated without crossing a limit.
  func allowsInflating(_ count: Int) -> Bool {
    guard reached == nil else { return false }
    guard let packedBytes else { return true }
    let limit =
      packedBytes.multipliedReportingOverflow(by: allowance.uncompressedPerByte).partialValue
      + allowance.uncompressedConstant
    return uncompressed + count <= limit
  }

  /// Counts `count` bytes read (a format that needs no attribute scan: CSV).
  /// - Returns: `false` once a limit is reached.
  @discardableResult
  public func consume(count: Int) -> Bool {
    bytes += count
    return reached == nil
  }

  /// Counts bytes about to be fed to libxml2 and scans them, before libxml2 parses them, for
  /// an element with more attributes than allowed and for a comment that breaks the XML rule
  /// against `--` inside it.
  ///
  /// libxml2 2.9.14 reports each `--` in a comment (each `-` of a run of them) with a copy of
  /// the whole comment read so far: 2 MB of comment followed by 1 000 of them cost 2.3 s, and a
  /// 3 MB file could hold a million (found by the xlsx fuzz target: 13 KB inflating to 2 MB
  /// of comment and 3 781 hyphens, 1.5 s). Such a file is malformed whatever follows, so
  /// libxml2 is given the bytes up to the first one, then the end of the document: it reports
  /// that comment once (`xml.malformed`), not a million times.
  /// - Returns: how many of the bytes to feed (all of them, or fewer when the document must end
  ///   after them: the caller then ends it), or `nil` once a limit is reached: the caller must
  ///   not feed these bytes.
  /// - Parameter counted: `false` for a second look at bytes already counted (the rows pass
  ///   over an xlsx worksheet, after the pass that collects its merged ranges and counts its
  ///   rows). The bytes still count as inflated.
  public func consume(xml chunk: UnsafeRawBufferPointer, counted: Bool = true) -> Int? {
    guard reached == nil else { return nil }
    if counted {
      bytes += chunk.count
      xmlBytes += chunk.count
    }
    var feed = chunk.count
    let maxRescan =
      bytes.multipliedReportingOverflow(by: allowance.markupRescanPerByte).partialValue
      + allowance.markupRescanConstant
    switch scanner.scan(chunk, maxAttributes: allowance.attributesPerElement, maxRescan: maxRescan) {
    case .clean: break
    case .tooManyAttributes:
      reached = (.attributes, allowance.attributesPerElement)
      return nil
    case .tooMuchRescanning:
      reached = (.markupRescan, maxRescan)
      return nil
    case .brokenComment(let end): feed = end
    }
    return inflated(count: chunk.count) ? feed : nil
  }

  /// Counts bytes inflated from an xlsx, whether or not they reach the XML reader (the rest of
  /// a part is inflated to check its CRC-32).
  /// - Returns: `false` once a limit is reached.
  public func inflated(count: Int) -> Bool {
    guard reached == nil else { return false }
    if let packedBytes {
      uncompressed += count
      let limit =
        packedBytes.multipliedReportingOverflow(by: allowance.uncompressedPerByte).partialValue
        + allowance.uncompressedConstant
      if uncompressed > limit { reached = (.uncompressed, limit) }
    }
    return reached == nil
  }

  /// Bytes libxml2 would scan again, counted so far (`AttributeScanner.rescan`).
  var markupRescanned: Int { scanner.rescan }

  /// Whether `deliver(row)` would accept `row` had only `xmlBytes` bytes of XML been read
  /// (fewer than were): a reader that reads ahead of its rows asks this to answer as one that
  /// reads less far would. Counts nothing.
  func admits(_ row: SheetRow, xmlBytes assumed: Int) -> Bool {
    guard reached == nil else { return false }
    let xml = min(assumed, xmlBytes)
    return crossed(
      rows: rows + 1, cells: cells + row.cells.count, text: text + Self.textCost(of: row),
      bytes: bytes - xmlBytes + xml, xmlBytes: xml) == nil
  }

  /// Counts a row about to be delivered.
  /// - Returns: the row's text as counted (`textCost`, which the hand-over weighs the row by),
  ///   or `nil` when it crosses a limit (then it must not be delivered).
  public func deliver(_ row: SheetRow) -> Int? {
    guard reached == nil else { return nil }
    let cost = Self.textCost(of: row)
    rows += 1
    cells += row.cells.count
    text += cost
    reached = crossed(rows: rows, cells: cells, text: text, bytes: bytes, xmlBytes: xmlBytes)
    return reached == nil ? cost : nil
  }

  /// The text a row delivers, as the allowance counts it (a value without text counts 1).
  private static func textCost(of row: SheetRow) -> Int {
    var text = 0
    for cell in row.cells {
      switch cell.value {
      case .text(let value), .number(let value), .error(let value): text += value.utf8.count
      case .empty, .dateTime, .boolean: text += 1
      }
    }
    return text
  }

  /// The rows allowed after `bytes` read, of which `xmlBytes` of XML.
  private func rowLimit(bytes: Int, xmlBytes: Int) -> Int {
    (bytes - xmlBytes) / allowance.bytesPerRow + xmlBytes / allowance.xmlBytesPerRow
      + allowance.rowsConstant
  }

  /// The first limit (text, cells, rows) these counts cross after `bytes` read, and its value.
  private func crossed(rows: Int, cells: Int, text: Int, bytes: Int, xmlBytes: Int) -> (
    limit: Limit, value: Int
  )? {
    let textLimit =
      bytes.multipliedReportingOverflow(by: allowance.textPerByte).partialValue
      + allowance.textConstant
    if text > textLimit { return (.cellText, textLimit) }
    let cellLimit = bytes / allowance.bytesPerCell + allowance.cellsConstant
    if cells > cellLimit { return (.cells, cellLimit) }
    let rowLimit = rowLimit(bytes: bytes, xmlBytes: xmlBytes)
    if rows > rowLimit { return (.rows, rowLimit) }
    return nil
  }

  /// Counts a row holding a value met before its cells are delivered (the first pass over an
  /// xlsx worksheet), against the same allowance as delivered rows and the bytes read so far:
  /// a sheet of a million tiny rows stops early in its first pass, not after it.
  /// - Returns: `false` when it crosses the limit.
  @discardableResult
  public func countRowElement() -> Bool {
    guard reached == nil else { return false }
    rowElements += 1
    let limit = rowLimit(bytes: bytes, xmlBytes: xmlBytes)
    if rowElements > limit { reached = (.rows, limit) }
    return reached == nil
  }

  /// Counts one entry of a shared-string table.
  /// - Returns: `false` when it crosses the limit.
  @discardableResult
  public func addSharedString() -> Bool {
    guard reached == nil else { return false }
    sharedStrings += 1
    let limit = bytes / allowance.bytesPerSharedString + allowance.sharedStringsConstant
    if sharedStrings > limit { reached = (.sharedStrings, limit) }
    return reached == nil
  }

  /// The one `file.limit` error for `file`, once a limit was reached.
  public func diagnostic(file: String) -> Diagnostic? {
    guard let reached else { return nil }
    return Diagnostic(
      code: .fileLimit, severity: .error, position: Position(file: file),
      values: ["reason": reached.limit.rawValue, "limit": String(reached.value)])
  }
}

/// A visitor that counts every row against a `ReadBudget` and stops delivering once the
/// budget is spent (the reader then stops at its next byte feed).
public struct BudgetedVisitor<Base: WorkbookVisitor>: WorkbookVisitor {
  public var base: Base
  public let budget: ReadBudget

  /// Wraps `base`.
  public init(_ base: Base, budget: ReadBudget) {
    self.base = base
    self.budget = budget
  }

  public mutating func beginSheet(name: String, index: Int) {
    base.beginSheet(name: name, index: index)
  }

  public mutating func visit(_ row: SheetRow) {
    guard let textBytes = budget.deliver(row) else { return }
    base.visit(row, textBytes: textBytes)
  }

  public mutating func endSheet() { base.endSheet() }
}

/// Scans the raw bytes about to be fed to libxml2, across chunk boundaries, for what would make
/// libxml2 2.9.14 work out of proportion to them: an element with too many attributes (checked
/// in quadratic time), a comment holding `--` (each reported with a copy of the comment), and a
/// long construct holding `>` (rescanned for each 512-byte piece holding one).
///
/// Cheap and approximate in the safe direction: an `=` inside a tag and outside quotes is one
/// attribute; a tag ends at a `>` outside quotes, an end tag or declaration at its `>`, a
/// comment at `-->`, a processing instruction at `?>`, a CDATA section at `]]>`. Works on UTF-8
/// and on UTF-16 (every markup character is then an ASCII byte beside a zero, and zero bytes
/// are passed over where a sequence is matched).
struct AttributeScanner: Equatable {
  /// What a chunk holds.
  enum Outcome: Equatable {
    case clean
    case tooManyAttributes
    /// The bytes libxml2 would scan again passed the allowance.
    case tooMuchRescanning
    /// A comment holds `--` not followed by `>`: the document may be fed up to `end` (the byte
    /// after the `--` included, so the parser sees and reports it), then must end.
    case brokenComment(end: Int)
  }

  private enum State: UInt8 {
    case text, open, tag, doubleQuoted, singleQuoted
    /// An end tag or a declaration (`<!DOCTYPE`): ends at `>`.
    case skip
    /// After `<!`, `<!-`; inside a comment; a processing instruction; a CDATA section.
    case bang, bangDash, comment, instruction, cdata
  }
  private var state = State.text
  private var count = 0
  /// `-` met in a row inside a comment, `]` inside a CDATA section; whether the last byte of a
  /// processing instruction was `?`.
  private var run = 0
  /// Bytes scanned so far (all chunks), the offset of the last `<`, of the last `>` charged.
  private var offset = 0
  private var lastOpen = 0
  private var lastCharge = Int.min / 2
  /// Bytes libxml2 would scan again so far.
  private(set) var rescan = 0
  /// `>` met inside an open construct so far, charged or not: none in bytes means scanning
  /// them again cannot charge the rescan allowance.
  private(set) var closes = 0

  /// libxml2's reader hands its parser this many bytes at a time.
  static let readerPiece = 512

  /// Whether a tag's attributes are passed over in one loop (`name="value"` after
  /// `name="value"`, each value read to its closing quote) rather than a byte of markup per
  /// turn of the state machine. The same outcome and state either way (tests compare both);
  /// `false` only in tests.
  var passesAttributesWhole = true

  /// Whether the scan is between constructs (in text): where a well-formed document ends.
  var isBetweenConstructs: Bool { state == .text }

  /// Moves on over `count` bytes without looking at them, for bytes whose scan from this
  /// state is known to find nothing and end in it (`ReadBudget.consume(rescanning:)`). Only
  /// the offset of the last `<` is then not where a scan would leave it; it is read only at a
  /// `>` inside a construct, which is opened by a `<` scanned after it.
  mutating func pass(over count: Int) {
    offset += count
  }

  mutating func scan(_ chunk: UnsafeRawBufferPointer, maxAttributes: Int, maxRescan: Int = .max)
    -> Outcome
  {
    defer { offset += chunk.count }
    guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .clean }
    let size = chunk.count
    var index = 0
    while index < size {
      // Runs of bytes that change nothing are passed over in a tight loop: in text, all but
      // `<`; inside a tag, all but `<`, `>`, `=` and quotes; inside a quoted value, all but
      // `<`, `>` and its quote. (Each of these bytes would only fall through the switch.)
      switch state {
      case .text:
        while index < size && base[index] != 0x3C { index += 1 }
      case .tag:
        // A tag's attributes in one loop: `=` counted, a double-quoted value free of `<` and
        // `>` passed over to its closing quote, the `>` that ends the tag taken, all as the
        // state machine below would (it changes only `count` and `state` for these bytes, and
        // charges nothing). Anything else (`<`, `'`, a value holding `<` or `>` or running past
        // the chunk) is left to the state machine.
        while index < size {
          let byte = base[index]
          if byte == 0x3D, passesAttributesWhole {  // =
            count += 1
            if count > maxAttributes { return .tooManyAttributes }
            index += 1
            continue
          }
          if byte == 0x22, passesAttributesWhole {  // "
            var end = index + 1
            while end < size {
              let inside = base[end]
              if inside == 0x22 || inside == 0x3C || inside == 0x3E { break }
              end += 1
            }
            guard end < size, base[end] == 0x22 else { break }
            index = end + 1
            continue
          }
          if byte == 0x3C || byte == 0x3E || byte == 0x3D || byte == 0x22 || byte == 0x27 { break }
          index += 1
        }
      case .skip:
        // An end tag or a declaration: only `<` (noted below) and the closing `>` matter.
        while index < size && base[index] != 0x3E && base[index] != 0x3C { index += 1 }
      case .doubleQuoted, .singleQuoted:
        let quote: UInt8 = state == .doubleQuoted ? 0x22 : 0x27
        while index < size {
          let byte = base[index]
          if byte == 0x3C || byte == 0x3E || byte == quote { break }
          index += 1
        }
      default: break
      }
      guard index < size else { break }
      let byte = base[index]
      defer { index += 1 }
      if byte == 0x3C { lastOpen = offset + index }  // <
      switch state {
      case .text:
        if byte == 0x3C { state = .open }
        continue
      case .open:
        if byte == 0x21 {  // !
          state = .bang
        } else if byte == 0x3F {  // ?
          state = .instruction
          run = 0
        } else if byte == 0x2F {  // /
          state = .skip
        } else if byte != 0 {
          state = .tag
          count = 0
        }
        continue
      case .tag:
        switch byte {
        case 0x3D:  // =
          count += 1
          if count > maxAttributes { return .tooManyAttributes }
        case 0x22: state = .doubleQuoted
        case 0x27: state = .singleQuoted
        case 0x3E: state = .text
        default: break
        }
        continue
      case .doubleQuoted:
        if byte == 0x22 { state = .tag }
      case .singleQuoted:
        if byte == 0x27 { state = .tag }
      case .skip:
        if byte == 0x3E {
          state = .text
          continue
        }
      case .bang:
        if byte == 0x2D {
          state = .bangDash
        } else if byte == 0x5B {  // [
          state = .cdata
          run = 0
        } else if byte == 0x3E {
          state = .text
        } else if byte != 0 {
          state = .skip
        }
        continue
      case .bangDash:
        if byte == 0x2D {
          state = .comment
          run = 0
        } else if byte == 0x3E {
          state = .text
        } else if byte != 0 {
          state = .skip
        }
        continue
      case .comment:
        if byte == 0 { continue }
        if run >= 2 {
          // `--` ends the comment with `>`, and is an error before anything else (a third
          // `-` too: libxml2 reports each `-` of a long run).
          guard byte == 0x3E else { return .brokenComment(end: index + 1) }
          state = .text
          continue
        }
        run = byte == 0x2D ? run + 1 : 0
      case .instruction:
        if byte == 0 { continue }
        if byte == 0x3E && run == 1 {
          state = .text
          continue
        }
        run = byte == 0x3F ? 1 : 0
      case .cdata:
        if byte == 0 { continue }
        if byte == 0x3E && run >= 2 {
          state = .text
          continue
        }
        run = byte == 0x5D ? run + 1 : 0
      }
      // Inside an open construct: a `>` that does not end it makes libxml2 scan back to the
      // last `<` (once per piece it is handed).
      if byte == 0x3E {
        closes += 1
        let at = offset + index
        if at - lastCharge >= Self.readerPiece {
          lastCharge = at
          rescan += at - lastOpen
          if rescan > maxRescan { return .tooMuchRescanning }
        }
      }
    }
    return .clean
  }
}
