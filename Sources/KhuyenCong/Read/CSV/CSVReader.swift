/// Reads a CSV submission the way a spreadsheet program opens it (SPEC §3).
///
/// The encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1258, TCVN3) and the
/// delimiter (`,` `;` tab) are sniffed from the first 64 KiB; the rest streams through in
/// 64 KiB chunks, so memory does not grow with the file (SPEC §8). The file is one sheet,
/// named after the file as Excel names it (`ke-hoach-2017.csv` → `ke-hoach-2017`), whose rows are numbered by record, as Excel numbers them: a quoted cell with line
/// breaks is still one row. CSV has no types: every value is `.text`, NFC, not trimmed.
///
/// ```swift
/// var source = MemorySource(bytes)
/// var collector = WorkbookCollector()
/// let report = CSVReader.read(&source, file: "lam-binh-2017.csv", into: &collector)
/// // report.encoding == "Windows-1258", report.delimiter == ";"
/// ```
public enum CSVReader {
  /// How much is sniffed, and the size of each later read.
  static let chunkSize = 1 << 16
  /// After this many undecodable records the file is taken for binary and reading stops:
  /// a report of thousands of identical errors helps no one.
  static let maxEncodingErrors = 100

  /// Reads `source` as CSV and streams its one sheet into `visitor`.
  ///
  /// - Parameters:
  ///   - source: the file's bytes.
  ///   - file: the file name as submitted, for diagnostics.
  ///   - limits: bounds on the file size, cell length, rows and columns.
  ///   - visitor: receives the sheet (named after the file) and its non-empty rows.
  /// - Returns: the detected encoding and delimiter, the sheet's extent, and every problem:
  ///   `file.unreadable` (empty, too large, I/O failure), `file.encoding` (bytes that do not
  ///   decode, at their cell), `csv.malformed` (broken quoting, over-long cells, at their cell),
  ///   and an `info` `file.encoding` when TCVN3 text was converted.
  public static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits = .standard,
    into visitor: inout Visitor
  ) -> ReadReport {
    read(&source, file: file, limits: limits, decodingEveryByte: false, into: &visitor)
  }

  /// `read`; with `decodingEveryByte`, UTF-8 goes through the decoder scalar by scalar instead
  /// of the tokenizer's byte path: the tests' reference for that path.
  static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits, decodingEveryByte: Bool,
    into visitor: inout Visitor
  ) -> ReadReport {
    var report = ReadReport(format: .csv)
    var prefix: [UInt8] = []
    var atEnd = false
    do {
      while prefix.count < chunkSize {
        let chunk = try source.read(maxCount: chunkSize - prefix.count)
        if chunk.isEmpty {
          atEnd = true
          break
        }
        prefix.append(contentsOf: chunk)
      }
    } catch {
      return unreadable(report, file: file, values: ["reason": error.reason])
    }
    if prefix.count > limits.maxFileBytes {
      return unreadable(report, file: file, values: ["limit": String(limits.maxFileBytes)])
    }
    let encoding = EncodingSniffer.detect(prefix[...], isWholeFile: atEnd)
    if atEnd && prefix.count <= encoding.bomLength {
      if !prefix.isEmpty { report.encoding = encoding.reportName }
      return unreadable(report, file: file, values: ["reason": "empty"])
    }
    report.encoding = encoding.reportName
    if encoding == .tcvn3 {
      report.diagnostics.append(
        Diagnostic(
          code: .fileEncoding, severity: .info, position: Position(file: file),
          values: ["encoding": encoding.reportName]))
    }

    var decoder = TextDecoder(encoding: encoding, startOffset: encoding.bomLength)
    var units: [DecodedUnit] = []
    units.reserveCapacity(chunkSize)
    decoder.decode(prefix[encoding.bomLength...], into: &units)
    if atEnd { decoder.finish(into: &units) }
    let prefixCount = prefix.count
    prefix = []
    let delimiter = DelimiterSniffer.sniff(units, encoding: encoding)
    report.delimiter = Character(delimiter)

    var sheet = CSVSheetWriter(
      tokenizer: CSVTokenizer(
        file: file, delimiter: delimiter, encodingName: encoding.reportName, limits: limits))
    let budget = ReadBudget(limits.budget)
    budget.consume(count: prefixCount)
    var budgeted = BudgetedVisitor(visitor, budget: budget)
    defer { visitor = budgeted.base }
    budgeted.beginSheet(name: sheet.tokenizer.sheet, index: 0)
    var stop = sheet.feed(units, into: &budgeted)
    var bytesRead = prefixCount
    var fatal: Diagnostic?
    while !atEnd && stop == nil && !budget.isExhausted {
      units.removeAll(keepingCapacity: true)
      let chunk: [UInt8]
      do {
        chunk = try source.read(maxCount: chunkSize)
      } catch {
        fatal = fileUnreadable(file, values: ["reason": error.reason])
        break
      }
      if chunk.isEmpty {
        atEnd = true
        decoder.finish(into: &units)
      } else {
        bytesRead += chunk.count
        budget.consume(count: chunk.count)
        if bytesRead > limits.maxFileBytes {
          fatal = fileUnreadable(file, values: ["limit": String(limits.maxFileBytes)])
          break
        }
        if case .utf8 = encoding, delimiter.isASCII, !decodingEveryByte {
          stop = feedUTF8(chunk, decoder: &decoder, sheet: &sheet, into: &budgeted)
          continue
        }
        decoder.decode(chunk[...], into: &units)
      }
      stop = sheet.feed(units, into: &budgeted)
    }
    if fatal == nil && stop == nil && !budget.isExhausted { sheet.finish(into: &budgeted) }
    budgeted.endSheet()
    if fatal == nil { fatal = budget.diagnostic(file: file) }

    report.diagnostics += sheet.tokenizer.diagnostics
    if stop == .tooManyEncodingErrors {
      report.diagnostics.append(
        Diagnostic(
          code: .fileEncoding, severity: .error, position: Position(file: file),
          values: ["encoding": encoding.reportName, "reason": "stopped"]))
    }
    if let fatal { report.diagnostics.append(fatal) }
    report.sheets = [sheet.summary]
    return report
  }

  /// A UTF-8 chunk after the first: a sequence the last chunk left open is completed through the
  /// decoder, then the valid bytes go to the tokenizer as they are (no scalar decoding), and
  /// the decoder takes over again at the first byte that is not valid text, to report it at
  /// its offset. The rows and diagnostics are those of decoding the whole chunk.
  private static func feedUTF8<Visitor: WorkbookVisitor>(
    _ chunk: [UInt8], decoder: inout TextDecoder, sheet: inout CSVSheetWriter, into visitor: inout Visitor
  ) -> CSVSheetWriter.Stop? {
    var units: [DecodedUnit] = []
    var start = 0
    // A sequence split by the chunk's start: one byte at a time until the decoder is idle.
    while !decoder.isIdle && start < chunk.count {
      decoder.decode(chunk[start..<start + 1], into: &units)
      start += 1
    }
    if let stop = sheet.feed(units, into: &visitor) { return stop }
    units.removeAll()
    guard start < chunk.count else { return nil }
    let valid = chunk.withUnsafeBufferPointer { buffer -> (count: Int, stop: CSVSheetWriter.Stop?) in
      let rest = UnsafeBufferPointer(rebasing: buffer[start...])
      let count = TextDecoder.validUTF8Prefix(rest)
      return (count, sheet.feed(validUTF8: UnsafeBufferPointer(rebasing: rest[..<count]), into: &visitor))
    }
    decoder.skip(validBytes: valid.count)
    if let stop = valid.stop { return stop }
    start += valid.count
    guard start < chunk.count else { return nil }
    decoder.decode(chunk[start...], into: &units)
    return sheet.feed(units, into: &visitor)
  }

  private static func fileUnreadable(_ file: String, values: [String: String]) -> Diagnostic {
    Diagnostic(
      code: .fileUnreadable, severity: .error, position: Position(file: file), values: values)
  }

  private static func unreadable(
    _ report: ReadReport, file: String, values: [String: String]
  ) -> ReadReport {
    var report = report
    report.diagnostics.append(fileUnreadable(file, values: values))
    return report
  }
}
