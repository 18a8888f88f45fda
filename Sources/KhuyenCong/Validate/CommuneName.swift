import Foundation

/// A commune as a district writes it in the place column: the unit type it gives, if any
/// ("Xã", "Phường", "Thị trấn", "TT"), and its name, keyed two ways (issue 8, finding 5).
///
/// - `exact`: the name with its diacritics, case folded, with the spellings Vietnamese allows
///   either way made one: the tone may sit on either vowel of "oa", "oe", "uy" ("Hòa" =
///   "Hoà"), and after "qu" an "i" and a "y" are the same letter ("Quí" = "Quý", "Quì" = "Quỳ").
/// - `folded`: without any diacritic ("Tân Thanh" = "Tân Thành"), used only when it names a
///   single commune of the register.
struct CommuneName: Hashable, Sendable {
  /// `xã`, `phường` or `thị trấn` when the text starts with one.
  var kind: String?
  var exact: String
  var folded: String

  /// The five Vietnamese tone marks, as combining scalars, and a digit for each.
  private static let tones: [UInt32: Character] = [
    0x0300: "2", 0x0301: "1", 0x0303: "4", 0x0309: "3", 0x0323: "5",
  ]

  /// Folded prefixes that give the unit type, longest first.
  private static let kinds: [(words: [String], kind: String)] = [
    (["thi", "tran"], "thị trấn"), (["tt"], "thị trấn"), (["xa"], "xã"), (["x"], "xã"),
    (["phuong"], "phường"), (["p"], "phường"),
  ]

  /// Reads a place part ("Xã Quý Quân", "TT. Tân Bình", "Hoà Phú").
  init(_ text: String) {
    var words = Self.words(text)
    let foldedWords = words.map { TextKey($0).folded }
    kind = nil
    for entry in Self.kinds where foldedWords.count > entry.words.count {
      if Array(foldedWords.prefix(entry.words.count)) == entry.words {
        kind = entry.kind
        words.removeFirst(entry.words.count)
        break
      }
    }
    exact = words.map(Self.exactWord).joined(separator: " ")
    folded = TextKey(words.joined(separator: " ")).folded
  }

  /// A register name (bare, without its type).
  init(registerName: String, kind: String) {
    let words = Self.words(registerName)
    self.kind = kind
    exact = words.map(Self.exactWord).joined(separator: " ")
    folded = TextKey(words.joined(separator: " ")).folded
  }

  /// Words of letters and digits; dots, hyphens and other punctuation separate them.
  private static func words(_ text: String) -> [String] {
    text.nfcTrimmed.split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }

  /// One word: lower case, its tone taken out and written after it as a digit, "qu…y" as
  /// "qu…i".
  private static func exactWord(_ word: String) -> String {
    var tone: Character = "0"
    var scalars = String.UnicodeScalarView()
    for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if let mark = tones[scalar.value] { tone = mark } else { scalars.append(scalar) }
    }
    var base = String(scalars).precomposedStringWithCanonicalMapping
    if base.hasPrefix("qu"), base.count > 2, base.hasSuffix("y") { base = String(base.dropLast()) + "i" }
    return base + String(tone)
  }
}
