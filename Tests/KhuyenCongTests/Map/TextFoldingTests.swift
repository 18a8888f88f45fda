import Foundation
import Testing

@testable import KhuyenCong

/// The fast paths of folding and NFC trimming must give exactly what Foundation gives: a
/// column found, a commune matched or a duplicate spotted must not depend on which path ran.
@Suite("Map: text folding without Foundation")
struct TextFoldingTests {
  /// Texts a plan is made of, and the awkward ones: decomposed tones, CR LF, no-break spaces.
  static let texts: [String] = [
    "  Địa điểm (Xã/Phường) ", "dia diem xa phuong", "Tổng kinh phí (triệu đồng)", "KCĐP",
    "Đào tạo nghề chế biến chè Shan tuyết tại Xã Sinh Long, đợt 1", "3.3.", "KC3.", "1.250,5",
    "Thị trấn Na Hang Và xã Mỹ Bằng", "Quý II/2017", "\r\nTổng\r\n", "\r\nabc\r\n", " \r\n ",
    "a\n\r\n", "\u{00A0}Lâm Bình\u{00A0}", "Lâm Bình\u{2003}", "Lâm Bi\u{0300}nh", "Tie\u{0302}\u{0301}n",
    "ưu tiên – Œuvre ß æ ø ł ı", "\u{1EA0}\u{1EAC}\u{1EF9} ₫ “quoted” …", "", "   ", "\t\u{0B}x\u{0C}",
    "Ǖǖ ǅ ŉ ſ ẛ", "한국어 Tiếng", "ΑΒΓ ά", "x\u{0345}y", "١٢٣ arabic digits", "A.B.C.", "3.3 . .",
    // ASCII runs of eight bytes and more before the first other scalar, spaces at either end.
    "         Đào", "  abcdefghij  ư", "abcdefghijklmnop ấ  ", "\t\t\t\t\t\t\t\t\tĐ\t", "12345678\u{00A0}",
    "                \u{00A0}", "abcdefgh          \u{0300}", "        \r\n      ơ",
    "abcdefghij   \u{00A0}", "  ab  \u{00A0}\u{0085}", "Lâm Bình\t\t\t\t\t\t\t\t\u{00A0}",
  ]

  /// Random texts over the fast ranges and their neighbours, reproducible.
  static func randomTexts(count: Int) -> [String] {
    var generator = SplitMix(seed: 0x6B68_7579_656E)
    let pools: [ClosedRange<UInt32>] = [
      0x09...0x0D, 0x20...0x7E, 0x80...0x2FF, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x202F,
      0x20A0...0x20C0,
    ]
    return (0..<count).map { _ in
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int(generator.next() % 12) {
        let pool = pools[Int(generator.next() % UInt64(pools.count))]
        let value = pool.lowerBound + UInt32(generator.next() % UInt64(pool.count))
        if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
      }
      return String(scalars)
    }
  }

