import Testing
@testable import KhuyenCong

@Suite("plan-N.csv: every line, UTF-8 with BOM")
struct PlanCSVWriterTests {
  @Test("the file starts with the UTF-8 BOM and ends records with CRLF")
  func bomAndCRLF() {
    let bytes = WriteTestSupport.csv()
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(WriteTestSupport.text(bytes).hasSuffix("\r\n"))
    #expect(!WriteTestSupport.text(bytes).replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }

  @Test("a cell starting with = is neutralised with a leading apostrophe")
  func formulaNeutralised() {
    let records = WriteTestSupport.records(WriteTestSupport.csv())
    let activity = records.first.flatMap { $0.firstIndex(of: "Tên đề án, hoạt động") } ?? 0
    #expect(records.map { $0[activity] }.contains("'=SUM(A1) mô hình chè"))
    #expect(!WriteTestSupport.text(WriteTestSupport.csv()).contains(",=SUM"))
  }

  @Test("the header is Vietnamese, one heading per documented column")
  func header() {
    let records = WriteTestSupport.records(WriteTestSupport.csv())
    #expect(records.first == PlanCSVWriter.columns.map(\.title))
    #expect(records.allSatisfy { $0.count == PlanCSVWriter.columns.count })
  }

  @Test("each line carries its district, amounts in triệu đồng and source row")
  func lines() {
    let records = WriteTestSupport.records(WriteTestSupport.csv())
    #expect(records[1].prefix(5) == ["071", "Lâm Bình", "Đã tiếp nhận", "x", "3.3"])
    #expect(records[2][16...20] == ["120.5", "0", "120.5", "0", "0"])
    #expect(records[2].suffix(3) == ["lam-binh-2017-v2.xml", "Kế hoạch", "13"])
  }

  @Test("rejected and missing districts appear as rows of their own after the lines")
  func rejectedAndMissing() {
    let records = WriteTestSupport.records(WriteTestSupport.csv())
    let statuses = records.dropFirst(6).map { "\($0[0]) \($0[2])" }
    #expect(
      statuses == [
        "072 Bị từ chối", "073 Chưa nộp", "070 Chưa nộp", "075 Chưa nộp",
        "076 Chưa nộp",
      ])
    #expect(records[6][22] == "na-hang-2017.csv")
  }
}
