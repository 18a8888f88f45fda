import Foundation

/// The cheap paths of `TextKey` folding and of `nfcTrimmed`, for the text a plan is made of:
/// ASCII and precomposed Latin (Vietnamese) letters. Foundation's normalisation, the costliest
/// step of reading a plan, runs only on text outside these ranges.
///
/// Both paths give exactly what Foundation gives (a test compares them scalar by scalar):
/// - every scalar of the fast ranges is a starter that NFC leaves as it is, and none combines
///   with a preceding scalar, so a text made of them alone is already NFC;
/// - NFD of a text is each scalar's own NFD, then canonical reordering of combining marks; the
///   only marks a fast text decomposes to are U+0300–U+036F, which folding drops, so the order
///   they end up in does not matter and a table of each scalar's decomposition suffices.
enum TextFolding {
  /// Scalars whose own decomposition is tabled: Latin-1 Supplement, Latin Extended-A and -B,
  /// IPA and spacing modifiers (U+0080–U+02FF), Latin Extended Additional (U+1E00–U+1EFF, the
  /// precomposed Vietnamese letters), dashes and quotes (U+2010–U+2027), currency signs.
  static let fastRanges: [ClosedRange<UInt32>] = [
    0x80...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x20A0...0x20C0,
  ]

  /// Whether `value` (not ASCII) is in one of `fastRanges`.
  @inline(__always)
  static func isFast(_ value: UInt32) -> Bool {
    value <= 0x2FF || (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value)
      || (0x20A0...0x20C0).contains(value)
  }

