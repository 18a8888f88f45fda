/// The central directory of a zip file, read at offsets, every offset checked against the
/// file's size.
///
/// ZIPFoundation's `Archive(data:)` trusts the offsets a file declares: on Linux a local-header
/// offset past the end makes its in-memory file compute a negative length and trap, and an
/// entry whose deflate stream does not end before the end of the file makes its inflate loop
/// spin forever on empty reads. A district's file must never crash or hang the run (SPEC §8),
/// so we read the directory ourselves, refuse anything that points outside the file, and hand
/// only the exact compressed bytes of an entry to zlib (`XLSXPartStream`).
///
/// Only what the directory needs is read: the tail holding the end record, the directory
/// itself (from its offset to the end of the file) and each entry's 30-byte local header. The
/// entries' data stays in the file until a part is streamed (issue 7: the zip is not held).
struct ZipDirectory {
  /// One file stored in the zip.
  struct Entry: Hashable {
    /// The name as stored (`xl/workbook.xml`).
    var name: String
    /// 0 stored, 8 deflate; anything else is refused when extracted.
    var method: UInt16
    /// Whether the entry is encrypted (general-purpose flag bit 0).
    var isEncrypted: Bool
    var crc32: UInt32
    /// The compressed bytes, inside the file.
    var dataRange: Range<Int>
    /// The size the directory declares; extraction does not trust it.
    var declaredUncompressedSize: UInt64
  }

  /// Why bytes are not a zip we can read.
  enum Failure: Error, Hashable {
    /// No end-of-central-directory record: not a zip, or cut short.
    case notAZip
    /// The directory points outside the file or is inconsistent.
    case corrupt(String)
    /// The file could not be read (an I/O failure, not the district's).
    case unreadable(String)
  }

  /// The entries in directory order.
  private(set) var entries: [Entry] = []
  /// Part name key → position of its first entry: a workbook naming thousands of sheets
  /// must not cost a scan of the directory for each.
  private var index: [String: Int] = [:]

  /// More entries than any workbook has; a directory claiming more is refused, not walked.
  static let maxEntries = 65_535

  /// Reads the directory of the zip in `file`.
  init(file: any RandomAccessBytes) throws(Failure) {
    let (end, tail) = try Self.endOfDirectory(in: file)
    var offset = end.directoryOffset
    guard end.entryCount <= Self.maxEntries else {
      throw .corrupt("the zip directory claims \(end.entryCount) entries")
    }
    // The directory and everything after it: records are walked as the file lays them out,
    // and none may run past its end. Usually the tail read for the end record holds it already.
    let reader =
      end.directoryOffset >= tail.base
      ? tail : try Self.window(file, from: end.directoryOffset, count: file.count)
    entries.reserveCapacity(end.entryCount)
    for _ in 0..<end.entryCount {
      guard reader.uint32(at: offset) == 0x0201_4b50, let fixed = reader.range(offset, 46) else {
        throw .corrupt("a zip directory record is missing or cut short")
      }
      let flags = reader.uint16(at: fixed.lowerBound + 8) ?? 0
      let method = reader.uint16(at: fixed.lowerBound + 10) ?? 0
      let crc = reader.uint32(at: fixed.lowerBound + 16) ?? 0
      var compressed = UInt64(reader.uint32(at: fixed.lowerBound + 20) ?? 0)
      var uncompressed = UInt64(reader.uint32(at: fixed.lowerBound + 24) ?? 0)
      let nameLength = Int(reader.uint16(at: fixed.lowerBound + 28) ?? 0)
      let extraLength = Int(reader.uint16(at: fixed.lowerBound + 30) ?? 0)
      let commentLength = Int(reader.uint16(at: fixed.lowerBound + 32) ?? 0)
      var localOffset = UInt64(reader.uint32(at: fixed.lowerBound + 42) ?? 0)
      guard let nameRange = reader.range(fixed.upperBound, nameLength),
        let extraRange = reader.range(nameRange.upperBound, extraLength),
        let commentRange = reader.range(extraRange.upperBound, commentLength)
      else { throw .corrupt("a zip directory record is cut short") }
      Self.applyZip64(
        reader: reader, extra: extraRange, uncompressed: &uncompressed, compressed: &compressed,
        localOffset: &localOffset)
      let name = reader.text(nameRange)
      let data = try Self.dataRange(
        file: file, localOffset: localOffset, compressedSize: compressed, name: name)
      // Part names are unique in a package (ECMA-376 Part 2, §9.1.1.1, case-insensitive):
      // two entries of one name let a reader and a person see different sheets (issue 9).
      guard index[Self.key(name)] == nil else { throw .corrupt("two entries named \(name)") }
      index[Self.key(name)] = entries.count
      entries.append(
        Entry(
          name: name, method: method, isEncrypted: flags & 1 == 1, crc32: crc, dataRange: data,
          declaredUncompressedSize: uncompressed))
      offset = commentRange.upperBound
    }
  }

