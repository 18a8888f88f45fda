import Foundation
import Testing

@testable import KhuyenCong

/// Readers number the repeated texts of a file (`Cell.textID`) so that the mapper works out
/// what each means once; the numbers change nothing a user sees.
@Suite("Map: texts numbered by their reader")
struct TextNumberTests {
  private static var sampleNames: [String] {
    let names = try? FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)
    return (names ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
  }

  private static func collect(_ name: String) throws -> (report: ReadReport, sheets: [CollectedSheet]) {
    let bytes = try [UInt8](Data(contentsOf: samplesFolder.appendingPathComponent(name)))
    var source = MemorySource(bytes, chunkSize: 4096)
    var collector = WorkbookCollector()
    let report = WorkbookReader.read(&source, file: name, limits: .standard, into: &collector)
    return (report, collector.sheets)
  }

  private static func map(
    _ sheets: [CollectedSheet], file: String, report: ReadReport, numbered: Bool
  ) -> MappedSubmission {
    var mapper = SubmissionMapper(file: file, programme: Programme.embeddedDefault())
    for (index, sheet) in sheets.enumerated() {
      mapper.beginSheet(name: sheet.name, index: index)
      for var row in sheet.rows {
        if !numbered {
          // Setting a value clears its number (and `textIsNFC`).
          for index in row.cells.indices { row.cells[index].value = row.cells[index].value }
        }
        mapper.visit(row)
      }
      mapper.endSheet()
    }
    return mapper.finish(report: report)
  }

  @Test(
    "every sample maps to the same submission, totals and diagnostics with its texts numbered and without")
  func samplesMapTheSame() throws {
    #expect(Self.sampleNames.count >= 20)
    var numberedCells = 0
    for name in Self.sampleNames {
      let (report, sheets) = try Self.collect(name)
      // One number, one text, in the whole file.
      var texts: [Int32: CellValue] = [:]
      for cell in sheets.flatMap(\.rows).flatMap(\.cells) {
        guard let id = cell.textID else { continue }
        numberedCells += 1
        if let known = texts[id] {
          #expect(known == cell.value, "\(name): number \(id)")
        } else {
          texts[id] = cell.value
        }
      }
      let numbered = Self.map(sheets, file: name, report: report, numbered: true)
      let plain = Self.map(sheets, file: name, report: report, numbered: false)
      #expect(numbered == plain, "\(name)")
    }
    // Each reader numbers: CSV, SpreadsheetML and xlsx samples are all among them.
    #expect(numberedCells > 1000)
  }

  @Test("every reader flags its text cells NFC (CSV, XML Spreadsheet, xlsx), and each such text is NFC")
  func readersFlagNFC() throws {
    var formats: Set<String> = []
    for name in Self.sampleNames {
      let (_, sheets) = try Self.collect(name)
      let cells = sheets.flatMap(\.rows).flatMap(\.cells)
      for cell in cells {
        guard case .text(let text) = cell.value else {
          #expect(!cell.textIsNFC, "\(name): \(cell.value)")
          continue
        }
        #expect(cell.textIsNFC, "\(name): \(text.debugDescription)")
        #expect(Array(text.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8), "\(name)")
      }
      if cells.contains(where: \.textIsNFC) { formats.insert(String(name.split(separator: ".").last ?? "")) }
    }
    #expect(formats.isSuperset(of: ["csv", "xml", "xlsx"]))
  }