  /// Each fast scalar's canonical decomposition, as Foundation computes it, keyed by scalar.
  /// An entry is `nil` where the decomposition holds a combining mark outside U+0300–U+036F
  /// (none today: the check keeps the fast path exact should Unicode ever add one).
  static let decompositions: [UInt32: [Unicode.Scalar]] = {
    var table: [UInt32: [Unicode.Scalar]] = [:]
    for range in fastRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let decomposed = Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
        let exact = decomposed.allSatisfy { part in
          (0x300...0x36F).contains(part.value) || part.properties.canonicalCombiningClass == .notReordered
        }
        if exact { table[value] = decomposed }
      }
    }
    return table
  }()

  // MARK: - Folding

  /// What folding does with one part of a fast scalar's decomposition.
  enum FoldPart: Sendable {
    /// An ASCII scalar, folded as `asciiFolding` folds it.
    case ascii(UInt8)
    /// A letter outside ASCII: its lowercase form's UTF-8 bytes.
    case letter([UInt8])
    /// Anything else that is not a combining mark: a word break.
    case space
  }

  private static func tabledParts(_ value: UInt32) -> [FoldPart]? {
    guard let parts = decompositions[value] else { return nil }
    return parts.compactMap { part -> FoldPart? in
      if part.value < 0x80 { return .ascii(UInt8(truncatingIfNeeded: part.value)) }
      if (0x300...0x36F).contains(part.value) { return nil }
      if part == "đ" || part == "Đ" { return .ascii(UInt8(ascii: "d")) }
      guard part.properties.isAlphabetic else { return .space }
      var bytes: [UInt8] = []
      for lower in part.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { bytes.append($0) } }
      return .letter(bytes)
    }
  }

  /// Each fast scalar's folding as bytes to interpret, one table for all the fast
  /// ranges (`tableIndex`): `spans[i]` is `offset << 8 | count` in `ops`, or `UInt32.max` where
  /// there is no exact entry. An op is 0 for a word break, an ASCII byte folded as
  /// `asciiFolding` folds it, or the UTF-8 of a letter (a lead byte starts one).
  private static let foldTable: (ops: [UInt8], spans: [UInt32]) = {
    var ops: [UInt8] = []
    var spans: [UInt32] = []
    for range in fastRanges {
      for value in range {
        guard let parts = tabledParts(value) else {
          spans.append(.max)
          continue
        }
        var encoded: [UInt8] = []
        var exact = true
        for part in parts {
          switch part {
          case .ascii(let byte): if byte == 0 { exact = false } else { encoded.append(byte) }
          case .space: encoded.append(0)
          case .letter(let bytes):
            // A letter is told from ASCII by its bytes: one whose lowercase holds ASCII
            // (none in these ranges) goes the way of a scalar without an entry.
            if bytes.first.map({ $0 < 0xC0 }) ?? true || bytes.contains(where: { $0 < 0x80 }) {
              exact = false
            }
            encoded += bytes
          }
        }
        if exact && encoded.count < 256 {
          spans.append(UInt32(ops.count) << 8 | UInt32(encoded.count))
          ops += encoded
        } else {
          spans.append(.max)
        }
      }
    }
    return (ops, spans)
  }()

  /// For each place of `foldTable.spans`, the folded letter or digit when the scalar's whole
  /// folding is that one ASCII character (most Vietnamese letters: "ế" is "e"), else 0: written
  /// without interpreting ops.
  private static let singleLetters: [UInt8] = {
    let table = foldTable
    return table.spans.map { span -> UInt8 in
      guard span != .max, span & 0xFF == 1 else { return 0 }
      let op = table.ops[Int(span >> 8)]
      // An ASCII op that writes a letter or a digit (`asciiFolding` above 1).
      guard op < 0x80 else { return 0 }
      let code = asciiFolding[Int(op)]
      return code > 1 ? code : 0
    }
  }()

  /// Each ASCII byte's folding, the one place it is said: the lowercase letter or digit it
  /// writes, 1 for a full stop (`FoldOutput.dot`), 0 for a word break (256 entries, so that a
  /// byte indexes it without a bounds check failing; only the first 128 are read).
  private static let asciiFolding: [UInt8] = (0..<256).map { value -> UInt8 in
    let byte = UInt8(value)
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
    case UInt8(ascii: "."): return 1
    default: return 0
    }
  }

  /// The place of fast scalar `value` in `foldTable.spans`, `nil` outside `fastRanges` (whose
  /// sizes give the offsets: 640, 256, 24 and 33 scalars; `tableIndexMatchesRanges` checks).
  @inline(__always)
  static func tableIndex(_ value: UInt32) -> Int? {
    if value <= 0x2FF { return value >= 0x80 ? Int(value &- 0x80) : nil }
    if value >= 0x1E00 && value <= 0x1EFF { return 640 + Int(value &- 0x1E00) }
    if value >= 0x2010 && value <= 0x2027 { return 896 + Int(value &- 0x2010) }
    if value >= 0x20A0 && value <= 0x20C0 { return 920 + Int(value &- 0x20A0) }
    return nil
  }

  /// The folded form of `text` (see `TextKey`); `nil` when `text` holds a scalar outside the
  /// fast ranges, for which Foundation must decompose the whole text.
  static func fold(_ text: String) -> String? {
    text.utf8.withContiguousStorageIfAvailable(fold) ?? Array(text.utf8).withUnsafeBufferPointer(fold)
  }

  /// The folding of valid UTF-8, read scalar by scalar from the bytes and written straight
  /// into the new string's storage; `nil` for a scalar without an exact table entry.
  private static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var folded = true
    let text = String(unsafeUninitializedCapacity: foldCapacity(bytes.count)) { storage -> Int in
      guard let base = storage.baseAddress, let count = fold(bytes, into: base) else {
        folded = false
        return 0
      }
      return count
    }
    return folded ? text : nil
  }

  /// The most bytes the folding of `count` bytes writes (`fold(_:into:)`).
  static func foldCapacity(_ count: Int) -> Int { 2 * count + 16 }

  /// The folding of `text` written at `base`, which has room for `foldCapacity` of its UTF-8
  /// count: the number of bytes written, or `nil` as `fold(_:)` gives it (the folding is then
  /// Foundation's, `TextKey.foundationFolded`).
  static func fold(_ text: String, into base: UnsafeMutablePointer<UInt8>) -> Int? {
    text.utf8.withContiguousStorageIfAvailable { fold($0, into: base) }
      ?? Array(text.utf8).withUnsafeBufferPointer { fold($0, into: base) }
  }

  /// The folding of valid UTF-8 written at `base`, which has room for `foldCapacity` bytes.
  private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into base: UnsafeMutablePointer<UInt8>)
    -> Int?
  {
    // An ASCII byte writes at most two (a word break and itself); a scalar whose folding would
    // not leave that much room for the rest gives `nil`, and Foundation folds the text, as for
    // any scalar not tabled.
    let capacity = foldCapacity(bytes.count)
    var out = FoldOutput(base: base)
    let table = foldTable
    let singles = singleLetters
    let asciiFolds = asciiFolding
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        // Most of a text's bytes: one table look-up (issue 7: the ranges tested one after
        // the other made folding 22 instructions a byte).
        out.ascii(code: asciiFolds[Int(byte)])
        index &+= 1
        continue
      }
      // The slot of a two-byte scalar below U+0300, or of a precomposed Vietnamese letter
      // (E1 B8–BB: U+1E00–U+1EFF), straight from its bytes; any other the long way.
      let slot: Int
      if byte <= 0xCB, index + 1 < count {
        slot = (Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)) - 0x80
        index += 2
      } else if byte == 0xE1, index + 2 < count, case let second = bytes[index + 1], second >= 0xB8,
        second <= 0xBB
      {
        slot = 640 + (Int(second & 0x03) << 6 | Int(bytes[index + 2] & 0x3F))
        index += 3
      } else {
        guard let (value, length) = multibyteScalar(bytes, at: index) else { return nil }
        index += length
        if value >= 0x300 && value <= 0x36F { continue }
        guard let found = tableIndex(value) else { return nil }
        slot = found
      }
      let single = singles[slot]
      if single != 0 {
        // Its room: a scalar of two or more bytes writes at most two here.
        out.word(single)
        continue
      }
      let span = table.spans[slot]
      guard span != .max else { return nil }
      let start = Int(span >> 8)
      let end = start + Int(span & 0xFF)
      // Room for this scalar's ops and for every byte still to come (two each): a scalar
      // that folds to more than its share sends the text to Foundation, never past the end.
      guard out.count + 2 * (end - start) + 2 * (count - index) <= capacity else { return nil }
      for op in start..<end { out.op(table.ops[op]) }
    }
    while out.count > 0 && base[out.count - 1] == UInt8(ascii: ".") { out.count -= 1 }
    return out.count
  }

  /// Folded bytes written at `base` (`fold`), with the word break waiting to be written.
  private struct FoldOutput {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0
    var pendingSpace = false

    @inline(__always)
    mutating func append(_ byte: UInt8) {
      base[count] = byte
      count &+= 1
    }

    /// A word character: the waiting break first, unless at the start.
    @inline(__always)
    mutating func word(_ byte: UInt8) {
      if pendingSpace {
        if count > 0 { append(UInt8(ascii: " ")) }
        pendingSpace = false
      }
      append(byte)
    }

    /// One ASCII byte, by its `asciiFolding` code: a letter or digit to write, a full stop,
    /// or a word break.
    @inline(__always)
    mutating func ascii(code: UInt8) {
      if code > 1 {
        word(code)
      } else if code == 0 {
        pendingSpace = true
      } else {
        dot()
      }
    }

    /// A full stop: kept after a digit, so that indicator codes ("3.3") survive folding; a
    /// word break anywhere else.
    @inline(__always)
    mutating func dot() {
      if count > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(base[count - 1]) {
        append(UInt8(ascii: "."))
      } else {
        pendingSpace = true
      }
    }

    /// One op of `foldTable`: a word break, an ASCII byte, or a byte of a letter's UTF-8.
    @inline(__always)
    mutating func op(_ op: UInt8) {
      if op == 0 {
        pendingSpace = true
      } else if op < 0x80 {
        ascii(code: TextFolding.asciiFolding[Int(op)])
      } else if op >= 0xC0 {
        word(op)
      } else {
        append(op)
      }
    }
  }

  // MARK: - NFC and trimming

  /// `text` in NFC, trimmed as `String.nfcTrimmed` trims; `nil` when `text` holds a scalar
  /// outside the fast ranges (it may not be NFC: Foundation decides).
  static func nfcTrimmed(_ text: String) -> String? {
    let scanned =
      text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    switch scanned {
    case .ascii: return asciiTrimmed(text)
    case .other: return nil
    case .fast(let start, let end):
      // Already NFC: every scalar is a fast one. Trimmed by scalar, as Foundation trims.
      if start == end { return "" }
      if start == 0 && end == text.utf8.count { return text }
      let utf8 = text.utf8
      return String(
        utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }
  }

  /// Whether `text` is NFC because each of its scalars is ASCII or in the fast ranges.
  static func isKnownNFC(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(isKnownNFC)
      ?? Array(text.utf8).withUnsafeBufferPointer(isKnownNFC)
  }

  /// `isKnownNFC` of valid UTF-8 (a `String`'s), told from lead bytes where they suffice: a
  /// two-byte sequence led by C2–CB is U+0080–U+02FF and one led by E1 B8–E1 BB is
  /// U+1E00–U+1EFF, both fast; ASCII runs are skipped eight bytes at a time (`SWAR`), up to
  /// the next lead byte (issue 7: `scan`, which also finds where trimming ends, took twice as
  /// long on an activity's text).
  private static func isKnownNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var index = 0
    while index < count {
      while index + 8 <= count {
        let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
        if high != 0 {
          index += SWAR.firstLane(high)
          break
        }
        index += 8
      }
      guard index < count else { return true }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
      } else if lead <= 0xCB {
        index += 2
      } else if lead == 0xE1, index + 1 < count, (0xB8...0xBB).contains(bytes[index + 1]) {
        index += 3
      } else {
        guard let (value, length) = multibyteScalar(bytes, at: index), isFast(value) else { return false }
        index += length
      }
    }
    return true
  }

  /// The scalar of two or three bytes starting at `index` of valid UTF-8 (a `String`'s), and
  /// its length; `nil` for a four-byte one (never a fast scalar) or a sequence cut short.
  @inline(__always)
  private static func multibyteScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> (value: UInt32, length: Int)?
  {
    let byte = bytes[index]
    if byte < 0xE0 {
      guard index + 1 < bytes.count else { return nil }
      return (UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    guard byte < 0xF0, index + 2 < bytes.count else { return nil }
    return (
      UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
    )
  }

  /// What one pass over a text's UTF-8 finds.
  private enum Scan {
    case ascii
    /// Only ASCII and fast scalars, some not ASCII: the bytes left once trimmed of
    /// `isTrimmedSpace` scalars are `start..<end`.
    case fast(start: Int, end: Int)
    /// A scalar outside the fast ranges.
    case other
  }

  /// Scans valid UTF-8 (a `String`'s) scalar by scalar, on its bytes: the same answers as
  /// asking each of its `unicodeScalars`, without decoding them into a view (the per-cell cost
  /// of a large plan, issue 7).
  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
    let count = bytes.count
    // The first byte after the leading spaces, and the end of the last scalar that is not one.
    var start = -1
    var end = 0
    // ASCII text (most cells) is told eight bytes at a time.
    var asciiPrefix = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while asciiPrefix + 8 <= count,
        raw.loadUnaligned(fromByteOffset: asciiPrefix, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        asciiPrefix += 8
      }
      while asciiPrefix < count && bytes[asciiPrefix] < 0x80 { asciiPrefix += 1 }
      if asciiPrefix == count { return .ascii }
    }
    // The ASCII prefix's spaces, from either end (the loop below would find the same).
    var first = 0
    while first < asciiPrefix && isTrimmedSpace(UInt32(bytes[first])) { first += 1 }
    if first < asciiPrefix {
      start = first
      end = asciiPrefix
      while isTrimmedSpace(UInt32(bytes[end - 1])) { end -= 1 }
    }
    var isASCII = asciiPrefix == 0
    var index = asciiPrefix
    while index < count {
      let byte = bytes[index]
      var value = UInt32(byte)
      var length = 1
      if byte >= 0x80 {
        isASCII = false
        guard let scalar = multibyteScalar(bytes, at: index), isFast(scalar.value) else { return .other }
        (value, length) = scalar
      }
      if !isTrimmedSpace(value) {
        if start < 0 { start = index }
        end = index + length
      }
      index += length
    }
    if isASCII { return .ascii }
    return start < 0 ? .fast(start: 0, end: 0) : .fast(start: start, end: end)
  }

  /// Foundation's `whitespacesAndNewlines` within the fast ranges.
  @inline(__always)
  private static func isTrimmedSpace(_ value: UInt32) -> Bool {
    value == 0x20 || (0x09...0x0D).contains(value) || value == 0x85 || value == 0xA0
  }

  /// ASCII text trimmed of spaces, tabs, line feeds and carriage returns, character by
  /// character: a CR LF pair is one character, which is none of these, so it stays.
  private static func asciiTrimmed(_ text: String) -> String {
    let bytes = text.utf8
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    var start = bytes.startIndex
    while start != bytes.endIndex {
      let byte = bytes[start]
      guard isSpace(byte) else { break }
      let next = bytes.index(after: start)
      if byte == 0x0D, next != bytes.endIndex, bytes[next] == 0x0A { break }
      start = next
    }
    guard start != bytes.endIndex else { return "" }
    var end = bytes.endIndex
    while end != start {
      let before = bytes.index(before: end)
      let byte = bytes[before]
      guard isSpace(byte) else { break }
      if byte == 0x0A, before != start, bytes[bytes.index(before: before)] == 0x0D { break }
      end = before
    }
    if start == bytes.startIndex && end == bytes.endIndex { return text }
    return String(text[start..<end])
  }
}
