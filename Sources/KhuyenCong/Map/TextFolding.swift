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
    /// An ASCII scalar, folded as `foldASCII` folds it.
    case ascii(UInt8)
    /// A letter outside ASCII: its lowercase form's UTF-8 bytes.
    case letter([UInt8])
    /// Anything else that is not a combining mark: a word break.
    case space
  }

  /// Each fast scalar's folding, flat by scalar value for U+0080–U+02FF and U+1E00–U+1EFF (the
  /// letters of a Vietnamese plan): an array read instead of a decomposition looked up and
  /// each part's Unicode properties asked, on every letter of every text folded. `nil` where
  /// there is no exact table entry (`decompositions`).
  private static let latinFolds: [[FoldPart]?] = (0x80...0x2FF).map(tabledParts)
  private static let vietnameseFolds: [[FoldPart]?] = (0x1E00...0x1EFF).map(tabledParts)

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

  /// The folding of fast scalar `value` (not ASCII, not a combining mark), `nil` when it has none.
  @inline(__always)
  private static func foldParts(of value: UInt32) -> [FoldPart]? {
    if value >= 0x80 && value <= 0x2FF { return latinFolds[Int(value - 0x80)] }
    if value >= 0x1E00 && value <= 0x1EFF { return vietnameseFolds[Int(value - 0x1E00)] }
    guard isFast(value), decompositions[value] != nil else { return nil }
    return tabledParts(value)
  }

  /// The folded form of `text` (see `TextKey`); `nil` when `text` holds a scalar outside the
  /// fast ranges, for which Foundation must decompose the whole text.
  static func fold(_ text: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var isASCII = true
    for byte in text.utf8 where byte >= 0x80 {
      isASCII = false
      break
    }
    if isASCII {
      for byte in text.utf8 { foldASCII(byte, into: &out, pendingSpace: &pendingSpace) }
    } else {
      for scalar in text.unicodeScalars {
        let value = scalar.value
        if value < 0x80 {
          foldASCII(UInt8(truncatingIfNeeded: value), into: &out, pendingSpace: &pendingSpace)
        } else if (0x300...0x36F).contains(value) {
          continue
        } else if let parts = foldParts(of: value) {
          for part in parts {
            switch part {
            case .ascii(let byte): foldASCII(byte, into: &out, pendingSpace: &pendingSpace)
            case .letter(let bytes):
              if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
              pendingSpace = false
              out += bytes
            case .space: pendingSpace = true
            }
          }
        } else {
          return nil
        }
      }
    }
    while out.last == UInt8(ascii: ".") { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }

  @inline(__always)
  private static func foldASCII(_ byte: UInt8, into out: inout [UInt8], pendingSpace: inout Bool) {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
      pendingSpace = false
      out.append(byte)
    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
      if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
      pendingSpace = false
      out.append(byte + 32)
    case UInt8(ascii: "."):
      // Keep the dot of "3.3" so indicator codes survive folding.
      if let last = out.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) {
        out.append(byte)
      } else {
        pendingSpace = true
      }
    default:
      pendingSpace = true
    }
  }

  // MARK: - NFC and trimming

  /// `text` in NFC, trimmed as `String.nfcTrimmed` trims; `nil` when `text` holds a scalar
  /// outside the fast ranges (it may not be NFC: Foundation decides).
  static func nfcTrimmed(_ text: String) -> String? {
    let utf8 = text.utf8
    var isASCII = true
    for byte in utf8 where byte >= 0x80 {
      isASCII = false
      break
    }
    if isASCII { return asciiTrimmed(text) }
    // Already NFC when every scalar is a fast one; trimmed by scalar, as Foundation trims.
    let scalars = text.unicodeScalars
    for scalar in scalars where scalar.value >= 0x80 && !isFast(scalar.value) { return nil }
    guard let first = scalars.firstIndex(where: { !isTrimmedSpace($0.value) }),
      let last = scalars.lastIndex(where: { !isTrimmedSpace($0.value) })
    else { return "" }
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
    return String(text[first...last])
  }

  /// Whether `text` is NFC because each of its scalars is ASCII or in the fast ranges.
  static func isKnownNFC(_ text: String) -> Bool {
    for byte in text.utf8 where byte >= 0x80 {
      return text.unicodeScalars.allSatisfy { $0.value < 0x80 || isFast($0.value) }
    }
    return true
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