  @Test("folding gives the key Foundation's decomposition gives, for every text")
  func foldingMatchesFoundation() {
    for text in Self.texts + Self.randomTexts(count: 4000) {
      #expect(
        Array(TextKey(text).folded.unicodeScalars) == Array(TextKey.foundationFolded(text).unicodeScalars),
        "\(Array(text.unicodeScalars))")
    }
  }

  @Test("texts of letters that fold to more bytes than they take fold as Foundation folds them")
  func foldingThatGrows() {
    // "ŉ" (2 bytes) folds to "ʼn" (3): runs of it, then ASCII that needs a word break per byte.
    for count in [1, 7, 8, 9, 64, 300] {
      for tail in [
        "", "a", "a.b c-d e f g h i j k l m n o p q r s t u v w x y z", String(repeating: "a ", count: 40),
      ] {
        let text = String(repeating: "\u{0149}", count: count) + tail
        #expect(TextKey(text).folded == TextKey.foundationFolded(text), "\(count) + \(tail.count)")
      }
    }
  }

  @Test("every precomposed Latin letter folds alone as Foundation folds it")
  func everyFastScalarFolds() {
    for range in TextFolding.fastRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let text = "a" + String(Character(scalar)) + "1."
        #expect(TextKey(text).folded == TextKey.foundationFolded(text), "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test("NFC trimming gives Foundation's text, and ASCII keeps its CR LF as before")
  func trimmingMatchesFoundation() {
    // Each random text also after ASCII prefixes long enough for the eight-byte scan.
    let random = Self.randomTexts(count: 4000)
    let prefixed = random.enumerated().map { index, text in
      [" \t  abc de  ", "abcdefghijk", "           "][index % 3] + text
    }
    for text in Self.texts + random + prefixed {
      let fast = text.nfcTrimmed
      let expected =
        text.utf8.allSatisfy { $0 < 0x80 } ? text.characterTrimmedASCII : text.foundationNFCTrimmed
      #expect(Array(fast.unicodeScalars) == Array(expected.unicodeScalars), "\(Array(text.unicodeScalars))")
    }
  }

  @Test("a text is known NFC exactly when each scalar is ASCII or in the fast ranges, read from its bytes")
  func knownNFCFromBytes() {
    let samples: [UInt32] =
      Array(0...0x800) + Array(0x1DF0...0x1F10) + Array(0x2000...0x20D0) + [
        0x3000, 0xAC00, 0xFEFF, 0xFFFD, 0x1_F600, 0x10_FFFF,
      ]
    for value in samples {
      guard let scalar = Unicode.Scalar(value) else { continue }
      // Also after and before ASCII runs longer than the eight bytes read at once.
      for text in [
        String(Character(scalar)), "ả" + String(Character(scalar)) + " x", " \u{A0}\(scalar)",
        "plain ascii \(scalar) then more ascii text", "đào tạo nghề \(scalar)",
      ] {
        let expected = text.unicodeScalars.allSatisfy { $0.value < 0x80 || TextFolding.isFast($0.value) }
        #expect(TextFolding.isKnownNFC(text) == expected, "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test("the fold table's place of each fast scalar follows the fast ranges one after the other")
  func tableIndexMatchesRanges() {
    var place = 0
    for range in TextFolding.fastRanges {
      for value in range {
        #expect(TextFolding.tableIndex(value) == place, "U+\(String(value, radix: 16))")
        place += 1
      }
    }
    for value: UInt32 in [0, 0x7F, 0x300, 0x1DFF, 0x1F00, 0x200F, 0x2028, 0x209F, 0x20C1, 0x10_FFFF] {
      #expect(TextFolding.tableIndex(value) == nil)
    }
  }

  @Test("decomposed tones from Windows-1258 come out composed")
  func decomposedBecomesNFC() {
    #expect(Array("Lâm Bi\u{0300}nh ".nfcTrimmed.unicodeScalars) == Array("Lâm Bình".unicodeScalars))
  }
}

/// A small reproducible generator (no seedable one in the standard library).
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("Map: numbers and literals read from bytes")
struct NumberBytesTests {
  /// Texts over the characters numbers are typed with, reproducible.
  static func randomNumbers(count: Int) -> [String] {
    var generator = SplitMix(seed: 0x6E75_6D62_6572)
    let alphabet = Array("0123456789.,,..-+() eE\t\u{00A0}−x0001")
    return (0..<count).map { _ in
      String(
        (0..<Int(generator.next() % 11)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      )
    }
  }

  @Test("a number typed as text reads the same from its bytes as by its characters")
  func numberReadingMatches() {
    let fixed = [
      "1.234,5", "1,234.5", "0,5", "12.5", "1.234.567", "1,234,567", "1 234,5", "27,377", "1.500",
      "(15)", "(-15)", "-", "+1.000", "000.500", "0.500", ",5", ".", "1,2.3,4", "99999999999999999999",
      "1.2345678901234567890", "\r\n12\r\n",
    ]
    for text in fixed + Self.randomNumbers(count: 20000) {
      #expect(NumberReader.read(text) == NumberReader.readCharacters(text), "\(text.debugDescription)")
    }
  }

  @Test("a decimal literal reads the same from its bytes as by its characters")
  func literalMatches() {
    let fixed = [
      "2095.39", "1E-3", "1.2345E+20", "-0", "+5", "1e++3", "1e-+3", "1e40", "1e39", ".5", "5.", ".",
    ]
    for text in fixed + Self.randomNumbers(count: 20000) {
      #expect(ExactDecimal(literal: text) == ExactDecimal.characterParsed(text), "\(text.debugDescription)")
    }
  }
}

@Suite("Read: xlsx cell references from bytes")
struct CellReferenceBytesTests {
  @Test("a cell reference reads the same from its bytes as by its characters")
  func referencesMatch() {
    var generator = SplitMix(seed: 0x7265_6673)
    let alphabet = Array("ABCXYZabz0123456789:$ -é\u{0301}")
    let fixed = [
      "B2", "b2", "XFD1048576", "XFE1", "A0", "A00000001", "A123456789", "", "12", "A", "AÁ1", "A\u{0301}1",
    ]
    let random = (0..<20000).map { _ in
      String(
        (0..<Int(generator.next() % 9)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
    for text in fixed + random {
      let fast = XLSXCellReference.parse(text)
      let reference = XLSXCellReference.characterParsed(text)
      #expect(fast?.row == reference?.row && fast?.column == reference?.column, "\(text.debugDescription)")
    }
  }
}

@Suite("Map: words found in folded text")
struct ContainsWordsTests {
  @Test("byte by byte, as Foundation finds them between spaces")
  func asFoundation() {
    let texts = [
      "Hỗ trợ cơ sở đang hoạt động", "co so dang hoat dong", "cơ sở", "đang", "Cơ sở đang hoạt động tốt",
      "x cơ sở", "cơ sở x", "", "cơsở đang", "3.3", "chỉ tiêu 3.3 cơ sở", "ß straße", "straße",
    ]
    for text in texts {
      for words in texts {
        let a = TextKey(text)
        let b = TextKey(words)
        let foundation = !b.folded.isEmpty && (" " + a.folded + " ").contains(" " + b.folded + " ")
        #expect(a.contains(words: b) == foundation, "\(text) / \(words)")
      }
    }
  }
}
