import Foundation
import Testing

@testable import KhuyenCong

/// Lines are built as rows stream in; an ambiguous number waits for the file's convention,
/// which a later line may decide (SPEC §3, "an ambiguous value is resolved by the file's other
/// values or reported").
@Suite("Validate: ambiguous numbers decided by later lines")
struct StreamedConventionTests {
  static let header =
    "district,plan_year,submitted_on,content,activity,implementer,beneficiary,place,group_project,"
    + "unit,quantity,start,end,total,national,local,counterpart,other,note\r\n"
  static let first =
    "Lâm Bình,2017,25/10/2016,3.3,Hỗ trợ máy sao chè,Phòng Kinh tế và Hạ tầng huyện Lâm Bình,"
    + "Hộ kinh doanh Nguyễn Văn An,Xã Khuôn Hà,,cơ sở,1.000,04/2017,10/2017,1.500,250,50,1.200,0,\r\n"

  static func plan(lastTotal: String) -> [UInt8] {
    let last =
      "Lâm Bình,2017,25/10/2016,6.1,Chuyên mục truyền hình về khuyến công,"
      + "Đài Truyền thanh - Truyền hình huyện,,,x,chuyên mục,2,03/2017,12/2017,\"\(lastTotal)\",0,"
      + "\"\(lastTotal)\",0,0,\r\n"
    return Array((header + first + last).utf8)
  }

  static func validate(_ bytes: [UInt8]) -> SubmissionResult {
    var source = MemorySource(bytes, chunkSize: 64)
    return SubmissionValidator.validate(
      &source, named: "lam-binh.csv", against: Programme.embeddedDefault()
    ).result
  }

  @Test(
    "the first line's 1.500 and 1.000 are read in the convention the last line shows",
    arguments: [
      ("20,5", Money.trieu(1_500) as Money?, "1000", SubmissionStatus.accepted),
      // 1.5 ≠ 250 + 50 + 1.2: read as English, the first line no longer adds up.
      ("20.5", Money(ExactDecimal(units: 15, scale: 1), unit: .trieuDong), "1", .rejected),
    ])
  func decidedLater(lastTotal: String, total: Money?, quantity: String, status: SubmissionStatus) {
    let result = Self.validate(Self.plan(lastTotal: lastTotal))
    #expect(result.status == status, "\(result.located())")
    #expect(result.submission.lines.first?.amounts.total == total)
    #expect(result.submission.lines.first?.quantity?.description == quantity)
  }

  @Test("with nothing to decide them, each ambiguous cell is reported at its place")
  func undecided() {
    let result = Self.validate(Array((Self.header + Self.first).utf8))
    #expect(result.status == .rejected)
    #expect(
      result.located().filter { $0.hasPrefix("cell.type") }
        == ["cell.type lam-binh!K2", "cell.type lam-binh!N2", "cell.type lam-binh!Q2"])
  }
}
