@testable import KhuyenCong
import Testing

/// The shared string table held as one buffer (issue 7): every index gives back its own
/// string, whatever the cache holds, and texts come out NFC.
@Suite("XLSX shared string table")
struct XLSXStringTableTests {
  @Test("each index gives its own string, including empty ones and indices that share a cache slot")
  func roundTrip() {
    // 3 000 strings: indices i, i + 1024 and i + 2048 share a cache slot.
    let strings = (0..<3_000).map { i in i % 7 == 0 ? "" : "Xã Thượng Lâm \(i)" }
    let table = XLSXStringTable()
    for string in strings { table.append(read: Array(string.utf8)) }
    #expect(table.count == strings.count)
    // Twice, in an order that makes slots collide, so cached and evicted entries are both read.
    for _ in 0..<2 {
      for i in [5, 1_029, 2_053, 5, 0, 2_999, 1_024, 0] {
        #expect(table.text(at: i) == strings[i])
      }
      for (i, string) in strings.enumerated().reversed() { #expect(table.text(at: i) == string) }
    }
  }

  @Test("an index past the table or below zero is no string")
  func outOfRange() {
    let table = XLSXStringTable(["a", "b"])
    #expect(table.text(at: 2) == nil)
    #expect(table.text(at: -1) == nil)
    #expect(XLSXStringTable().text(at: 0) == nil)
  }

  @Test("decomposed text is stored precomposed (NFC), ASCII as it is")
  func normalised() {
    let table = XLSXStringTable()
    table.append(read: Array("Xa\u{0303} Lâm".utf8))  // "Xã" with a combining tilde
    table.append(read: Array("  lao động ".utf8))
    table.append(read: Array("plain ascii\t".utf8))
    #expect(table.text(at: 0)?.unicodeScalars.map(\.value) == "Xã Lâm".unicodeScalars.map(\.value))
    #expect(table.text(at: 1) == "  lao động ")
    #expect(table.text(at: 2) == "plain ascii\t")
  }

  @Test("a long text is given back whole, each time")
  func longText() {
    let long = String(repeating: "đề án ", count: 5_000)
    let table = XLSXStringTable([long, "ngắn"])
    #expect(table.text(at: 0) == long)
    #expect(table.text(at: 1) == "ngắn")
    #expect(table.text(at: 0) == long)
  }
}
