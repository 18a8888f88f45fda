/// Turns a file's bytes into Unicode scalars chunk by chunk, in one of the `TextEncoding`s.
///
/// A multi-byte sequence may be split across chunks at any byte: the decoder keeps the
/// incomplete tail until the next chunk, so the scalars are the same whatever the chunk size.
/// Nothing is replaced silently: bytes that do not decode come out as `.invalid`, and so
/// does U+0000, which no spreadsheet text holds and which marks binary files.
struct TextDecoder {
  private let encoding: TextEncoding
  /// Bytes of an incomplete sequence carried to the next chunk (at most 3).
  private var pending: [UInt8] = []
  /// UTF-16: a high surrogate waiting for its low half, with the offset where it started.
  private var highSurrogate: (unit: UInt16, offset: Int)?
  /// File offset of the next byte fed (the BOM counts, so offsets match a hex editor).
  private var offset: Int

  /// A decoder for text starting at file offset `startOffset` (after the BOM).
  init(encoding: TextEncoding, startOffset: Int) {
    self.encoding = encoding
    self.offset = startOffset
  }

  /// Decodes `bytes`, appending to `output`; an incomplete trailing sequence is kept back.
  mutating func decode(_ bytes: ArraySlice<UInt8>, into output: inout [DecodedUnit]) {
    switch encoding {
    case .utf8: decodeUTF8(bytes, isFinal: false, into: &output)
    case .utf16LittleEndian: decodeUTF16(bytes, bigEndian: false, isFinal: false, into: &output)
    case .utf16BigEndian: decodeUTF16(bytes, bigEndian: true, isFinal: false, into: &output)
    case .windows1258: decodeSingleByte(bytes, into: &output) { Windows1258Table.scalar(for: $0) }
    case .tcvn3: decodeSingleByte(bytes, into: &output) { TCVN3Table.scalar(for: $0) }
    }
  }

  /// Whether no incomplete sequence is held back from the last chunk.
  var isIdle: Bool { pending.isEmpty && highSurrogate == nil }

  /// Counts `count` bytes that were read without the decoder (`validUTF8Prefix`), so that
  /// later offsets stay those of the file. Only when `isIdle`.
  mutating func skip(validBytes count: Int) {
    precondition(isIdle, "bytes skipped while a sequence is held back")
    offset += count
  }

  /// UTF-8: the length of the sequence a non-ASCII `lead` byte starts, and the range its second
  /// byte must be in (no overlong forms, no surrogates, nothing past U+10FFFF); `nil` when
  /// `lead` starts no sequence.
  @inline(__always)
  private static func sequence(startingWith lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
    switch lead {
    case 0xC2...0xDF: (2, 0x80...0xBF)
    case 0xE0: (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
    case 0xED: (3, 0x80...0x9F)
    case 0xF0: (4, 0x90...0xBF)
    case 0xF1...0xF3: (4, 0x80...0xBF)
    case 0xF4: (4, 0x80...0x8F)
    default: nil
    }
  }

  /// UTF-8: how many bytes at the start of `bytes` are whole, valid sequences and no U+0000,
  /// that is, bytes that `decode` would turn into scalars one for one, with nothing reported
  /// and nothing held back. CSV reads such bytes without decoding them (`CSVTokenizer`).
  static func validUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    while i < count {
      // Eight ASCII bytes without U+0000 at a time: most of a plan's bytes (issue 7).
      // The ASCII bytes before a lead byte are skipped too (Vietnamese text mixes the two).
      while i + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let stop = word & 0x8080_8080_8080_8080 | SWAR.zeroBytes(word)
        if stop != 0 {
          i += SWAR.firstLane(stop)
          break
        }
        i += 8
      }
      guard i < count else { break }
      let lead = bytes[i]
      if lead < 0x80 {
        if lead == 0 { return i }
        i += 1
        continue
      }
      // The sequences of Vietnamese letters first, tested straight from their bytes: two
      // bytes led by C2–DF, three led by E1–EC (U+1000–U+CFFF: "ạ" is E1 BA A1), whose
      // other bytes need only be continuation bytes (issue 7: the table's ranges cost twice
      // as much a letter).
      if lead >= 0xC2 && lead <= 0xDF {
        guard i + 1 < count, bytes[i + 1] & 0xC0 == 0x80 else { return i }
        i += 2
        continue
      }
      if lead >= 0xE1 && lead <= 0xEC {
        guard i + 2 < count, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return i }
        i += 3
        continue
      }
      guard let (length, second) = Self.sequence(startingWith: lead) else { return i }
      guard i + length <= count, second.contains(bytes[i + 1]) else { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return i
  }

  /// The file has ended: whatever is still held back is reported as invalid.
  mutating func finish(into output: inout [DecodedUnit]) {
    switch encoding {
    case .utf8: decodeUTF8([], isFinal: true, into: &output)
    case .utf16LittleEndian: decodeUTF16([], bigEndian: false, isFinal: true, into: &output)
    case .utf16BigEndian: decodeUTF16([], bigEndian: true, isFinal: true, into: &output)
    case .windows1258, .tcvn3: break
    }
  }

