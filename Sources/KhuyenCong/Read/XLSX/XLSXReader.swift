/// Reads an Office Open XML workbook (`.xlsx`) the way a spreadsheet program shows it.
///
/// A zip needs random access: a source that has it (a file, bytes in memory) is read at
/// offsets, any other is read whole (at most `maxFileBytes`); each part is then inflated under
/// `ReadLimits` and parsed with libxml2's streaming reader. Every problem
/// ends as a diagnostic naming the part (`values["part"]`), never as a crash (SPEC §3, §8).
///
/// ```swift
/// var source = MemorySource(bytes)
/// var sheets = WorkbookCollector()
/// let report = XLSXReader.read(&source, file: "lam-binh.xlsx", into: &sheets)
/// ```
public enum XLSXReader {
  /// Reads the workbook in `source`, sheet by sheet in tab order, into `visitor`.
  /// - Parameters:
  ///   - file: the file name as submitted, for positions.
  ///   - limits: bounds on the file, each part and all parts together (zip bombs).
  ///   - concurrently: whether a large part is inflated on a second thread, a few chunks
  ///     ahead of the XML parser, its first pass's budget scan with it (`XLSXInflateAhead`),
  ///     and a large worksheet's rows parsed on a third (`XLSXSheetEvents`): the same outcome,
  ///     sooner when a core is free.
  /// - Returns: format `.xlsx`, the sheets (names, row counts, merges, hidden) and diagnostics.
  public static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits = .standard,
    concurrently: Bool = false, into visitor: inout Visitor
  ) -> ReadReport {
    read(
      &source, file: file, limits: limits,
      inflatingAheadFrom: concurrently ? XLSXPackage.inflatedAheadFrom : nil, into: &visitor)
  }

  /// As above, inflating ahead every deflated part of `inflatingAheadFrom` compressed bytes or
  /// more (`nil`: none); tests ask for every part, to compare with reading on one thread.
  static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits, inflatingAheadFrom: Int?,
    into visitor: inout Visitor
  ) -> ReadReport {
    var report = ReadReport(format: .xlsx)
    let budget = ReadBudget(limits.budget)
    var budgeted = BudgetedVisitor(visitor, budget: budget)
    defer { visitor = budgeted.base }
    do {
      var package = try open(
        &source, file: file, limits: limits, budget: budget, inflatingAheadFrom: inflatingAheadFrom)
      try readWorkbook(&package, file: file, limits: limits, into: &budgeted, report: &report)
    } catch {
      report.diagnostics.append(error.diagnostic)
    }
    return report
  }

  private static func open<Source: ByteSource>(
    _ source: inout Source, file: String, limits: ReadLimits, budget: ReadBudget,
    inflatingAheadFrom: Int?
  ) throws(XLSXFailure) -> XLSXPackage {
    let zip: any RandomAccessBytes
    if let random = source.randomAccess() {
      // Read at offsets: refused by its size, as a file read whole would be at its limit.
      guard random.count <= limits.maxFileBytes else {
        throw XLSXFailure.unreadable(
          file: file, part: nil, reason: "larger than \(limits.maxFileBytes) bytes")
      }
      zip = random
    } else {
      do {
        guard let all = try source.readAll(limit: limits.maxFileBytes) else {
          throw XLSXFailure.unreadable(
            file: file, part: nil, reason: "larger than \(limits.maxFileBytes) bytes")
        }
        zip = MemoryBytes(bytes: all)
      } catch let error as ByteSourceError {
        throw .unreadable(file: file, part: nil, reason: error.reason)
      } catch let error as XLSXFailure {
        throw error
      } catch {
        throw .unreadable(file: file, part: nil, reason: "could not be read")
      }
    }
    guard zip.count > 0 else { throw .unreadable(file: file, part: nil, reason: "empty file") }
    do {
      budget.packedBytes = zip.count
      return try XLSXPackage(
        file: zip, limits: limits, budget: budget, inflatingAheadFrom: inflatingAheadFrom)
    } catch {
      switch error {
      case .notAZip:
        throw .unreadable(file: file, part: nil, reason: "not a zip file (an xlsx is one)")
      case .corrupt(let reason):
        throw .unreadable(file: file, part: nil, reason: "damaged zip file: " + reason)
      case .unreadable(let reason):
        throw .unreadable(file: file, part: nil, reason: reason)
      }
    }
  }

  private static func readWorkbook<Visitor: WorkbookVisitor>(
    _ package: inout XLSXPackage, file: String, limits: ReadLimits, into visitor: inout Visitor,
    report: inout ReadReport
  ) throws(XLSXFailure) {
    // The package relationships name the workbook part; every writer we know uses
    // xl/workbook.xml, which is also the fallback when `_rels/.rels` is missing.
    var workbookPart = "xl/workbook.xml"
    let rootRelsPart = XLSXRelationships.partName(for: "")
    let rootRels = try parsePart(&package, rootRelsPart, file: file) {
      stream throws(XLSXFailure) in
      try XLSXRelationships.parse(stream, part: rootRelsPart, source: "", file: file)
    }
    if let office = rootRels?.first(kind: "officeDocument"), package.contains(office.target) {
      workbookPart = office.target
    }
    let parsedWorkbook = try parsePart(&package, workbookPart, file: file) {
      stream throws(XLSXFailure) in
      try XLSXWorkbook.parse(stream, part: workbookPart, file: file)
    }
    guard let workbook = parsedWorkbook else {
      throw .unreadable(
        file: file, part: workbookPart, reason: "no workbook part: not a spreadsheet")
    }
    guard !workbook.sheets.isEmpty else {
      throw .unreadable(file: file, part: workbookPart, reason: "the workbook lists no sheets")
    }
    let relsPart = XLSXRelationships.partName(for: workbookPart)
    let parsedRels = try parsePart(&package, relsPart, file: file) {
      stream throws(XLSXFailure) in
      try XLSXRelationships.parse(stream, part: relsPart, source: workbookPart, file: file)
    }
    guard let rels = parsedRels else {
      throw .unreadable(file: file, part: relsPart, reason: "missing: the sheets cannot be found")
    }

    let stringsPart =
      rels.first(kind: "sharedStrings")?.target
      ?? XLSXRelationships.resolve("sharedStrings.xml", from: workbookPart)
    let sharedStrings =
      try parsePart(&package, stringsPart, file: file) { stream throws(XLSXFailure) in
        try XLSXSharedStrings.parse(stream, part: stringsPart, file: file)
      } ?? XLSXStringTable()
    let stylesPart =
      rels.first(kind: "styles")?.target
      ?? XLSXRelationships.resolve("styles.xml", from: workbookPart)
    let styles =
      try parsePart(&package, stylesPart, file: file) { stream throws(XLSXFailure) in
        try XLSXStyles.parse(stream, part: stylesPart, file: file)
      } ?? XLSXStyles()
    let decoder = XLSXCellDecoder(
      sharedStrings: sharedStrings, styles: styles, date1904: workbook.date1904)

    for (index, sheet) in workbook.sheets.enumerated() {
      if package.readBudget.isExhausted { break }  // its file.limit is already reported
      visitor.beginSheet(name: sheet.name, index: index)
      var summary = SheetSummary(name: sheet.name, hidden: sheet.hidden)
      do {
        let outcome = try readSheet(
          sheet, rels: rels, package: &package, decoder: decoder, file: file, limits: limits,
          into: &visitor)
        summary = outcome.summary
        summary.hidden = sheet.hidden
        report.diagnostics += outcome.diagnostics
      } catch {
        // One broken sheet does not hide the others; the error still rejects the file.
        var diagnostic = error.diagnostic
        diagnostic.position.sheet = sheet.name
        report.diagnostics.append(diagnostic)
      }
      visitor.endSheet()
      report.sheets.append(summary)
    }
  }

  private static func readSheet<Visitor: WorkbookVisitor>(
    _ sheet: XLSXWorkbook.Sheet, rels: XLSXRelationships, package: inout XLSXPackage,
    decoder: XLSXCellDecoder, file: String, limits: ReadLimits, into visitor: inout Visitor
  ) throws(XLSXFailure) -> XLSXSheetReader.Outcome {
    guard let target = rels[sheet.relationshipID], !target.isExternal else {
      throw .unreadable(
        file: file, part: nil,
        reason: "the workbook names no part for relationship \"\(sheet.relationshipID)\"")
    }
    // <mergeCells> follows <sheetData>: pass one collects the merges, pass two streams the
    // rows with each merge on its top-left cell. The part is not kept between the passes
    // (SPEC §8: memory must not grow with the file), so it is inflated twice. Pass one also
    // checks the whole part (limits, deflate data, CRC-32, XML) before any row is delivered.
    // It runs on libxml2's SAX parser (`XLSXMerges.scan`); a part that does not read cleanly
    // there is read again by the pull reader from the same budget (`XLSXMerges.collect`), so
    // its diagnostics are the reader's.
    let part = target.target
    let opened: XLSXPartStream?
    do {
      // Pass one's markup scan runs beside the inflating, when that is ahead of the parser.
      opened = try package.stream(part, scanningAhead: true)
    } catch {
      throw .package(error, file: file, part: part)
    }
    guard let stream = opened else {
      throw .unreadable(file: file, part: part, reason: "missing from the zip")
    }
    // The stream that pass one read to its end counts against the total (once).
    var first = stream
    defer { package.count(first) }
    let before = stream.readBudget.counts
    let merges: XLSXMerges
    var invalid: [String]
    // The rows pass runs on the SAX parser too when pass one did, and when inflating the part
    // again cannot cross the inflation limit nor its markup charge the rescan allowance (no
    // `>` inside an open construct): then nothing it meets is a problem the pull reader would
    // have met at another byte.
    var scanned = false
    if let found = XLSXMerges.scan(stream) {
      (merges, invalid) = found
      scanned =
        stream.readBudget.constructCloses == before.constructCloses
        && stream.readBudget.allowsInflating(stream.produced)
    } else {
      stream.readBudget.restore(before)
      first = stream.restarted()
      // The merges pass counts the part's bytes and its row elements towards the reading
      // budget, so a sheet of a million tiny rows stops there; the rows pass only scans
      // (counting both passes would let such a sheet through on twice its size).
      (merges, invalid) = try XLSXMerges.collect(
        first, part: part, file: file, sheet: sheet.name)
    }
    let rows = stream.restarted()
    // Pass one scanned these bytes from between constructs back to between constructs,
    // finding nothing: the rows pass's scan would too (the scan depends on the bytes and the
    // state it starts in only).
    rows.accounting =
      scanned && before.isBetweenConstructs && stream.readBudget.isBetweenConstructs
      ? .rescanned : .reread
    let reader = XLSXSheetReader(
      file: file, part: part, sheet: sheet.name, decoder: decoder, merges: merges,
      limits: limits)
    // A part large enough to be inflated ahead is also parsed ahead of its rows
    // (`XLSXSheetEvents`): the second core builds them while the parser reads on.
    var outcome = try reader.read(
      rows, scanned: scanned, recordingAhead: rows.inflatesAhead, into: &visitor)
    outcome.diagnostics += invalid.map { ref in
      Diagnostic(
        code: .xmlMalformed, severity: .error,
        position: Position(file: file, sheet: sheet.name),
        values: ["part": part, "reason": "a merged range that is not one", "value": ref])
    }
    return outcome
  }

  /// Streams part `name` through `parse`; `nil` when the zip has none by that name. The part
  /// counts against `maxTotalUncompressedBytes` once it has been read to its end.
  private static func parsePart<Parsed>(
    _ package: inout XLSXPackage, _ name: String, file: String,
    _ parse: (XLSXPartStream) throws(XLSXFailure) -> Parsed
  ) throws(XLSXFailure) -> Parsed? {
    let opened: XLSXPartStream?
    do {
      opened = try package.stream(name)
    } catch {
      throw .package(error, file: file, part: name)
    }
    guard let stream = opened else { return nil }
    defer { package.count(stream) }
    return try parse(stream)
  }
}
