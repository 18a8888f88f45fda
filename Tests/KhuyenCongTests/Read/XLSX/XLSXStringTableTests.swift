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

  @Test(
    "past its memory limit the table packs its text in deflated blocks and gives every string back, in any order"
  )
  func packed() {
    var generator = SplitMix(seed: 0x7373_74)
    let words = ["Đào tạo", "nghề", "chế biến", "chè", "Shan tuyết", "tại", "Xã Sinh Long", "đợt"]
    // Plan-like text (deflates), letters at random (does not), empty strings, and texts longer
    // than a block that span three.
    let strings: [String] = (0..<6_000).map { i in
      switch i % 50 {
      case 0: return ""
      case 1: return String(repeating: "Thượng Lâm \(i) ", count: 12_000)
      case 2:
        return String(
          (0..<Int(generator.next() % 400)).map { _ in
            Character(Unicode.Scalar(UInt8(97 + generator.next() % 26)))
          })
      default:
        return (0..<Int(1 + generator.next() % 12)).map { _ in words[Int(generator.next() % 8)] }.joined(
          separator: " ")
          + " \(i)"
      }
    }
    let table = XLSXStringTable(strings, memoryLimit: 1 << 20)
    #expect(table.isPacked)
    #expect(table.count == strings.count)
    for (i, string) in strings.enumerated() { #expect(table.text(at: i) == string, "string \(i)") }
    for _ in 0..<3_000 {
      let i = Int(generator.next() % UInt64(strings.count))
      #expect(table.text(at: i) == strings[i], "string \(i)")
    }
    // Under its limit a table keeps its text as it is.
    #expect(!XLSXStringTable(Array(strings.prefix(40))).isPacked)
  }

  @Test("strings used again far from their first use do not inflate their blocks again and again")
  func comingBack() {
    // As a writer lists a plan's strings (first-use order): each row brings a new activity,
    // and names one of 150 communes and one of 300 implementers, first seen in early rows.
    var strings: [String] = []
    var index: [String: Int] = [:]
    var uses: [Int] = []
    func use(_ text: String) {
      if let found = index[text] {
        uses.append(found)
      } else {
        index[text] = strings.count
        uses.append(strings.count)
        strings.append(text)
      }
    }
    var generator = SplitMix(seed: 0x5157)
    for row in 0..<60_000 {
      use("Hỗ trợ đầu tư máy móc chế biến chè Shan tuyết cho cơ sở số \(row) tại thôn Nà Ho")
      use("Xã Thượng Lâm \(generator.next() % 150)")
      use("Hợp tác xã chè \(generator.next() % 300)")
    }
    let table = XLSXStringTable(strings, memoryLimit: 1 << 20)
    #expect(table.isPacked)
    let blocks = strings.reduce(0) { $0 + $1.utf8.count } / XLSXStringTable.blockSize
    for used in uses {
      guard table.text(at: used) == strings[used] else {
        Issue.record("string \(used)")
        return
      }
    }
    // Each block once, and at most once more for each name when it first comes back (then it
    // is recalled). Before, with one block kept and strings cached only by index modulo
    // 1 024, a name evicted by 1 024 new strings cost two inflations each time it came back.
    let names = Set(strings.filter { !$0.hasPrefix("Hỗ trợ") }).count
    #expect(names == 450)
    #expect(
      table.inflations <= blocks + 1 + names, "\(table.inflations) inflations of \(blocks) blocks")
  }
}