  /// The bytes `start..<start + count` of `file` (fewer past its end) as a reader that
  /// answers in the file's offsets.
  private static func window(_ file: any RandomAccessBytes, from start: Int, count: Int)
    throws(Failure) -> LittleEndianBytes
  {
    do {
      return LittleEndianBytes(
        bytes: try file.bytes(at: start, count: count), base: start, fileSize: file.count)
    } catch {
      throw .unreadable(error.reason)
    }
  }

  /// The first entry named `name`, compared as OPC part names are: case-insensitively,
  /// without a leading `/`.
  func entry(named name: String) -> Entry? {
    index[Self.key(name)].map { entries[$0] }
  }

  private static func key(_ name: String) -> String {
    String(name.drop { $0 == "/" }).lowercased()
  }

  private struct End {
    var entryCount: Int
    var directoryOffset: Int
  }

  /// Finds the end-of-central-directory record (and its zip64 form) by scanning back over
  /// at most a maximal comment.
  /// - Returns: the record, and the tail of the file searched for it.
  private static func endOfDirectory(in file: any RandomAccessBytes) throws(Failure) -> (
    End, LittleEndianBytes
  ) {
    let count = file.count
    guard count >= 22 else { throw .notAZip }
    let lowest = max(0, count - 22 - 65_535)
    let reader = try window(file, from: lowest, count: count - lowest)
    var position = count - 22
    while position >= lowest {
      if reader.uint32(at: position) == 0x0605_4b50 { break }
      position -= 1
    }
    guard position >= lowest else { throw .notAZip }
    var entryCount = Int(reader.uint16(at: position + 10) ?? 0)
    var directoryOffset = UInt64(reader.uint32(at: position + 16) ?? 0)
    if entryCount == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
      // Zip64: the locator sits just before the classic record.
      let locator = try window(file, from: position - 20, count: 20)
      guard position >= 20, locator.uint32(at: position - 20) == 0x0706_4b50,
        let recordOffset = locator.uint64(at: position - 20 + 8).flatMap(Int.init(exactly:))
      else { throw .corrupt("the zip64 directory locator is missing or broken") }
      let record = try window(file, from: recordOffset, count: 56)
      guard record.uint32(at: recordOffset) == 0x0606_4b50,
        let count64 = record.uint64(at: recordOffset + 32),
        let offset64 = record.uint64(at: recordOffset + 48)
      else { throw .corrupt("the zip64 directory locator is missing or broken") }
      guard count64 <= UInt64(maxEntries) else {
        throw .corrupt("the zip directory claims \(count64) entries")
      }
      entryCount = Int(count64)
      directoryOffset = offset64
    }
    guard
      directoryOffset < UInt64(position) || (entryCount == 0 && directoryOffset == UInt64(position))
    else { throw .corrupt("the zip directory lies outside the file") }
    return (End(entryCount: entryCount, directoryOffset: Int(directoryOffset)), reader)
  }

  /// Replaces 0xFFFFFFFF sizes and offsets by the zip64 extended-information field (0x0001),
  /// which lists only the fields that overflowed, in this order.
  private static func applyZip64(
    reader: LittleEndianBytes, extra: Range<Int>, uncompressed: inout UInt64,
    compressed: inout UInt64, localOffset: inout UInt64
  ) {
    var position = extra.lowerBound
    while position + 4 <= extra.upperBound {
      let tag = reader.uint16(at: position) ?? 0
      let size = Int(reader.uint16(at: position + 2) ?? 0)
      let body = position + 4
      guard body + size <= extra.upperBound else { return }
      if tag == 0x0001 {
        var field = body
        func next(_ value: inout UInt64) {
          guard value == 0xFFFF_FFFF, field + 8 <= body + size,
            let wide = reader.uint64(at: field)
          else { return }
          value = wide
          field += 8
        }
        next(&uncompressed)
        next(&compressed)
        next(&localOffset)
        return
      }
      position = body + size
    }
  }

  /// The compressed bytes of an entry: after its local header, checked to lie in the file.
  private static func dataRange(
    file: any RandomAccessBytes, localOffset: UInt64, compressedSize: UInt64, name: String
  ) throws(Failure) -> Range<Int> {
    guard let offset = Int(exactly: localOffset), offset < file.count else {
      throw .corrupt("the local header of \(name) is missing")
    }
    let header = try window(file, from: offset, count: 30)
    guard header.uint32(at: offset) == 0x0403_4b50, let fixed = header.range(offset, 30) else {
      throw .corrupt("the local header of \(name) is missing")
    }
    let nameLength = Int(header.uint16(at: fixed.lowerBound + 26) ?? 0)
    let extraLength = Int(header.uint16(at: fixed.lowerBound + 28) ?? 0)
    guard let size = Int(exactly: compressedSize),
      let data = header.rangeInFile(fixed.upperBound + nameLength + extraLength, size)
    else { throw .corrupt("the data of \(name) lies outside the file") }
    return data
  }
}

