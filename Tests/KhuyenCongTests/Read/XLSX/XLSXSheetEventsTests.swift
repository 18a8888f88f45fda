import Foundation
import Testing

@testable import KhuyenCong

/// The rows pass with its parser on a second thread (`XLSXSheetEvents`) gives what the rows
/// pass on one thread gives: the same rows, summary and diagnostics, or the same failure
/// (issue 7).
@Suite("xlsx rows pass parsed ahead")
struct XLSXSheetEventsTests {
  /// One recorded event, with copies of its bytes.
  private enum Seen: Equatable {
    case start(XLSXSheetReader.Element, empty: Bool, r: [UInt8]?, type: [UInt8]?, style: [UInt8]?)
    case end(XLSXSheetReader.Element)
    case text([UInt8])
  }

  @Test("events come back as recorded: absent, empty and long attributes, long texts")
  func roundTrip() {
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 300)
    let huge = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 % 200 + 1) }
    let edge = [UInt8](repeating: UInt8(ascii: "y"), count: 254)
    var expected: [Seen] = []
    var events = XLSXSheetEvents()
    func start(
      _ element: XLSXSheetReader.Element, empty: Bool, r: [UInt8]?, type: [UInt8]?, style: [UInt8]?
    ) {
      // Attributes only go with a row or a cell.
      let kept = element == .row || element == .c
      let r = kept ? r : nil
      let type = kept ? type : nil
      let style = kept ? style : nil
      expected.append(.start(element, empty: empty, r: r, type: type, style: style))
      (r ?? []).withUnsafeBufferPointer { rBytes in
        (type ?? []).withUnsafeBufferPointer { typeBytes in
          (style ?? []).withUnsafeBufferPointer { styleBytes in
            events.recordStart(
              SheetStartTag(
                element: element, isEmptyElement: empty, r: r == nil ? nil : rBytes,
                type: type == nil ? nil : typeBytes, style: style == nil ? nil : styleBytes))
          }
        }
      }
    }
    start(.sheetData, empty: false, r: nil, type: nil, style: nil)
    start(.row, empty: false, r: Array("7".utf8), type: nil, style: [])
    start(.c, empty: false, r: Array("AB7".utf8), type: Array("s".utf8), style: Array("12".utf8))
    start(.v, empty: false, r: Array("ignored".utf8), type: nil, style: nil)
    for text in [Array("42".utf8), huge, long, edge] {
      expected.append(.text(text))
      text.withUnsafeBufferPointer { events.recordText($0) }
    }
    for element in [XLSXSheetReader.Element.v, .c] {
      expected.append(.end(element))
      events.recordEnd(element)
    }
    start(.c, empty: true, r: long, type: edge, style: [])
    start(.c, empty: true, r: [], type: nil, style: long)
    start(.rPh, empty: true, r: nil, type: nil, style: nil)
    for element in [XLSXSheetReader.Element.row, .sheetData] {
      expected.append(.end(element))
      events.recordEnd(element)
    }

    var seen: [Seen] = []
    events.bytes.withUnsafeBufferPointer { recorded in
      XLSXSheetEvents.forEach(in: recorded) { event in
        switch event {
        case .start(let tag):
          seen.append(
            .start(
              tag.element, empty: tag.isEmptyElement, r: tag.r.map(Array.init),
              type: tag.type.map(Array.init), style: tag.style.map(Array.init)))
        case .end(let element): seen.append(.end(element))
        case .text(let bytes): seen.append(.text(Array(bytes)))
        }
      }
    }
    #expect(seen == expected)
  }

  /// What a rows pass gave: its outcome or its failure, and the rows delivered.
  private struct Read: Equatable {
    var summary: SheetSummary?
    var diagnostics: [Diagnostic]
    var rows: [CollectedSheet]
    var limit: Diagnostic?
  }

  /// The rows pass over `entry`, as after a clean first pass (`scanned`, rescanning cleanly).
  private static func rowsPass(
    _ bytes: [UInt8], _ entry: ZipDirectory.Entry, allowance: ReadBudget.Allowance, ahead: Bool
  ) -> Read {
    let budget = ReadBudget(allowance)
    let stream = XLSXPartStream(
      file: MemoryBytes(bytes: bytes), entry: entry, budget: 8 << 20, readBudget: budget,
      inflatingAhead: ahead)
    stream.accounting = .rescanned
    let reader = XLSXSheetReader(
      file: "plan.xlsx", part: entry.name, sheet: "Sheet1",
      decoder: XLSXCellDecoder(sharedStrings: XLSXStringTable(), styles: XLSXStyles(), date1904: false),
      merges: XLSXMerges(), limits: .standard)
    var visitor = BudgetedVisitor(WorkbookCollector(), budget: budget)
    visitor.beginSheet(name: "Sheet1", index: 0)
    var read = Read(summary: nil, diagnostics: [], rows: [], limit: nil)
    do {
      let outcome = try reader.read(stream, scanned: true, recordingAhead: ahead, into: &visitor)
      read.summary = outcome.summary
      read.diagnostics = outcome.diagnostics
    } catch {
      read.diagnostics = [error.diagnostic]
    }
    read.rows = visitor.base.sheets
    read.limit = budget.diagnostic(file: "plan.xlsx")
    return read
  }

  @Test("every worksheet of every fixture: the same rows, summary and diagnostics")
  func sameRowsPass() throws {
    var tight = ReadBudget.Allowance.standard
    tight.rowsConstant = 40
    tight.cellsConstant = 150
    tight.textConstant = 600
    var worksheets = 0
    var spent = 0
    var rowsRead = 0
    for name in XLSXInflateAheadTests.fixtures {
      let bytes = try xlsxFixture(name)
      guard let directory = try? ZipDirectory(file: MemoryBytes(bytes: bytes)) else { continue }
      for entry in directory.entries
      where entry.name.hasPrefix("xl/worksheets/") && entry.name.hasSuffix(".xml") && entry.method == 8 {
        worksheets += 1
        for allowance in [ReadBudget.Allowance.standard, tight] {
          let alone = Self.rowsPass(bytes, entry, allowance: allowance, ahead: false)
          let ahead = Self.rowsPass(bytes, entry, allowance: allowance, ahead: true)
          #expect(ahead == alone, "\(name) \(entry.name), rows constant \(allowance.rowsConstant)")
          if ahead.limit != nil { spent += 1 }
          rowsRead += ahead.rows.first?.rows.count ?? 0
        }
      }
    }
    #expect(worksheets > 20)
    // The parser is stopped part-way (the budget spent while it is ahead) in some of them, and
    // rows are delivered in others: both ends of the hand-over are compared.
    #expect(spent >= 3)
    #expect(rowsRead > 3000)
  }
}
