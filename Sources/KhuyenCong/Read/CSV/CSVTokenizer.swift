import Foundation

/// Splits decoded CSV text into records and cells, one scalar at a time (RFC 4180).
///
/// Works on scalars, not chunks, so the rows never depend on where the file's chunks end.
/// Every quoting problem is reported at the field where it is and reading goes on, so a
/// district learns about all of them in one pass (SPEC §4). What Excel would show is kept:
/// a stray quote stays in the cell, text after a closing quote is appended to the cell, and
/// an unterminated quote runs to the end of the file.
struct CSVTokenizer {
  /// Why a record or cell is malformed, in `Diagnostic.values["problem"]`.
  enum Problem: String {
    case unterminatedQuote = "unterminated-quote"
    case strayQuote = "stray-quote"
    case textAfterQuote = "text-after-quote"
    case cellTooLong = "cell-too-long"
    case tooManyColumns = "too-many-columns"
    case tooManyRows = "too-many-rows"
  }

  private enum State {
    /// Nothing of the field read yet: a quote here opens a quoted field.
    case fieldStart
    case unquoted
    case quoted
    /// A quote inside a quoted field: either the first of a doubled quote or the closing one.
    case quoteInQuoted
    /// Text after a closing quote (already reported), read on as unquoted text.
    case afterQuoted
  }

  /// The name Excel gives the only sheet of a CSV file: the file's name without its
  /// extension, cut to Excel's 31 characters ("ke-hoach-2017.csv" opens as "ke-hoach-2017").
  static func sheetName(file: String) -> String {
    var name = Substring(file.split(separator: "/").last ?? Substring(file))
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
    // Excel refuses these in a sheet name and replaces them.
    let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
    let trimmed = String(cleaned.prefix(31))
    return trimmed.isEmpty ? "Sheet1" : trimmed
  }

  private let file: String
  /// `sheetName(file:)`, computed once.
  let sheet: String
  private let delimiter: Unicode.Scalar
  private let encodingName: String
  private let limits: ReadLimits

  /// Problems found so far, in file order.
  private(set) var diagnostics: [Diagnostic] = []
  /// `file.encoding` diagnostics reported (one per record at most).
  private(set) var encodingErrorCount = 0
  /// Set once the sheet is full (`limits.maxRows`): nothing more is read.
  private(set) var isStopped = false

  /// The record being read: the row number a spreadsheet shows.
  private var record = 1
  /// The 1-based column of the field being read.
  private var column = 1
  private var state = State.fieldStart
  /// A CR ended the last record; an LF right after it belongs to the same line end.
  private var skipLineFeed = false
  /// Whether anything of the current record was read (a final line without line end).
  private var recordStarted = false
  /// The field's text so far, as UTF-8 (cheaper to grow than a `String`).
  private var field = FieldBytes()
  private var fieldLength = 0
  private var fieldHasNonASCII = false
  private var strayQuoteReported = false
  private var encodingReportedInRecord = false
  private var columnsReportedInRecord = false
  private var cells: [Cell] = []
  private var interner = TextInterner()

  init(file: String, delimiter: Unicode.Scalar, encodingName: String, limits: ReadLimits) {
    self.file = file
    self.sheet = Self.sheetName(file: file)
    self.delimiter = delimiter
    self.encodingName = encodingName
    self.limits = limits
  }

  /// Reads one decoded unit; returns the row it completes, if that row holds a value.
  mutating func consume(_ unit: DecodedUnit) -> SheetRow? {
    switch unit {
    case .scalar(let scalar):
      return consume(scalar)
    case .invalid(let offset, let bytes):
      if !encodingReportedInRecord {
        encodingReportedInRecord = true
        encodingErrorCount += 1
        let hex = bytes.map { byte in
          let digits = String(byte, radix: 16, uppercase: true)
          return digits.count == 1 ? "0" + digits : digits
        }
        report(
          .fileEncoding,
          values: [
            "encoding": encodingName, "offset": String(offset), "bytes": hex.joined(separator: " "),
          ])
      }
      // The cell keeps a visible mark where the bytes were; the error rejects the file anyway.
      return consume("\u{FFFD}")
    }
  }