/// Bounds-checked little-endian reads of a window of a file, in the file's offsets: the
/// window holds `bytes`, which start at offset `base`; every accessor returns `nil` outside it.
private struct LittleEndianBytes {
  let bytes: [UInt8]
  let base: Int
  let fileSize: Int

  /// `start..<start+count` if it lies inside the window.
  func range(_ start: Int, _ count: Int) -> Range<Int>? {
    let end = base + bytes.count
    guard start >= base, count >= 0, start <= end, count <= end - start else { return nil }
    return start..<(start + count)
  }

  /// `start..<start+count` if it lies inside the file (the window need not hold it).
  func rangeInFile(_ start: Int, _ count: Int) -> Range<Int>? {
    guard start >= 0, count >= 0, start <= fileSize, count <= fileSize - start else { return nil }
    return start..<(start + count)
  }

  /// The bytes of `range` (inside the window) as text, repaired where not UTF-8.
  func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[(range.lowerBound - base)..<(range.upperBound - base)], as: UTF8.self)
  }

  func uint16(at offset: Int) -> UInt16? {
    guard let r = range(offset, 2) else { return nil }
    let i = r.lowerBound - base
    return UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
  }

  func uint32(at offset: Int) -> UInt32? {
    guard let r = range(offset, 4) else { return nil }
    var value = UInt32(0)
    for i in (0..<4).reversed() { value = value << 8 | UInt32(bytes[r.lowerBound - base + i]) }
    return value
  }

  func uint64(at offset: Int) -> UInt64? {
    guard let r = range(offset, 8) else { return nil }
    var value = UInt64(0)
    for i in (0..<8).reversed() { value = value << 8 | UInt64(bytes[r.lowerBound - base + i]) }
    return value
  }
}
