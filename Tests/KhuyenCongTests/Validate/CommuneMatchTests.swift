import Foundation
import Testing
@testable import KhuyenCong

/// Finding 5 of issue 8: communes matched on their text first, variants allowed, the
/// register's events told as they happened, unit types checked.
@Suite("Communes as the register has them")
struct CommuneMatchTests {
  static func plan(_ district: String, _ year: Int, place: String) -> SubmissionResult {
    DecisionPlans.validate([
      DecisionPlans.row(
        "1.1", "lao động", "20", total: "60", local: "60", district: district, year: year,
        date: "20/10/\(year - 1)", place: place)
    ])
  }

  @Test("a Hàm Yên 2020 plan naming 'Xã Tân Thanh' (Sơn Dương) is not silently taken for Tân Thành")
  func tanThanhIsNotTanThanh() throws {
    let result = Self.plan("Hàm Yên", 2020, place: "Xã Tân Thanh")
    let other = try #require(result.with(.placeOtherDistrict).first)
    #expect(other.values["commune"] == "Xã Tân Thanh")
    #expect(other.values["district"] == "huyện Sơn Dương")
    #expect(other.values["suggestion"] == "Xã Tân Thành")
    #expect(result.submission.lines.first?.commune == nil)
    #expect(MessageCatalog.message(other, in: .vi).contains("có phải Xã Tân Thành?"))
  }

  @Test(
    "a Sơn Dương 2019 plan naming 'Xã Tân Thanh' is told it exists only from 2020, not that it is in Hàm Yên")
  func tanThanhNotYet() throws {
    let result = Self.plan("Sơn Dương", 2019, place: "Xã Tân Thanh")
    #expect(result.with(.placeOtherDistrict).isEmpty)
    let unknown = try #require(result.with(.placeUnknown).first)
    #expect(unknown.values["reason"] == "not-yet")
    #expect(MessageCatalog.message(unknown, in: .vi).contains("01/01/2020"))
  }

  @Test(
    "the usual spellings match the register's: Quý/Quí, Hoà/Hòa",
    arguments: [
      ("Yên Sơn", "Xã Quý Quân", "02431"), ("Yên Sơn", "Xã Quí Quân", "02431"),
      ("Chiêm Hóa", "Xã Hoà Phú", "02335"), ("Chiêm Hóa", "xã Hòa Phú", "02335"),
    ])
  func orthographicVariants(district: String, place: String, code: String) {
    let result = Self.plan(district, 2017, place: place)
    #expect(result.diagnostics.filter { $0.code.rawValue.hasPrefix("place.") }.isEmpty, "\(place)")
    #expect(result.submission.lines.first?.commune == CommuneCode(rawValue: code))
  }

  @Test("Xã Phú Lâm became phường Mỹ Lâm of TP Tuyên Quang in 2020: an error for a Yên Sơn 2020 plan")
  func phuLamLeftYenSon() throws {
    let result = Self.plan("Yên Sơn", 2020, place: "Xã Phú Lâm")
    let moved = try #require(result.with(.placeOtherDistrict).first)
    #expect(moved.values["reason"] == "moved")
    #expect(moved.values["successor"] == "Phường Mỹ Lâm")
    #expect(result.status == .rejected)
    let vi = MessageCatalog.message(moved, in: .vi)
    #expect(vi.contains("thành phố Tuyên Quang"))
    #expect(vi.contains("không còn thuộc huyện Yên Sơn"))
    // The same place in 2019 is still Yên Sơn's.
    #expect(Self.plan("Yên Sơn", 2019, place: "Xã Phú Lâm").submission.lines.first?.commune != nil)
  }

  @Test("Thị trấn Tân Bình was merged into phường Đội Cấn of the city: an error for a Yên Sơn 2020 plan")
  func tanBinhMergedAway() throws {
    let result = Self.plan("Yên Sơn", 2020, place: "Thị trấn Tân Bình")
    let merged = try #require(result.with(.placeOtherDistrict).first)
    #expect(merged.values["reason"] == "merged-away")
    #expect(merged.values["successor"] == "Phường Đội Cấn")
    #expect(result.status == .rejected)
  }

  @Test("for the city's 2020 plan, 'Xã Phú Lâm' is recognised as phường Mỹ Lâm, with a warning")
  func phuLamForTheCity() throws {
    let result = Self.plan("Tuyên Quang", 2020, place: "Xã Phú Lâm")
    let renamed = try #require(result.with(.placeMerged).first)
    #expect(renamed.values["reason"] == "renamed")
    #expect(renamed.severity == .warning)
    #expect(!MessageCatalog.message(renamed, in: .vi).contains("hết hiệu lực"))
    #expect(result.submission.lines.first?.commune == CommuneCode(rawValue: "02509"))
  }

  @Test(
    "a unit type the register does not give is a warning",
    arguments: [("Chiêm Hóa", "Phường Hòa Phú"), ("Lâm Bình", "Thị trấn Lăng Can")])
  func unitTypeMismatch(district: String, place: String) throws {
    let result = Self.plan(district, 2017, place: place)
    let warning = try #require(result.with(.placeType).first)
    #expect(warning.severity == .warning)
    #expect(result.submission.lines.first?.commune != nil)
  }

  @Test("a district is named in lower case mid-sentence")
  func districtLowerCase() throws {
    let result = Self.plan("Yên Sơn", 2017, place: "Xã Hồ Tiêu")
    let unknown = try #require(result.with(.placeUnknown).first)
    let vi = MessageCatalog.message(unknown, in: .vi)
    #expect(vi.contains("thuộc huyện Yên Sơn"))
  }
}