  /// Reads bytes of valid UTF-8 without U+0000 (`TextDecoder.validUTF8Prefix`) from `index`
  /// on, until a row is complete (returned, `index` just after it), the sheet is full, or the
  /// bytes end. The same rows and diagnostics as decoding them and consuming each scalar:
  /// delimiter, quote and line ends are ASCII and never inside a multi-byte sequence, so runs
  /// of other bytes are copied into the field whole (issue 7: the byte-by-byte decoding was a
  /// quarter of `validate`'s instructions on a CSV). The delimiter must be ASCII.
  mutating func consume(validUTF8 bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> SheetRow? {
    // The reader takes this path only for an ASCII delimiter (`,` `;` tab: all it sniffs).
    precondition(delimiter.isASCII, "the byte path needs an ASCII delimiter")
    let delimiterByte = UInt8(truncatingIfNeeded: delimiter.value)
    let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")
    let count = bytes.count
    while index < count {
      if isStopped {
        index = count
        return nil
      }
      let byte = bytes[index]
      if skipLineFeed {
        skipLineFeed = false
        if byte == lineFeed {
          index += 1
          continue
        }
      }
      recordStarted = true
      switch state {
      case .fieldStart:
        if byte == quote {
          state = .quoted
          index += 1
          continue
        }
        state = .unquoted
        // This byte starts the unquoted field: read on at once, not a turn of the loop later.
        fallthrough
      case .unquoted, .afterQuoted:
        let start = index
        index = Self.firstSpecial(bytes, from: index, delimiter: delimiterByte)
        // A whole short field before its delimiter or line end (most cells): its cell made
        // straight from these bytes, never copied into `field` (whose length stays 0, so
        // `endField` adds nothing for it).
        var interned = false
        if index > start {
          let isWhole = index < count && state == .unquoted && fieldLength == 0 && bytes[index] != quote
          interned = isWhole && internWhole(UnsafeBufferPointer(rebasing: bytes[start..<index]))
          if !interned { appendRun(bytes, start..<index) }
        }
        if index == count { return nil }
        let special = bytes[index]
        index += 1
        // The delimiter (most specials) as `consumeUnquoted` takes it, without the scalar.
        if special == delimiterByte {
          // An interned field left nothing in `field` and held no quote: it only moves on.
          if interned { nextColumn() } else { endField() }
          continue
        }
        if let row = consumeUnquoted(Unicode.Scalar(special)) { return row }
      case .quoted:
        let start = index
        index = Self.firstQuote(bytes, from: index)
        if index > start { appendRun(bytes, start..<index) }
        if index == count { return nil }
        index += 1
        state = .quoteInQuoted
      case .quoteInQuoted:
        // One scalar through the scalar path: a doubled quote, the field's end, or text after
        // the closing quote (reported there).
        let scalarStart = index
        index += Self.sequenceLength(byte)
        if let row = consume(Self.scalar(bytes, scalarStart..<index)) { return row }
      }
    }
    return nil
  }

  /// The index of the first delimiter, quote, LF or CR in `bytes` from `index` on, or the
  /// end: eight bytes at a time (`SWAR`), then byte by byte.
  @inline(__always)
  private static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, delimiter: UInt8)
    -> Int
  {
    let count = bytes.count
    var index = index
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let delimiters = SWAR.broadcast(delimiter), quotes = SWAR.broadcast(UInt8(ascii: "\""))
      let lineFeeds = SWAR.broadcast(UInt8(ascii: "\n")), returns = SWAR.broadcast(UInt8(ascii: "\r"))
      while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let found =
          SWAR.zeroBytes(word ^ delimiters) | SWAR.zeroBytes(word ^ quotes) | SWAR.zeroBytes(word ^ lineFeeds)
          | SWAR.zeroBytes(word ^ returns)
        if found != 0 { return index + SWAR.firstLane(found) }
        index += 8
      }
    }
    while index < count {
      let next = bytes[index]
      if next == delimiter || next == UInt8(ascii: "\"") || next == UInt8(ascii: "\n")
        || next == UInt8(ascii: "\r")
      {
        break
      }
      index += 1
    }
    return index
  }

  /// The index of the first quote in `bytes` from `index` on, or the end.
  @inline(__always)
  private static func firstQuote(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
    let count = bytes.count
    var index = index
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let quotes = SWAR.broadcast(UInt8(ascii: "\""))
      while index + 8 <= count {
        let found = SWAR.zeroBytes(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ quotes)
        if found != 0 { return index + SWAR.firstLane(found) }
        index += 8
      }
    }
    while index < count && bytes[index] != UInt8(ascii: "\"") { index += 1 }
    return index
  }

  /// The cell of a whole field whose valid UTF-8 is `bytes` (nothing of it read before), made
  /// as `endField` makes a short one; `false` when it is not short enough for the interner or
  /// its column is past the limit (then it goes the way of every field).
  private mutating func internWhole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count <= TextInterner.maxBytes, column <= limits.maxColumns else { return false }
    if 3 * bytes.count > limits.maxCellCharacters {
      var continuations = 0
      for byte in bytes where byte & 0xC0 == 0x80 { continuations += 1 }
      guard 3 * (bytes.count - continuations) <= limits.maxCellCharacters else { return false }
    }
    cells.append(Self.interned(bytes, hasNonASCII: nil, column: column, in: &interner))
    return true
  }

  /// The cell in `column` of a short field's valid UTF-8 `bytes`, its text interned: NFC, and
  /// numbered. `hasNonASCII`, when known; found out from the bytes only for a text not kept yet.
  /// (Static: `endField` calls it while reading `field`, so it may change `interner` only.)
  private static func interned(
    _ bytes: UnsafeBufferPointer<UInt8>, hasNonASCII: Bool?, column: Int, in interner: inout TextInterner
  ) -> Cell {
    let kept = interner.text(for: bytes) {
      nfcText($0, hasNonASCII: hasNonASCII ?? $0.contains { $0 >= 0x80 })
    }
    return Cell(column: column, value: .text(kept.text), textID: kept.id, textIsNFC: true)
  }

  /// The length of the valid UTF-8 sequence that starts with `lead`.
  private static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The scalar of the valid UTF-8 sequence `bytes[range]`.
  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Unicode.Scalar {
    var iterator = bytes[range].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"  // not reached: the bytes were validated
  }

  /// `append` of each scalar of the valid UTF-8 `bytes[range]` (no quote in it; no delimiter
  /// or line end either, unless quoted): copied whole while the field is within its bounds.
  private mutating func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    // Scalars are the bytes that are not continuation bytes; eight at a time (`SWAR`).
    var continuations = 0
    var highBits: UInt64 = 0
    var index = range.lowerBound
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= range.upperBound {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        highBits |= word
        continuations += SWAR.continuationCount(word)
        index += 8
      }
    }
    while index < range.upperBound {
      let byte = bytes[index]
      highBits |= UInt64(byte)
      if byte & 0xC0 == 0x80 { continuations += 1 }
      index += 1
    }
    let scalars = range.count - continuations
    let nonASCII = highBits & 0x8080_8080_8080_8080 != 0
    if column <= limits.maxColumns && fieldLength + scalars <= 2 * limits.maxCellCharacters {
      field.append(UnsafeBufferPointer(rebasing: bytes[range]))
      fieldLength += scalars
      if nonASCII { fieldHasNonASCII = true }
      return
    }
    // Past a bound: scalar by scalar, as `append` counts and cuts them.
    index = range.lowerBound
    while index < range.upperBound {
      let start = index
      index += Self.sequenceLength(bytes[index])
      append(Self.scalar(bytes, start..<index))
    }
  }

  /// The file has ended: completes the last record and reports an open quote.
  mutating func finish() -> SheetRow? {
    guard !isStopped else { return nil }
    if state == .quoted { report(.csvMalformed, problem: .unterminatedQuote) }
    return recordStarted ? endRecord() : nil
  }

  private mutating func consume(_ scalar: Unicode.Scalar) -> SheetRow? {
    guard !isStopped else { return nil }
    if skipLineFeed {
      skipLineFeed = false
      if scalar == "\n" { return nil }
    }
    recordStarted = true
    switch state {
    case .fieldStart:
      if scalar == "\"" {
        state = .quoted
        return nil
      }
      state = .unquoted
      return consumeUnquoted(scalar)
    case .unquoted, .afterQuoted:
      return consumeUnquoted(scalar)
    case .quoted:
      if scalar == "\"" {
        state = .quoteInQuoted
      } else {
        append(scalar)
      }
      return nil
    case .quoteInQuoted:
      if scalar == "\"" {
        append(scalar)
        state = .quoted
        return nil
      }
      if scalar == delimiter || scalar == "\n" || scalar == "\r" {
        return consumeUnquoted(scalar)
      }
      report(.csvMalformed, problem: .textAfterQuote)
      state = .afterQuoted
      append(scalar)
      return nil
    }
  }

  private mutating func consumeUnquoted(_ scalar: Unicode.Scalar) -> SheetRow? {
    switch scalar {
    case delimiter:
      endField()
      return nil
    case "\r":
      skipLineFeed = true
      return endRecord()
    case "\n":
      return endRecord()
    case "\"":
      if state == .unquoted && !strayQuoteReported {
        strayQuoteReported = true
        report(.csvMalformed, problem: .strayQuote)
      }
      append(scalar)
      return nil
    default:
      append(scalar)
      return nil
    }
  }

  private mutating func append(_ scalar: Unicode.Scalar) {
    fieldLength += 1
    // Memory stays bounded however long the cell: past twice the limit (decomposed text can
    // be longer than its NFC form) the rest is only counted; the cell is reported anyway.
    guard column <= limits.maxColumns, fieldLength <= 2 * limits.maxCellCharacters else { return }
    if scalar.value < 0x80 {
      field.append(UInt8(truncatingIfNeeded: scalar.value))
    } else {
      fieldHasNonASCII = true
      UTF8.encode(scalar) { field.append($0) }
    }
  }

  /// What ends every field: the next one starts, in the next column. (A field read straight
  /// from the bytes and interned ends with this alone: `field` and its flags are untouched.)
  private mutating func nextColumn() {
    column += 1
    state = .fieldStart
  }

  private mutating func endField() {
    defer {
      nextColumn()
      field.removeAll()
      fieldLength = 0
      fieldHasNonASCII = false
      strayQuoteReported = false
    }
    guard fieldLength > 0 else { return }
    guard column <= limits.maxColumns else {
      if !columnsReportedInRecord {
        columnsReportedInRecord = true
        report(.csvMalformed, problem: .tooManyColumns, extra: ["limit": String(limits.maxColumns)])
      }
      return
    }
    // Short texts repeat from line to line: one `String` each (`TextInterner`). NFC makes a
    // text at most three times longer, so these are within the cell limit.
    if field.count <= TextInterner.maxBytes && 3 * fieldLength <= limits.maxCellCharacters {
      let hasNonASCII = fieldHasNonASCII
      let column = self.column
      cells.append(
        field.withBytes { Self.interned($0, hasNonASCII: hasNonASCII, column: column, in: &interner) })
      return
    }
    var text = field.withBytes { String(decoding: $0, as: UTF8.self) }
    // Windows-1258 and TCVN3 give base letters with combining tone marks (SPEC §3: NFC).
    // Text of ASCII and precomposed letters is NFC already (`TextFolding`): kept as it is.
    var isNFC = !fieldHasNonASCII
    if fieldHasNonASCII {
      isNFC = TextFolding.isKnownNFC(text)
      if !isNFC { text = text.precomposedStringWithCanonicalMapping }
    }
    if fieldLength > 2 * limits.maxCellCharacters
      || (isNFC ? fieldLength : text.unicodeScalars.count) > limits.maxCellCharacters
    {
      report(
        .csvMalformed, problem: .cellTooLong, extra: ["limit": String(limits.maxCellCharacters)])
      text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limits.maxCellCharacters)))
      cells.append(Cell(column: column, value: .text(text)))
      return
    }
    // NFC as found or as made.
    cells.append(Cell(column: column, value: .text(text), textIsNFC: true))
  }

  /// The NFC text of a field's UTF-8 bytes.
  private static func nfcText(_ bytes: UnsafeBufferPointer<UInt8>, hasNonASCII: Bool) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    guard hasNonASCII, !TextFolding.isKnownNFC(text) else { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  private mutating func endRecord() -> SheetRow? {
    endField()
    defer {
      record += 1
      column = 1
      cells.removeAll(keepingCapacity: true)
      recordStarted = false
      encodingReportedInRecord = false
      columnsReportedInRecord = false
    }
    guard record <= limits.maxRows else {
      if !cells.isEmpty {
        column = 1
        report(.csvMalformed, problem: .tooManyRows, extra: ["limit": String(limits.maxRows)])
        isStopped = true
      }
      return nil
    }
    return cells.isEmpty ? nil : SheetRow(number: record, cells: cells)
  }

  private mutating func report(
    _ code: DiagnosticCode, problem: Problem, extra: [String: String] = [:]
  ) {
    report(code, values: extra.merging(["problem": problem.rawValue]) { first, _ in first })
  }

  private mutating func report(_ code: DiagnosticCode, values: [String: String]) {
    let position = Position(file: file, sheet: sheet, row: record, column: column)
    diagnostics.append(Diagnostic(code: code, severity: .error, position: position, values: values))
  }
}

/// A field's bytes: an array used as storage that grows and never shrinks, and the count of
/// bytes in use. Starting the next field only sets the count (issue 7: `removeAll(keepingCapacity:)`
/// and `append(contentsOf:)` on an `Array` cost a few hundred instructions per field).
private struct FieldBytes {
  private var storage: [UInt8] = []
  private(set) var count = 0

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    let start = count
    storage.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      (base + start).update(from: source, count: bytes.count)
    }
    count += bytes.count
  }

  mutating func append(_ byte: UInt8) {
    reserve(1)
    storage[count] = byte
    count += 1
  }

  mutating func removeAll() { count = 0 }

  /// `body` of the bytes in use.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
  }

  /// Room for `more` bytes after those in use.
  private mutating func reserve(_ more: Int) {
    guard count + more > storage.count else { return }
    storage.append(contentsOf: repeatElement(0, count: max(count + more - storage.count, storage.count, 64)))
  }
}
