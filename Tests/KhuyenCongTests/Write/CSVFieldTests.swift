import Foundation
import Testing

@testable import KhuyenCong

@Suite("CSV fields")
struct CSVFieldTests {
  /// Texts built of the pieces that make quoting hard: delimiters, quotes and line ends, alone
  /// and followed by combining marks, joiners and emoji modifiers that Swift's `Character`
  /// would glue to them.
  static func trickyTexts() -> [String] {
    let pieces = [
      ",", "\"", "\n", "\r", "\r\n", "a", "ế", "\u{301}", "\u{200D}", "\u{0600}", "👍🏽", "e\u{301}",
      " ", "Đào tạo nghề", "\u{FE0F}", "🇻🇳",
    ]
    var seed: UInt64 = 0x6B63_7376
    func next(_ bound: Int) -> Int {
      // A fixed sequence (xorshift), so a failure repeats.
      seed ^= seed << 13
      seed ^= seed >> 7
      seed ^= seed << 17
      return Int(seed % UInt64(bound))
    }
    var texts = [
      "", ",", "\"", "a,b", "\"\"", ",\u{301}", "\"\u{301}", "\u{0600},", "\r\n", "x\r\ny", "\n\u{301}",
      "nói \"\u{301}x\", rồi",
    ]
    for _ in 0..<4_000 {
      texts.append((0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined())
    }
    return texts
  }

  @Test(
    "a field written between two others reads back as one cell with its text, whatever quotes, commas, line ends and combining marks it holds"
  )
  func readsBack() throws {
    let texts = Self.trickyTexts()
    var file = "a,b,c\r\n"
    for text in texts { file += CSVField.record(["x", CSVField.quoted(text), "y"]) }
    var source = MemorySource(Array(file.utf8), chunkSize: 4096)
    var collector = WorkbookCollector()
    _ = WorkbookReader.read(&source, file: "fields.csv", limits: .standard, into: &collector)
    let rows = try #require(collector.sheets.first?.rows)
    // Every record is one row (the reader drops a row with no cell; none is empty here).
    try #require(rows.count == texts.count + 1)
    for (text, row) in zip(texts, rows.dropFirst()) {
      let cells = Dictionary(row.cells.map { ($0.column, $0.value) }, uniquingKeysWith: { first, _ in first })
      #expect(cells[1] == .text("x"), "\(Array(text.unicodeScalars))")
      #expect(cells[3] == .text("y"), "\(Array(text.unicodeScalars))")
      #expect(row.cells.count <= 3, "\(Array(text.unicodeScalars))")
      // The reader gives text in NFC (SPEC §3), and no cell for an empty field.
      let expected = text.precomposedStringWithCanonicalMapping
      if case .text(let read)? = cells[2] {
        #expect(Array(read.utf8) == Array(expected.utf8), "\(Array(text.unicodeScalars))")
      } else {
        #expect(expected.isEmpty, "\(Array(text.unicodeScalars)) read as \(String(describing: cells[2]))")
      }
    }
  }

  @Test(
    "a quote that a combining mark follows is doubled, and its field quoted (it was neither: the field ended there)"
  )
  func quoteBeforeCombiningMark() {
    #expect(Array(CSVField.quoted("\"\u{301}").utf8) == Array("\"\"\"\u{301}\"".utf8))
    #expect(Array(CSVField.quoted("a,\u{301}b").utf8) == Array("\"a,\u{301}b\"".utf8))
    #expect(Array(CSVField.quoted("x\r\ny").utf8) == Array("\"x\r\ny\"".utf8))
    #expect(CSVField.quoted("Đào tạo nghề") == "Đào tạo nghề")
  }
}
