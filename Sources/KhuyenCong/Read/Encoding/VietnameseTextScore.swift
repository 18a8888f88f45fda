import Foundation

/// How much an 8-bit reading of some bytes looks like Vietnamese text.
///
/// Windows-1258 and TCVN3 both map every byte to something, so the choice between them is a
/// judgement: TCVN3 letters read as code page 1258 turn into symbols (`B¶o Th¾ng`), and code
/// page 1258 read as TCVN3 turns into words with several tone marks or capitals in the middle
/// (`Thýừũng`, `éỔo`). Each non-ASCII character scores +1 inside a plausible Vietnamese word
/// and −2 inside an implausible one or as a stray symbol; bytes the encoding does not define
/// cost −5.
enum VietnameseTextScore {
  /// The score of `bytes` decoded one byte at a time with `map`.
  static func score(_ bytes: ArraySlice<UInt8>, map: (UInt8) -> Unicode.Scalar?) -> Int {
    var total = 0
    var word = String.UnicodeScalarView()
    for byte in bytes {
      guard let scalar = map(byte), scalar.value != 0 else {
        total += scoreWord(word) - 5
        word.removeAll()
        continue
      }
      if isWordScalar(scalar) {
        word.append(scalar)
        continue
      }
      total += scoreWord(word)
      word.removeAll()
      if scalar.value >= 0x80 && !plausibleSymbols.contains(scalar.value) { total -= 2 }
    }
    return total + scoreWord(word)
  }

  /// Non-letters that do occur in Vietnamese office documents.
  private static let plausibleSymbols: Set<UInt32> = [
    0x00A0, 0x00B0, 0x00D7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026,
    0x20AB, 0x20AC,
  ]

  /// The five tone marks of Vietnamese (huyền, sắc, ngã, hỏi, nặng).
  private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
  }

  private static func scoreWord(_ word: String.UnicodeScalarView) -> Int {
    let nonASCII = word.reduce(0) { $0 + ($1.value >= 0x80 ? 1 : 0) }
    guard nonASCII > 0 else { return 0 }
    return isPlausibleWord(String(word)) ? nonASCII : -2 * nonASCII
  }

  /// A Vietnamese word: letters of the Vietnamese alphabet only, at most one tone mark, and
  /// no capital after a small letter.
  private static func isPlausibleWord(_ word: String) -> Bool {
    var tones = 0
    var sawLowercase = false
    for character in word.precomposedStringWithCanonicalMapping.unicodeScalars {
      if character.properties.isUppercase {
        if sawLowercase { return false }
      } else if character.properties.isLowercase {
        sawLowercase = true
      }
      if character.value < 0x80 { continue }
      if character.value == 0x0110 || character.value == 0x0111 { continue }  // Đ đ
      let parts = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
      guard let base = parts.first, "aeiouyAEIOUY".unicodeScalars.contains(base) else {
        return false
      }
      for mark in parts.dropFirst() {
        switch mark.value {
        case let tone where toneMarks.contains(tone): tones += 1
        case 0x0306: if !"aA".unicodeScalars.contains(base) { return false }  // breve: ă
        case 0x0302: if !"aeoAEO".unicodeScalars.contains(base) { return false }  // â ê ô
        case 0x031B: if !"ouOU".unicodeScalars.contains(base) { return false }  // horn: ơ ư
        default: return false
        }
      }
    }
    return tones <= 1
  }
}
