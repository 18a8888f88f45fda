import Testing

@testable import KhuyenCong

@Suite("Map: the tables read for every cell")
struct MapTablesTests {
  @Test("every column key has its own place, in the order of allCases, and sorts by it")
  func columnKeyPlaces() {
    #expect(ColumnKey.allCases.count == ColumnKey.count)
    // KeyedCells and ColumnTable keep an InlineArray<21, _> by key.
    #expect(ColumnKey.count == 21)
    #expect(ColumnKey.allCases.map(\.index) == Array(0..<ColumnKey.count))
    #expect(ColumnKey.allCases.sorted() == ColumnKey.allCases)
    #expect(Set(ColumnKey.allCases).count == ColumnKey.count)
  }

  @Test("a row's cells are found by key, and cells of columns without a key are not")
  func keyedCells() {
    let table = ColumnTable([2: .content, 5: .total, 3: .activity])
    #expect(table.column(of: .total) == 5)
    #expect(table.column(of: .note) == nil)
    #expect(table.key(at: 3) == .activity)
    #expect(table.key(at: 4) == nil && table.key(at: 99) == nil && table.key(at: -1) == nil)
    let row = [
      Cell(column: 1, value: .text("1")), Cell(column: 2, value: .text("1.1")),
      Cell(column: 5, value: .number("96")), Cell(column: 7, value: .text("x")),
    ]
    let cells = KeyedCells(row, columns: table)
    #expect(cells[.content]?.column == 2)
    #expect(cells[.total]?.value == .number("96"))
    #expect(cells[.activity] == nil)
    #expect(cells[.rowNumber] == nil)
  }

  @Test("a memo answers each key once, keeps at most its limit, and tells keys with one hash apart")
  func memo() {
    var memo = Memo<TextBytes, Int>(limit: 100)
    var computed = 0
    for round in 0..<3 {
      for n in 0..<300 {
        let value = memo.value(for: TextBytes("text \(n)")) { key in
          computed += 1
          return key.text.count
        }
        #expect(value == "text \(n)".count, "round \(round)")
      }
    }
    // The first 100 are kept; the other 200 are computed again in each round.
    #expect(computed == 300 + 2 * 200)
    struct Colliding: MemoKey {
      var name: String
      var memoHash: UInt64 { 7 }
    }
    var colliding = Memo<Colliding, String>()
    for name in ["a", "b", "c", "a", "b"] {
      #expect(colliding.value(for: Colliding(name: name)) { $0.name.uppercased() } == name.uppercased())
    }
  }

  @Test("the bytes hash tells apart texts of every length that differ in any one byte")
  func bytesHashSpread() {
    // Each length up to 20 covers the one-, two- and eight-byte reads of its tail; a hash that
    // ignored a byte would give a text and its variant at that byte the same value.
    var hashes = Set<UInt64>()
    var texts = 0
    for length in 0...20 {
      let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
      var variants = [base]
      for place in 0..<length {
        var changed = base
        changed[place] ^= 0x20
        variants.append(changed)
      }
      for bytes in variants {
        texts += 1
        hashes.insert(bytes.withUnsafeBufferPointer(TextBytes.bytesHash))
      }
    }
    #expect(hashes.count == texts)
  }
}