  @Test("a long text its reader found NFC is still trimmed of the spaces around it, as without the flag")
  func nfcTextsTrimmed() throws {
    let long = "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất chè Shan tuyết tại xã Khuôn Hà"
    let header = "district,plan_year,content,activity,unit,quantity,total,local\n"
    let activities = [long, "  \(long) ", "\(long)\u{00A0}", "\u{3000}\(long)", "\(long)\r\n"]
    let csv = header + activities.map { "Lâm Bình,2017,3.3,\"\($0)\",cơ sở,1,150,150\n" }.joined()
    var source = MemorySource(Array(csv.utf8), chunkSize: 1000)
    var collector = WorkbookCollector()
    let report = WorkbookReader.read(&source, file: "plan.csv", limits: .standard, into: &collector)
    let cells = collector.sheets.flatMap(\.rows).dropFirst().map { $0.cells[3] }
    #expect(cells.count == activities.count && cells.allSatisfy { $0.textIsNFC && $0.textID == nil })
    let numbered = Self.map(collector.sheets, file: "plan.csv", report: report, numbered: true)
    let plain = Self.map(collector.sheets, file: "plan.csv", report: report, numbered: false)
    #expect(numbered == plain)
    #expect(
      Array(numbered.submission.lines).map(\.activity) == Array(repeating: long, count: activities.count))
  }

  @Test(
    "a CSV's repeated texts share a number and a string; long texts and texts past the table's room get none")
  func csvNumbers() throws {
    var csv = "district,content,activity\n"
    for n in 0..<(TextInterner.maxEntries + 10) {
      csv += "Lâm Bình,1.1,Hoạt động \(n)\n"
    }
    csv += "Lâm Bình,1.1," + String(repeating: "dài ", count: 20) + "\n"
    var source = MemorySource(Array(csv.utf8), chunkSize: 1000)
    var collector = WorkbookCollector()
    _ = WorkbookReader.read(&source, file: "plan.csv", limits: .standard, into: &collector)
    let rows = try #require(collector.sheets.first?.rows)
    #expect(rows.count == TextInterner.maxEntries + 12)
    let districts = Set(rows.dropFirst().map { $0.cells[0].textID })
    #expect(districts.count == 1 && districts.first! != nil)
    let activities = rows.dropFirst().map { $0.cells[2].textID }
    // Header texts, the district and the content came first: the table fills before the end.
    #expect(Set(activities.compactMap { $0 }).count == activities.compactMap { $0 }.count)
    #expect(activities.prefix(100).allSatisfy { $0 != nil })
    #expect(activities.suffix(16).allSatisfy { $0 == nil })
    #expect(activities.compactMap { $0 }.count == TextInterner.maxEntries - 5)
    #expect(rows.flatMap(\.cells).compactMap(\.textID).allSatisfy { $0 >= 0 && $0 < TextInterner.maxEntries })
  }

  @Test("an xlsx shared string is numbered by its index; a number cell is not numbered")
  func xlsxNumbers() throws {
    let name = try #require(Self.sampleNames.first { $0.hasSuffix(".xlsx") })
    let (_, sheets) = try Self.collect(name)
    let cells = sheets.flatMap(\.rows).flatMap(\.cells)
    #expect(cells.contains { $0.textID != nil })
    for cell in cells {
      if case .text = cell.value { continue }
      #expect(cell.textID == nil)
    }
  }

  @Test(
    "an xlsx shared string's number is its index, written with spaces or not; inline strings, numbers and indexes past the table's room have none"
  )
  func xlsxDecoderNumbers() {
    let strings = (0..<(TextInterner.maxEntries + 2)).map { "Xã \($0)" }
    let decoder = XLSXCellDecoder(
      sharedStrings: XLSXStringTable(strings), styles: XLSXStyles(), date1904: false)
    func decoded(_ type: String?, _ value: String, inline: String? = nil) -> XLSXCellDecoder.Decoded? {
      let raw = XLSXCellDecoder.RawCell(
        type: type, style: 0, value: Array(value.utf8), inline: inline.map { Array($0.utf8) })
      if case .success(let decoded) = decoder.decode(raw) { return decoded }
      return nil
    }
    #expect(decoded("s", "7")?.value == .text("Xã 7"))
    #expect(decoded("s", "7")?.textID == 7)
    #expect(decoded("s", " 12 ")?.value == .text("Xã 12"))
    #expect(decoded("s", " 12 ")?.textID == 12)
    let last = TextInterner.maxEntries - 1
    #expect(decoded("s", "\(last)")?.textID == Int32(last))
    #expect(decoded("s", "\(last + 1)")?.value == .text("Xã \(last + 1)"))
    #expect(decoded("s", "\(last + 1)")?.textID == nil)
    #expect(decoded("inlineStr", "", inline: "Xã 7")?.textID == nil)
    #expect(decoded("str", "Xã 7")?.textID == nil)
    #expect(decoded(nil, "7")?.value == .number("7"))
    #expect(decoded(nil, "7")?.textID == nil)
  }

  @Test("the number is not part of a cell's identity, and a new value drops it")
  func cellIdentity() {
    var cell = Cell(column: 2, value: .text("Lâm Bình"), textID: 7)
    #expect(cell == Cell(column: 2, value: .text("Lâm Bình")))
    #expect(cell.hashValue == Cell(column: 2, value: .text("Lâm Bình")).hashValue)
    #expect(cell.textID == 7)
    cell.value = .text("Na Hang")
    #expect(cell.textID == nil)
  }

  @Test(
    "a memo of cell texts answers once per number, and by text for unnumbered cells and numbers past its room"
  )
  func cellTextMemo() {
    var memo = CellTextMemo<Int>()
    var computed = 0
    func count(_ text: String) -> Int {
      computed += 1
      return text.utf8.count
    }
    for _ in 0..<3 {
      #expect(memo.value(for: "Lâm Bình", id: 5, count) == 10)
      #expect(memo.value(for: "x", id: 4000, count) == 1)
      #expect(memo.value(for: "Na Hang", id: nil, count) == 7)
      #expect(memo.value(for: "far", id: Int32(TextInterner.maxEntries), count) == 3)
      #expect(memo.value(of: Cell(column: 1, value: .number("5")), count) == nil)
    }
    #expect(computed == 4)
  }
}
