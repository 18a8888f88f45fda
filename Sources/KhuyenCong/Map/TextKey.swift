import Foundation

/// Text folded for matching what people type against what the programme names:
/// case, diacritics (đ → d), punctuation and spacing do not matter (SPEC §3, "Columns").
///
/// `TextKey("  Địa điểm (Xã/Phường) ")` and `TextKey("dia diem xa phuong")` are equal.
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
  /// The folded form: lowercase ASCII letters and digits, words separated by one space.
  public let folded: String

  /// Folds `text`.
  public init(_ text: some StringProtocol) {
    let string = String(text)
    if let folded = TextFolding.fold(string) {
      self.folded = folded
      return
    }
    self.folded = Self.foundationFolded(string)
  }

  /// The folding of any text, through Foundation's decomposition (`TextFolding` gives the
  /// same for ASCII and precomposed Latin text, without it).
  static func foundationFolded(_ string: String) -> String {
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    // ASCII needs no decomposition; Foundation's normalisation is the costliest step here.
    let decomposed =
      string.utf8.allSatisfy { $0 < 0x80 } ? string : string.decomposedStringWithCanonicalMapping
    for scalar in decomposed.unicodeScalars {
      // ASCII without Unicode property look-ups (the costliest step for plain text): the same
      // letters, digits and lowercase mapping as below.
      if scalar.isASCII {
        let value = scalar.value
        if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) {
          if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
          pendingSpace = false
          scalars.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else if value == 0x2E && !scalars.isEmpty && ("0"..."9").contains(scalars.last ?? " ") {
          scalars.append(scalar)
        } else {
          pendingSpace = true
        }
        continue
      }
      // Combining marks (tones, breve, circumflex, horn) vanish.
      if (0x0300...0x036F).contains(scalar.value) { continue }
      var mapped = scalar
      if scalar == "đ" || scalar == "Đ" { mapped = "d" }
      if mapped.properties.isAlphabetic || ("0"..."9").contains(mapped) {
        if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
        pendingSpace = false
        for lower in mapped.properties.lowercaseMapping.unicodeScalars { scalars.append(lower) }
      } else if mapped == "." && !scalars.isEmpty && ("0"..."9").contains(scalars.last ?? " ") {
        // Keep the dot of "3.3" so indicator codes survive folding.
        scalars.append(mapped)
      } else {
        pendingSpace = true
      }
    }
    var folded = String(scalars)
    while folded.hasSuffix(".") { folded.removeLast() }
    return folded
  }

  public var description: String { folded }

  /// Whether the folded text is empty.
  public var isEmpty: Bool { folded.isEmpty }

  /// The words of the folded text.
  public var words: [Substring] { folded.split(separator: " ") }

  /// The key without a leading word sequence such as "xa", "thi tran", "huyen".
  public func droppingPrefix(_ prefixes: [String]) -> TextKey {
    for prefix in prefixes where folded.hasPrefix(prefix + " ") {
      return TextKey(folded: String(folded.dropFirst(prefix.count + 1)))
    }
    return self
  }

  private init(folded: String) { self.folded = folded }

  /// Whether `other`'s words appear in this key as a contiguous run of whole words.
  public func contains(words other: TextKey) -> Bool {
    guard !other.folded.isEmpty else { return false }
    // On the UTF-8 bytes, without Foundation's string search (a space is never part of a
    // multi-byte sequence): `other` starting at a word start and ending at a word end. The
    // bytes are read in place (issue 7: copying both into arrays cost two allocations a call).
    var text = folded
    var words = other.folded
    return text.withUTF8 { text in
      words.withUTF8 { words in
        let count = words.count
        var start = 0
        while start + count <= text.count {
          if text[start] == words[0], start == 0 || text[start - 1] == 0x20,
            start + count == text.count || text[start + count] == 0x20,
            text[start..<start + count].elementsEqual(words)
          {
            return true
          }
          start += 1
        }
        return false
      }
    }
  }
}

extension String {
  /// Unicode NFC and trimmed of spaces and line breaks, as every cell text is compared and
  /// stored (SPEC §3, "Text is NFC-normalised and trimmed").
  var nfcTrimmed: String {
    // ASCII and precomposed Latin text is already NFC: no Foundation bridge (`TextFolding`).
    if let trimmed = TextFolding.nfcTrimmed(self) { return trimmed }
    return foundationNFCTrimmed
  }

  /// What `nfcTrimmed` gives, always through Foundation.
  var foundationNFCTrimmed: String {
    precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// What `nfcTrimmed` gave for ASCII text before `TextFolding`: by `Character`.
  var characterTrimmedASCII: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
