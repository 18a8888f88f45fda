internal import CZlib

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
/// Past `memoryLimit` bytes of text (4 MiB: a district's plan never gets there), the table
/// packs its text in blocks of `blockSize` bytes deflated by zlib, and inflates the block a
/// string lies in when a cell asks for it. Writers list strings in the order cells first use
/// them, so new strings come block after block: the furthest block inflated is kept. A string
/// used again later (a commune, an implementer first seen thousands of rows before) lies in
/// an older block: that one is inflated into a second slot, so the furthest is not inflated
/// again, and the string is kept in `recalled` (at most `recalledCount` short strings), so the
/// older block is not inflated again for it either. Before (one block kept, strings cached by
/// index modulo 1 024), the 100 000-line benchmark workbook inflated its 163 blocks 9 981
/// times, a quarter of the reading thread's time. Texts of a plan deflate
/// four to six times, so the 28 MB of text of a 260 000-line workbook costs about 6 MB
/// (issue 7, "validate peak RSS ≤ 64 MB"). Packed in memory rather than written to a
/// temporary file: the core opens no files (STYLE §4), and a file cannot fail here. A table of
/// text that does not deflate (random letters, a hostile file) costs what its part cost
/// compressed in the zip, at most the file's size.
///
/// A class: the caches change as cells are read, and one reader owns the table (one thread,
/// no call re-entering another: its state is not checked for exclusive access at run time,
/// which cost a check per property read for every cell).
final class XLSXStringTable {
  /// Text is packed once the table holds more than this many bytes of it.
  let memoryLimit: Int
  /// Bytes of text per packed block.
  static let blockSize = 64 << 10

  /// The text not packed: all of it while the table is under `memoryLimit`; after that the
  /// part after the last full block.
  @exclusivity(unchecked) private var bytes: [UInt8] = []
  /// Where string `i` ends in the text (it starts where string `i - 1` ends). `UInt32`: one
  /// part inflates to at most `ReadLimits.maxEntryBytes`, far below 4 GiB.
  @exclusivity(unchecked) private var ends: [UInt32] = []
  /// The packed blocks one after the other, and where each starts in `packed` (one more
  /// entry than blocks: the last is `packed.count`). A block whose deflated form would not be
  /// smaller is kept as it is (its length is then `blockSize`).
  @exclusivity(unchecked) private var packed: [UInt8] = []
  @exclusivity(unchecked) private var blockStarts: [Int] = [0]
  /// The furthest block inflated, and an older one inflated since, by number (-1: none).
  @exclusivity(unchecked) private var furthest = InflatedBlock()
  @exclusivity(unchecked) private var older = InflatedBlock()
  /// Strings made recently, by index modulo the cache's size.
  @exclusivity(unchecked) private var cache: [(index: Int, text: String)?]
  /// Short strings that had to be fetched from an older block: used again, so likely used
  /// once more. Emptied when full.
  @exclusivity(unchecked) private var recalled: [Int: String] = [:]
  /// Blocks inflated so far (tests: each about once for a plan).
  @exclusivity(unchecked) private(set) var inflations = 0

  private static let cacheSize = 1024
  /// Longer texts are not cached: a hostile table of 32 767-character strings used in turn
  /// would otherwise hold `cacheSize` of them.
  private static let cachedBytes = 256
  /// Strings `recalled` holds at most: 4 096 of at most `cachedBytes` bytes, 1 MiB.
  static let recalledCount = 4096

  /// A block's text, inflated, and its number.
  private struct InflatedBlock {
    var index = -1
    var text: [UInt8] = []
  }

  /// An empty table, packing past `memoryLimit` bytes of text.
  init(memoryLimit: Int = 4 << 20) {
    self.memoryLimit = max(memoryLimit, Self.blockSize)
    cache = Array(repeating: nil, count: Self.cacheSize)
  }

  /// An empty table whose buffer is reserved for `bytes` bytes of text up front (at most
  /// `memoryLimit` and a block): the size the zip declares for the part, which the text inside
  /// its XML does not pass (entities and markup only shrink). Growing by doubling instead holds
  /// the old buffer and the new one while copying. Reserved pages that are never written cost
  /// no memory, so a size that lies high costs address space only; one that lies low falls back
  /// to doubling.
  convenience init(reservingBytes bytes: Int, memoryLimit: Int = 4 << 20) {
    self.init(memoryLimit: memoryLimit)
    self.bytes.reserveCapacity(min(max(0, bytes), self.memoryLimit + Self.blockSize))
  }

  /// A table holding `strings`, in order (tests, and a workbook built in memory).
  convenience init(_ strings: [String], memoryLimit: Int = 4 << 20) {
    self.init(memoryLimit: memoryLimit)
    for string in strings { append(string) }
  }

  /// The number of strings.
  var count: Int { ends.count }

  /// Whether some of the text is packed.
  var isPacked: Bool { blockStarts.count > 1 }

  /// Bytes of text packed so far (whole blocks).
  private var packedText: Int { (blockStarts.count - 1) * Self.blockSize }

