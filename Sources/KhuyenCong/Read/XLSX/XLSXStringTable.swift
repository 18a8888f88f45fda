/// The shared string table of a workbook, NFC: every string's UTF-8 in one buffer and where
/// each ends, so a table of 260 000 strings costs its text and 4 bytes a string, not a heap
/// `String` each and an array of them (issue 7: with the zip read at offsets, `validate` on the
/// benchmark's 260 000-line xlsx went from a 119 MB peak to 80 MB).
///
/// A `String` is made when a cell uses a string. The texts a plan repeats on every line
/// (district, content code, unit, implementer) are kept in a small cache by index, so their
/// cells share one `String` as they did when the table held strings; an activity's text,
/// unique to its line, is made once for its one cell.
///
/// A class: the cache changes as cells are read, and one reader owns the table.
final class XLSXStringTable {
  /// The strings' UTF-8, one after the other.
  private var bytes: [UInt8] = []
  /// Where string `i` ends in `bytes` (it starts where string `i - 1` ends). `UInt32`: one
  /// part inflates to at most `ReadLimits.maxEntryBytes`, far below 4 GiB.
  private var ends: [UInt32] = []
  /// Strings made recently, by index modulo the cache's size.
  private var cache: [(index: Int, text: String)?]

  private static let cacheSize = 1024
  /// Longer texts are not cached: a hostile table of 32 767-character strings used in turn
  /// would otherwise hold `cacheSize` of them.
  private static let cachedBytes = 256

  init() {
    cache = Array(repeating: nil, count: Self.cacheSize)
  }

  /// An empty table whose buffer is reserved for `bytes` bytes of text up front: the size the
  /// zip declares for the part, which the text inside its XML does not pass (entities and
  /// markup only shrink). Growing by doubling instead holds the old buffer and the new one
  /// while copying: 48 MB at once for the 28 MB of text of a 260 000-line workbook, against 28
  /// MB reserved. Reserved pages that are never written cost no memory, so a size that lies
  /// high costs address space only; one that lies low falls back to doubling.
  convenience init(reservingBytes bytes: Int) {
    self.init()
    self.bytes.reserveCapacity(max(0, bytes))
  }

  /// A table holding `strings`, in order (tests, and a workbook built in memory).
  convenience init(_ strings: [String]) {
    self.init()
    for string in strings { append(string) }
  }

  /// The number of strings.
  var count: Int { ends.count }

  /// Adds `text` (already NFC) as the next string.
  func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    ends.append(UInt32(truncatingIfNeeded: bytes.count))
  }

  /// Adds the next string from its bytes as read: ASCII (NFC as it is) is copied without making
  /// a `String`; anything else is decoded and normalised by `XLSXPartParser.text`, as before.
  func append(read: [UInt8]) {
    if read.allSatisfy({ $0 < 0x80 }) {
      bytes.append(contentsOf: read)
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
    } else {
      append(XLSXPartParser.text(read))
    }
  }

  /// String `index`, or `nil` when the table has no such string.
  func text(at index: Int) -> String? {
    guard index >= 0, index < ends.count else { return nil }
    let slot = index % Self.cacheSize
    if let cached = cache[slot], cached.index == index { return cached.text }
    let start = index == 0 ? 0 : Int(ends[index - 1])
    let end = Int(ends[index])
    let text = bytes.withUnsafeBufferPointer { all in
      String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self)
    }
    if end - start <= Self.cachedBytes { cache[slot] = (index, text) }
    return text
  }
}