  private mutating func decodeSingleByte(
    _ bytes: ArraySlice<UInt8>, into output: inout [DecodedUnit],
    map: (UInt8) -> Unicode.Scalar?
  ) {
    for byte in bytes {
      if let scalar = map(byte), scalar.value != 0 {
        output.append(.scalar(scalar))
      } else {
        output.append(.invalid(offset: offset, bytes: [byte]))
      }
      offset += 1
    }
  }

  /// UTF-8 per the Unicode standard's table 3-7 of well-formed sequences; an ill-formed
  /// sequence is reported as its "maximal subpart", as Swift's own decoder does.
  private mutating func decodeUTF8(
    _ bytes: ArraySlice<UInt8>, isFinal: Bool, into output: inout [DecodedUnit]
  ) {
    let input: [UInt8] = pending + bytes
    let base = offset - pending.count
    pending.removeAll(keepingCapacity: true)
    var i = 0
    decoding: while i < input.count {
      let lead = input[i]
      if lead < 0x80 {
        if lead == 0 {
          output.append(.invalid(offset: base + i, bytes: [lead]))
        } else {
          output.append(.scalar(Unicode.Scalar(lead)))
        }
        i += 1
        continue
      }
      guard let (length, secondRange) = Self.sequence(startingWith: lead) else {
        output.append(.invalid(offset: base + i, bytes: [lead]))
        i += 1
        continue decoding
      }
      var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for k in 1..<length {
        guard i + k < input.count else {
          if isFinal {
            output.append(.invalid(offset: base + i, bytes: InvalidBytes(input[i..<(i + k)])))
          } else {
            pending = Array(input[i...])
          }
          break decoding
        }
        let byte = input[i + k]
        let range = k == 1 ? secondRange : 0x80...0xBF
        guard range.contains(byte) else {
          output.append(.invalid(offset: base + i, bytes: InvalidBytes(input[i..<(i + k)])))
          i += k
          continue decoding
        }
        value = value << 6 | UInt32(byte & 0x3F)
      }
      if let scalar = Unicode.Scalar(value) {
        output.append(.scalar(scalar))
      } else {
        output.append(.invalid(offset: base + i, bytes: InvalidBytes(input[i..<(i + length)])))
      }
      i += length
    }
    offset = base + input.count
  }

  private mutating func decodeUTF16(
    _ bytes: ArraySlice<UInt8>, bigEndian: Bool, isFinal: Bool, into output: inout [DecodedUnit]
  ) {
    let input: [UInt8] = pending + bytes
    let base = offset - pending.count
    pending.removeAll(keepingCapacity: true)
    var i = 0
    while i + 1 < input.count {
      let unit =
        bigEndian
        ? UInt16(input[i]) << 8 | UInt16(input[i + 1])
        : UInt16(input[i + 1]) << 8 | UInt16(input[i])
      emitUTF16(unit, at: base + i, bytes: (input[i], input[i + 1]), into: &output)
      i += 2
    }
    if i < input.count {
      if isFinal {
        flushHighSurrogate(into: &output)
        output.append(.invalid(offset: base + i, bytes: [input[i]]))
      } else {
        pending = [input[i]]
      }
    } else if isFinal {
      flushHighSurrogate(into: &output)
    }
    offset = base + input.count
  }

  private mutating func emitUTF16(
    _ unit: UInt16, at position: Int, bytes: (UInt8, UInt8), into output: inout [DecodedUnit]
  ) {
    switch unit {
    case 0xD800...0xDBFF:
      flushHighSurrogate(into: &output)
      highSurrogate = (unit, position)
    case 0xDC00...0xDFFF:
      if let high = highSurrogate {
        highSurrogate = nil
        let value = 0x10000 + (UInt32(high.unit - 0xD800) << 10) + UInt32(unit - 0xDC00)
        if let scalar = Unicode.Scalar(value) {
          output.append(.scalar(scalar))
          return
        }
      }
      output.append(.invalid(offset: position, bytes: [bytes.0, bytes.1]))
    default:
      flushHighSurrogate(into: &output)
      if unit != 0, let scalar = Unicode.Scalar(unit) {
        output.append(.scalar(scalar))
      } else {
        output.append(.invalid(offset: position, bytes: [bytes.0, bytes.1]))
      }
    }
  }

  /// A high surrogate not followed by a low one is a lone surrogate: not text.
  private mutating func flushHighSurrogate(into output: inout [DecodedUnit]) {
    guard let high = highSurrogate else { return }
    highSurrogate = nil
    let bytes: [UInt8] = [UInt8(high.unit >> 8), UInt8(high.unit & 0xFF)]
    output.append(
      .invalid(
        offset: high.offset, bytes: InvalidBytes(encoding == .utf16BigEndian ? bytes : bytes.reversed())))
  }
}
