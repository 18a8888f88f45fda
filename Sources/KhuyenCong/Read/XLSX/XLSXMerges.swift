import KhuyenCongXML

/// The merged ranges of one worksheet (`<mergeCells>`), which xlsx writes after the cells.
struct XLSXMerges {
  /// `A1:E1`, in file order, for the sheet summary.
  private(set) var ranges: [String] = []
  /// row → column → (extra columns, extra rows) of the range starting there.
  private var origins: [Int: [Int: (across: Int, down: Int)]] = [:]

  /// No merges.
  init() {}

  /// Records the range `top,left`–`bottom,right`.
  mutating func add(top: Int, left: Int, bottom: Int, right: Int) {
    ranges.append(
      ColumnName.letters(left) + String(top) + ":" + ColumnName.letters(right) + String(bottom))
    origins[top, default: [:]][left] = (right - left, bottom - top)
  }

  /// The extent of a merge whose top-left cell is at `row`, `column`; zeros for none.
  func extent(row: Int, column: Int) -> (across: Int, down: Int) {
    origins[row]?[column] ?? (0, 0)
  }

  /// Pass one over a worksheet part: collects `<mergeCell ref>`, ignores everything else.
  /// A ref that is not a range is returned as a problem, with its text.
  static func collect(_ stream: XLSXPartStream, part: String, file: String, sheet: String)
    throws(XLSXFailure) -> (merges: XLSXMerges, invalid: [String])
  {
    struct State {
      var mergeCell: XLSXName
      var row: XLSXName
      var value: XLSXName
      var inlineString: XLSXName
      var ref: XLSXName
      /// Inside a row whose first value was not met yet.
      var rowWithoutValue = false
      var merges = XLSXMerges()
      var invalid: [String] = []
    }
    let state = try XLSXPartParser.parse(
      stream, part: part, file: file, sheet: sheet,
      setUp: { reader in
        State(
          mergeCell: XLSXName(main: "mergeCell", in: reader),
          row: XLSXName(main: "row", in: reader), value: XLSXName(main: "v", in: reader),
          inlineString: XLSXName(main: "is", in: reader), ref: XLSXName(plain: "ref", in: reader))
      },
      visit: { reader, state in
        guard reader.kind == .elementStart else { return }
        // A row holding a value counts against the row budget here, before any row is
        // delivered, as the rows pass would count it (empty `<row/>` elements and rows of
        // formatted empty cells cost nothing).
        if state.row.matches(reader) {
          state.rowWithoutValue = !reader.isEmptyElement
          return
        }
        if state.rowWithoutValue, state.value.matches(reader) || state.inlineString.matches(reader) {
          state.rowWithoutValue = false
          stream.readBudget.countRowElement()
          return
        }
        guard state.mergeCell.matches(reader) else { return }
        state.merges.record(state.ref.attribute(in: reader) ?? "", invalid: &state.invalid)
      })
    return (state.merges, state.invalid)
  }

  /// Pass one at speed (`XMLStartTagScanner`, a third of the reader's instructions): the
  /// same merges, invalid refs and row count as `collect` for a part that reads cleanly, with
  /// the part drained and checked as `XLSXPartParser` does. `nil` when anything is not clean
  /// (a libxml2 issue of any kind, a refusal, a spent budget, damaged data, a ref holding `&`,
  /// markup a scan run ahead was not certain of): the caller then restores the budget and runs
  /// `collect`, which reports it as it always did.
  static func scan(_ stream: XLSXPartStream) -> (merges: XLSXMerges, invalid: [String])? {
    let pass = MergesScan(stream)
    let scanner = XMLStartTagScanner { buffer in stream.pull(buffer) }
    let clean = scanner.scan(pass, reportingEnds: false)
    guard clean, !stream.readBudget.isExhausted else { return nil }
    stream.drain()
    guard !stream.readBudget.isExhausted, stream.failure == nil else { return nil }
    // A scan run ahead (`XLSXPartStream.scansAhead`) hands its state to the budget here.
    if stream.scansAhead, !stream.settleScan() { return nil }
    return (pass.merges, pass.invalid)
  }

  /// Pass one's state and its call back, as a scanner's events (no closure to retain per tag).
  private final class MergesScan: XMLStartTagEvents {
    let stream: XLSXPartStream
    let row: XMLTagName
    let value: XMLTagName
    let inlineString: XMLTagName
    let mergeCell: XMLTagName
    @exclusivity(unchecked) var rowWithoutValue = false
    @exclusivity(unchecked) var merges = XLSXMerges()
    @exclusivity(unchecked) var invalid: [String] = []
    /// The worksheet's namespace as this scan's parser hands it (`isInNamespace(of:known:)`):
    /// one for the four names, which are all in the same namespaces.
    @exclusivity(unchecked) var known: UnsafeRawPointer?

    init(_ stream: XLSXPartStream) {
      self.stream = stream
      let main: [String?] = [XLSXName.mainTransitional, XLSXName.mainStrict]
      row = XMLTagName("row", in: main)
      value = XMLTagName("v", in: main)
      inlineString = XMLTagName("is", in: main)
      mergeCell = XMLTagName("mergeCell", in: main)
    }

    override func start(_ tag: XMLStartTag) -> Bool {
      // A local, passed `inout` outside any `&&` or `||`: the right side of those is a closure,
      // and an `inout` captured by a closure is checked for exclusive access at run time.
      var known = self.known
      defer { self.known = known }
      // As `collect` does, with the names it compares.
      if tag.isNamed(row, known: &known) {
        rowWithoutValue = !tag.isEmptyElement
        return true
      }
      if rowWithoutValue {
        var isValue = tag.isNamed(value, known: &known)
        if !isValue { isValue = tag.isNamed(inlineString, known: &known) }
        if isValue {
          rowWithoutValue = false
          stream.readBudget.countRowElement()
          return true
        }
      }
      guard tag.isNamed(mergeCell, known: &known) else { return true }
      let ref = tag.attribute("ref") ?? []
      guard !ref.contains(UInt8(ascii: "&")) else { return false }
      merges.record(String(decoding: ref, as: UTF8.self), invalid: &invalid)
      return true
    }
  }

  /// Adds the range `text` names, or lists it as invalid.
  fileprivate mutating func record(_ text: String, invalid: inout [String]) {
    // A range past Excel's grid (XFD1048576) is not one a spreadsheet could hold.
    let grid = ReadLimits.standard
    if let range = XLSXCellReference.range(text), range.bottom <= grid.maxRows,
      range.right <= grid.maxColumns
    {
      add(top: range.top, left: range.left, bottom: range.bottom, right: range.right)
    } else {
      invalid.append(text)
    }
  }
}
