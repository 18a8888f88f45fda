import Foundation
import KhuyenCongXML
import Testing

@testable import KhuyenCong

/// Pass one over a worksheet (issue 7): the SAX scan (`XLSXMerges.scan`) must find what the
/// pull reader (`XLSXMerges.collect`) finds, count what it counts, and give up (so the reader
/// reports) on every part the reader would not read cleanly.
@Suite("XLSX merges pass: SAX scan against the pull reader")
struct XLSXMergesPassTests {
  /// Every xlsx fixture and sample, with each worksheet-like part (`.xml` under `xl/`).
  static let parts: [(file: String, part: String)] = {
    var found: [(String, String)] = []
    let fixtures = fixtureURL("Read/xlsx")
    // Tests/KhuyenCongTests/Read/XLSX/this file → the package root.
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { root.deleteLastPathComponent() }
    let samples = root.appendingPathComponent("samples")
    for folder in [fixtures, samples] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".xlsx") || name.hasSuffix(".zip") {
        let path = folder.appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path),
          let directory = try? ZipDirectory(file: MemoryBytes(bytes: Array(data)))
        else { continue }
        for entry in directory.entries where entry.name.hasSuffix(".xml") {
          found.append((path, entry.name))
        }
      }
    }
    return found
  }()

  private struct Pass: Equatable {
    var ranges: [String]
    var invalid: [String]
    var bytes, xmlBytes, rowElements, uncompressed: Int
    var complete: Bool
    var produced: Int
    /// The budget's markup scan after the pass.
    var markup: AttributeScanner
  }

  /// One pass over `part` of `path` with a fresh budget; `nil` when the pass gave up or threw.
  /// `ahead`: the part inflated, and its markup scanned, on a second thread.
  private static func pass(_ path: String, _ part: String, scan: Bool, ahead: Bool = false) -> Pass? {
    guard let data = FileManager.default.contents(atPath: path),
      let package = try? XLSXPackage(
        file: MemoryBytes(bytes: Array(data)), limits: .standard, inflatingAheadFrom: ahead ? 0 : nil),
      let stream = try? package.stream(part, scanningAhead: ahead)
    else { return nil }
    package.readBudget.packedBytes = data.count
    let found: (merges: XLSXMerges, invalid: [String])?
    if scan {
      found = XLSXMerges.scan(stream)
    } else {
      found = try? XLSXMerges.collect(stream, part: part, file: path, sheet: "s")
    }
    guard let found else { return nil }
    let budget = package.readBudget
    return Pass(
      ranges: found.merges.ranges, invalid: found.invalid, bytes: budget.bytes,
      xmlBytes: budget.xmlBytes, rowElements: budget.rowElements,
      uncompressed: budget.uncompressed, complete: stream.isComplete, produced: stream.produced,
      markup: budget.markupScan)
  }

  @Test("the fixtures and samples hold worksheets, some read cleanly and some not")
  func partsFound() {
    #expect(Self.parts.count > 60)
    let clean = Self.parts.filter { Self.pass($0.file, $0.part, scan: true) != nil }
    #expect(clean.count > 30)
    #expect(clean.count < Self.parts.count)
  }

  @Test("where the scan reads a part, the reader reads it too, with the same merges and counts")
  func scanAgreesWithReader() {
    for (file, part) in Self.parts {
      let reader = Self.pass(file, part, scan: false)
      guard let scanned = Self.pass(file, part, scan: true) else { continue }
      #expect(scanned == reader, "\(file) \(part)")
    }
  }

  @Test("markup scanned beside the inflating: the same merges, counts and scan state, or a give-up")
  func scanAhead() {
    var read = 0
    var givenUp: [String] = []
    for (file, part) in Self.parts {
      let alone = Self.pass(file, part, scan: true)
      guard let ahead = Self.pass(file, part, scan: true, ahead: true) else {
        if alone != nil { givenUp.append(URL(fileURLWithPath: file).lastPathComponent + " " + part) }
        continue
      }
      read += 1
      #expect(ahead == alone, "\(file) \(part)")
    }
    #expect(read > 30)
    // A `>` inside an open construct (here in comments) is left to the scan on one thread.
    #expect(givenUp == ["markup-close-in-value.xlsx xl/worksheets/sheet1.xml"])
  }

  @Test("a DOCTYPE, an entity reference, an undeclared prefix or '&' in a ref makes the scan give up")
  func scanGivesUp() throws {
    let head = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
    let documents = [
      #"<!DOCTYPE worksheet [<!ENTITY a "b">]>"# + head + "<sheetData/></worksheet>",
      head + "<sheetData><row><c><v>&a;</v></c></row></sheetData></worksheet>",
      head + "<sheetData><u:row/></sheetData></worksheet>",
      head + "<sheetData><row>",
    ]
    for document in documents {
      let scanner = XMLStartTagScanner(pull: Self.puller(Array(document.utf8)))
      #expect(!scanner.scan { _ in true }, "\(document)")
    }
    // SAX hands `&amp;` in an attribute over as `&#38;`: XLSXMerges.scan gives up on any `&`.
    let amp = head + #"<sheetData/><mergeCells><mergeCell ref="A1&amp;B2"/></mergeCells></worksheet>"#
    var values: [String] = []
    #expect(
      XMLStartTagScanner(pull: Self.puller(Array(amp.utf8))).scan { tag in
        if let ref = tag.attribute("ref") { values.append(String(decoding: ref, as: UTF8.self)) }
        return true
      })
    #expect(values.count == 1 && values[0].contains("&"))
    let clean =
      head + #"<sheetData><row r="1"/><row><c><v>1</v></c></row></sheetData>"#
      + #"<mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>"#
    var seen: [String] = []
    let scanner = XMLStartTagScanner(pull: Self.puller(Array(clean.utf8)))
    let main: [String?] = [XLSXName.mainTransitional]
    #expect(
      scanner.scan { tag in
        for name in ["row", "v", "mergeCell"] where tag.isNamed(name, in: main) {
          let ref = tag.attribute("ref").map { String(decoding: $0, as: UTF8.self) } ?? ""
          seen.append(name + (tag.isEmptyElement ? "/" : "") + ref)
        }
        return true
      })
    #expect(seen == ["row/", "row", "v", "mergeCell/A1:B2"])
  }

  private static func puller(_ bytes: [UInt8]) -> (UnsafeMutableRawBufferPointer) -> Int {
    var offset = 0
    return { buffer in
      let count = min(buffer.count, bytes.count - offset, 7)
      guard count > 0 else { return 0 }
      for index in 0..<count { buffer[index] = bytes[offset + index] }
      offset += count
      return count
    }
  }
}