  /// Adds `text` (already NFC) as the next string.
  func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    ended()
  }

  /// Adds the next string from its bytes as read: ASCII (NFC as it is) is copied without making
  /// a `String`; anything else is decoded and normalised by `XLSXPartParser.text`, as before.
  func append(read: [UInt8]) {
    if read.allSatisfy({ $0 < 0x80 }) {
      bytes.append(contentsOf: read)
      ended()
    } else {
      append(XLSXPartParser.text(read))
    }
  }

  /// Notes the end of the string just added, and packs the full blocks once past the limit.
  private func ended() {
    ends.append(UInt32(truncatingIfNeeded: packedText + bytes.count))
    guard bytes.count >= Self.blockSize, packedText + bytes.count > memoryLimit else { return }
    let full = bytes.count / Self.blockSize * Self.blockSize
    bytes.withUnsafeBufferPointer { text in
      var offset = 0
      while offset < full {
        pack(UnsafeBufferPointer(rebasing: text[offset..<offset + Self.blockSize]))
        offset += Self.blockSize
      }
    }
    bytes.removeFirst(full)
  }

  /// Deflates one block of text onto `packed` (as it is when that would not be smaller).
  private func pack(_ block: UnsafeBufferPointer<UInt8>) {
    let bound = Int(compressBound(uLong(block.count)))
    let start = packed.count
    packed.append(contentsOf: repeatElement(0, count: bound))
    var length = uLong(bound)
    let status = packed.withUnsafeMutableBufferPointer { out in
      compress2(
        out.baseAddress.map { $0 + start }, &length, block.baseAddress, uLong(block.count), Z_BEST_SPEED)
    }
    if status == Z_OK && Int(length) < block.count {
      packed.removeLast(bound - Int(length))
    } else {
      packed.removeLast(bound)
      packed.append(contentsOf: block)
    }
    blockStarts.append(packed.count)
  }

  /// Block `index` as text, inflated (or the last one inflated); `nil` if zlib cannot inflate
  /// what it deflated, which cannot happen short of corrupt memory.
  private func block(_ index: Int) -> [UInt8]? {
    if index == furthest.index { return furthest.text }
    if index == older.index { return older.text }
    let start = blockStarts[index]
    let end = blockStarts[index + 1]
    var text = [UInt8](repeating: 0, count: Self.blockSize)
    if end - start == Self.blockSize {
      text.replaceSubrange(0..<Self.blockSize, with: packed[start..<end])
    } else {
      var length = uLong(Self.blockSize)
      let status = text.withUnsafeMutableBufferPointer { out in
        packed.withUnsafeBufferPointer { all in
          uncompress(out.baseAddress, &length, all.baseAddress.map { $0 + start }, uLong(end - start))
        }
      }
      guard status == Z_OK, Int(length) == Self.blockSize else { return nil }
    }
    inflations += 1
    if index > furthest.index {
      furthest = InflatedBlock(index: index, text: text)
    } else {
      older = InflatedBlock(index: index, text: text)
    }
    return text
  }

  /// The text `start..<end`, from the blocks it lies in and the part not packed.
  private func text(from start: Int, to end: Int) -> String? {
    let packedText = self.packedText
    if start >= packedText {
      return bytes.withUnsafeBufferPointer { all in
        String(
          decoding: UnsafeBufferPointer(rebasing: all[start - packedText..<end - packedText]), as: UTF8.self)
      }
    }
    var gathered: [UInt8] = []
    gathered.reserveCapacity(end - start)
    var offset = start
    while offset < end {
      if offset >= packedText {
        gathered += bytes[offset - packedText..<end - packedText]
        break
      }
      let index = offset / Self.blockSize
      guard let block = block(index) else { return nil }
      let blockStart = index * Self.blockSize
      let upTo = min(end, blockStart + Self.blockSize)
      if offset == start && upTo == end {
        return block.withUnsafeBufferPointer { all in
          String(
            decoding: UnsafeBufferPointer(rebasing: all[start - blockStart..<end - blockStart]), as: UTF8.self
          )
        }
      }
      gathered += block[offset - blockStart..<upTo - blockStart]
      offset = upTo
    }
    return String(decoding: gathered, as: UTF8.self)
  }

  /// String `index`, or `nil` when the table has no such string.
  func text(at index: Int) -> String? {
    guard index >= 0, index < ends.count else { return nil }
    let slot = index % Self.cacheSize
    if let cached = cache[slot], cached.index == index { return cached.text }
    if let text = recalled[index] {
      cache[slot] = (index, text)
      return text
    }
    let start = index == 0 ? 0 : Int(ends[index - 1])
    let end = Int(ends[index])
    let before = inflations
    guard let text = text(from: start, to: end) else { return nil }
    if end - start <= Self.cachedBytes {
      cache[slot] = (index, text)
      // Fetched from a block behind the furthest: a string coming back.
      if inflations > before && start < furthest.index * Self.blockSize {
        if recalled.count >= Self.recalledCount { recalled.removeAll(keepingCapacity: true) }
        recalled[index] = text
      }
    }
    return text
  }
}
