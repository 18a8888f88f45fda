import Foundation
import Testing

@testable import KhuyenCong

/// A declared encoding reads the same way every time, however many reads run at once: the
/// same bytes, the same rows and diagnostics (SPEC §8, deterministic output). TSCII is
/// refused (`XMLSafety.unreliableEncoding`): libxml2 2.9.14 with glibc's iconv decoded it
/// differently from one read to the next, more often with other reads running.
@Suite("SpreadsheetML: declared encodings read alike every time")
struct SpreadsheetMLEncodingTests {
  /// A one-sheet workbook declared in `encoding`, each of `rows` rows holding `text`
  /// (already encoded) and the row's number.
  static func workbook(encoding: String, text: [UInt8], rows: Int) -> [UInt8] {
    var bytes = Array(
      """
      <?xml version="1.0" encoding="\(encoding)"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>

      """.utf8)
    for row in 1...rows {
      bytes += Array("<Row><Cell><Data>".utf8) + text + Array("\(row)</Data></Cell></Row>\n".utf8)
    }
    return bytes + Array("</Table></Worksheet></Workbook>\n".utf8)
  }

  /// What reading `bytes` `times` times, `times` reads at once, gave: each distinct outcome
  /// (rows, their last cell and the diagnostics).
  static func outcomes(_ bytes: [UInt8], times: Int) async -> Set<String> {
    await withTaskGroup(of: String.self) { group in
      for _ in 0..<times {
        group.addTask {
          let (report, sheets) = readSpreadsheetML(bytes, file: "plan.xml")
          let rows = sheets.first?.rows ?? []
          let last = rows.last?.cells.first?.value.displayText ?? ""
          return "\(rows.count) rows, last \(last), \(report.diagnostics)"
        }
      }
      var seen: Set<String> = []
      for await outcome in group { seen.insert(outcome) }
      return seen
    }
  }

  @Test("a file declaring TSCII is refused at its first line, naming the encoding, the same every time")
  func tsciiRefused() async throws {
    // Byte 0x82 is four characters in TSCII: the reads disagreed on it (3 000 rows, or 6).
    let bytes = Self.workbook(
      encoding: "TSCII", text: [UInt8](repeating: 0x82, count: 20), rows: 3000)
    let (report, sheets) = readSpreadsheetML(bytes, file: "plan.xml")
    #expect(sheets.flatMap(\.rows).isEmpty)
    let diagnostic = try #require(report.diagnostics.first)
    #expect(report.diagnostics.count == 1)
    #expect(diagnostic.code == .xmlMalformed && diagnostic.severity == .error)
    #expect(diagnostic.position.line == 1)
    #expect(diagnostic.values["reason"]?.contains("TSCII") == true)
    #expect(diagnostic.values["reason"]?.contains("UTF-8") == true)
    #expect(await Self.outcomes(bytes, times: 16).count == 1)
  }

  @Test(
    "a declaration written with single quotes, spaces and a BOM is refused too; a TSCII name in text is not")
  func declarationForms() {
    let refused = [
      "\u{FEFF}<?xml version='1.0' encoding = 'tscii' ?><Workbook/>",
      "\n\n <?xml version=\"1.0\"\nencoding=\"TSCII\"?><Workbook/>",
    ]
    for text in refused {
      let (report, _) = readSpreadsheetML(Array(text.utf8))
      #expect(
        report.diagnostics.first?.values["reason"]?.uppercased().contains("TSCII") == true,
        "\(text.debugDescription): \(report.diagnostics)")
    }
    let (report, _) = readSpreadsheetML(
      Array(
        "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell><Data>encoding=\"TSCII\"</Data></Cell></Row></Table></Worksheet></Workbook>"
          .utf8))
    #expect(report.diagnostics.isEmpty)
  }

  @Test("a Windows-1258 file, tone marks written apart, reads the same composed text every time")
  func windows1258Alike() async {
    // "Lâm Bình": â is 0xE2; the grave accent is the separate mark 0xCC after "i".
    let text: [UInt8] = [0x4C, 0xE2, 0x6D, 0x20, 0x42, 0x69, 0xCC, 0x6E, 0x68, 0x20]
    let bytes = Self.workbook(encoding: "windows-1258", text: text, rows: 3000)
    let outcomes = await Self.outcomes(bytes, times: 16)
    #expect(outcomes.count == 1)
    #expect(outcomes.first?.hasPrefix("3000 rows, last Lâm Bình 3000, []") == true, "\(outcomes)")
  }
}
