import Testing

@testable import KhuyenCong

/// UTF-8 after the first 64 KiB is read byte by byte without decoding (issue 7): the rows and
/// the diagnostics must be exactly those of decoding every scalar, wherever the chunks end.
@Suite("CSV: the UTF-8 byte path")
struct CSVBytePathTests {
  /// A file well past the sniffed 64 KiB, with everything the tokenizer treats specially:
  /// Vietnamese text, quoted fields with line breaks and doubled quotes, text after a closing
  /// quote, stray quotes, the three line ends, undecodable bytes (a lone 0xFF, a truncated
  /// sequence, an encoded surrogate, U+0000), over-long cells and too many columns.
  static let file: [UInt8] = {
    var bytes: [UInt8] = Array("district,plan_year,content,activity,amount\r\n".utf8)
    let good: [[UInt8]] = [
      Array("Lâm Bình,2017,3.3,\"Hỗ trợ máy sao chè, \"\"mới\"\"\r\ncho hộ\",120\r\n".utf8),
      Array("Na Hang,2017,1.1,Đào tạo nghề mây tre đan,\"1.500\"\n".utf8),
      Array("Yên Sơn,2017,\"2.3\" sau,Tập huấn \"khởi sự\",80\r".utf8),
      Array("Chiêm Hóa,2017,".utf8) + Array(repeating: UInt8(ascii: "x"), count: 70) + Array(",1\n".utf8),
      Array("Lâm Bình,2017,\"".utf8) + Array(repeating: Array("ồ".utf8), count: 40).flatMap { $0 }
        + Array("\",1\n".utf8),
      Array("a,b,c,d,e,f,g,h,i,j,k,l\n".utf8),
      Array(",,,\n\n\r\n".utf8),
    ]
    // Undecodable bytes, three records' worth, now and then past the sniffed 64 KiB (before,
    // they would make it Windows-1258; 100 such records stop the read).
    let bad: [UInt8] =
      [0xFF] + Array(",2017,3.1,bad byte,1\n".utf8)
      + Array("Hàm Yên,2017,3.1,cut ".utf8) + [0xC3] + Array(",1\r\n".utf8)
      + Array("Sơn Dương,".utf8) + [0xED, 0xA0, 0x80] + Array(",nul ".utf8) + [0x00] + Array(",1\n".utf8)
    var index = 0
    while bytes.count < 200_000 {
      bytes += good[index % good.count]
      index += 1
      if index % 211 == 0 && bytes.count > 70_000 { bytes += bad }
    }
    // A quoted field left open at the end.
    bytes += Array("Lâm Bình,2017,\"mở mãi".utf8)
    return bytes
  }()

  static let limits: ReadLimits = {
    var limits = ReadLimits.standard
    limits.maxCellCharacters = 50
    limits.maxColumns = 8
    return limits
  }()

  static func read(chunkSize: Int, decodingEveryByte: Bool) -> ([CollectedSheet], ReadReport) {
    var source = MemorySource(file, chunkSize: chunkSize)
    var collector = WorkbookCollector()
    let report = CSVReader.read(
      &source, file: "plan.csv", limits: limits, decodingEveryByte: decodingEveryByte, into: &collector)
    return (collector.sheets, report)
  }

  @Test(
    "the byte path reads the same rows and diagnostics as decoding every scalar",
    arguments: [1, 5, 4093, 1 << 16])
  func sameAsDecoding(chunkSize: Int) {
    let (expectedSheets, expectedReport) = Self.read(chunkSize: 1 << 16, decodingEveryByte: true)
    #expect(expectedReport.diagnostics.contains { $0.code == .fileEncoding })
    #expect(expectedReport.diagnostics.contains { $0.values["problem"] == "cell-too-long" })
    #expect(expectedReport.diagnostics.contains { $0.values["problem"] == "text-after-quote" })
    #expect(expectedReport.diagnostics.contains { ($0.position.row ?? 0) > 2_000 })
    let (sheets, report) = Self.read(chunkSize: chunkSize, decodingEveryByte: false)
    #expect(sheets == expectedSheets)
    #expect(report == expectedReport)
  }
}
