import Foundation
import Testing
@testable import KhuyenCong

@Suite("the embedded default programme (Tuyên Quang 2016–2020)")
struct ProgrammeDefaultTests {
  @Test("the embedded text decodes, and embeddedDefault() returns the same programme")
  func decodes() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(programme == Programme.embeddedDefault())
    #expect(programme.id == "tuyen-quang-2016-2020")
    #expect(programme.province == Province(code: "08", name: "Tuyên Quang"))
  }

  @Test("it lists the seven districts with their GSO codes, in the province's order")
  func districts() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(
      programme.districts.map { "\($0.code) \($0.officialName)" } == [
        "070 Thành phố Tuyên Quang", "071 Huyện Lâm Bình", "072 Huyện Na Hang", "073 Huyện Chiêm Hóa",
        "074 Huyện Hàm Yên", "075 Huyện Yên Sơn", "076 Huyện Sơn Dương",
      ])
  }

  @Test("Lâm Bình, Na Hang and Chiêm Hóa are the priority districts, each with its basis")
  func priorityDistricts() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    let priority = programme.districts.filter(\.priority)
    #expect(priority.map(\.code.rawValue) == ["071", "072", "073"])
    #expect(
      priority.allSatisfy {
        $0.priorityBasis == "Quyết định số 69/QĐ-UBND, mục I.2 (Phương hướng – Về địa bàn)"
      })
    #expect(programme.districts.filter { !$0.priority }.allSatisfy { $0.priorityBasis == nil })
  }

  @Test(
    "other spellings of district names are aliases",
    arguments: [
      ("072", "Nà Hang"), ("073", "Chiêm Hoá"), ("070", "TP Tuyên Quang"), ("070", "TP. Tuyên Quang"),
      ("070", "Tuyen Quang city"), ("071", "Lam Binh"), ("076", "Son Duong"),
    ])
  func aliases(code: String, alias: String) throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(programme.district(DistrictCode(rawValue: code))?.aliases.contains(alias) == true)
  }

  @Test("141 communes are in force on 1 January 2017 and 138 on 1 January 2020")
  func communesInForce() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(programme.communes(inForceOn: CivilDate(year: 2017, month: 1, day: 1)).count == 141)
    #expect(programme.communes(inForceOn: CivilDate(year: 2020, month: 1, day: 1)).count == 138)
  }

  @Test("a commune merged on 2020-01-01 names its successor: Tân Bình into Đội Cấn")
  func mergedCommune() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    let tanBinh = try #require(programme.communes.first { $0.code.rawValue == "02428" })
    #expect(tanBinh.validTo == CivilDate(year: 2019, month: 12, day: 31))
    #expect(tanBinh.successor?.rawValue == "02524")
    let successor = programme.communes(inForceOn: CivilDate(year: 2020, month: 1, day: 1))
      .first { $0.code == tanBinh.successor }
    #expect(successor?.officialName == "Phường Đội Cấn")
  }

  @Test("the commune register is the reference CSV, row for row, without its district rows")
  func registerMatchesReference() throws {
    let csv = String(decoding: try ProgrammeFixture.bytes("tuyen-quang-units.csv"), as: UTF8.self)
    let rows = csv.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let communeRows = rows.filter { $0[0] != $0[3] }
    #expect(communeRows.count == 151)
    let expected = communeRows.map { row in
      [row[0], row[1], row[2], row[3], row[5], row[6], row[7]].joined(separator: "|")
    }
    let programme = try ProgrammeFixture.defaultProgramme()
    let actual = programme.communes.map { commune in
      [
        commune.code.rawValue, commune.name, commune.kind, commune.district.rawValue,
        commune.validFrom?.isoText ?? "", commune.validTo?.isoText ?? "", commune.successor?.rawValue ?? "",
      ]
      .joined(separator: "|")
    }
    #expect(actual == expected)
  }

  @Test("the period is 2016–2020")
  func period() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(programme.firstYear == PlanYear(rawValue: 2016))
    #expect(programme.lastYear == PlanYear(rawValue: 2020))
  }

  @Test(
    "a plan is due by 30 October of the year before, inclusive, from the 2017 plans; late plans are rejected")
  func deadline() throws {
    let deadline = try ProgrammeFixture.defaultProgramme().deadline
    #expect(
      deadline
        == DeadlineRule(
          month: 10, day: 30, yearOffset: -1, inclusive: true, latePolicy: .reject, extensions: [],
          basis: "Quyết định số 69/QĐ-UBND, mục V.4 (“gửi Sở Công Thương trước ngày 30/10 năm trước”)",
          firstPlanYear: PlanYear(rawValue: 2017)))
  }

  @Test("the nine content areas carry the names of section II of the decision")
  func contentAreas() throws {
    let areas = try ProgrammeFixture.defaultProgramme().contentAreas
    #expect(areas.map(\.code.rawValue) == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
    #expect(areas.map(\.aliases) == (1...9).map { ["KC\($0)"] })
    #expect(areas[0].name == "Tổ chức đào tạo nghề, truyền nghề")
    #expect(areas[8].name == "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công")
    #expect(areas.allSatisfy { $0.basis == "Quyết định số 69/QĐ-UBND, mục II.\($0.code)" })
  }

  @Test(
    "each measure has its unit and five-year target from the decision",
    arguments: [
      ("1.1", "lao động", "500"), ("2.1", "học viên", "350"), ("2.2", "học viên", "250"),
      ("2.3", "doanh nghiệp", "50"), ("3.1", "mô hình", "5"), ("3.2", "mô hình", "5"),
      ("3.3", "cơ sở", "30"), ("4.1", "lần", "3"), ("4.2", "hội chợ", "1"), ("4.2", "gian hàng", "300"),
      ("4.3", "hội chợ", "10"), ("4.3", "lượt cơ sở", "100"), ("4.4", "cơ sở", "10"), ("5.1", "cơ sở", "20"),
      ("5.2", "cơ sở", "5"), ("6.1", "chuyên mục", "20"), ("6.2", "chuyên mục", "20"),
      ("7.1", "cụm", "2"), ("7.2", "cụm", "2"), ("7.3", "cơ sở", "5"), ("7.4", "cụm", "2"),
      ("8.1", "đoàn", "1"),
      ("9.1", "hoạt động", "none"),
    ])
  func indicatorTargets(code: String, unit: String, target: String) throws {
    let indicator = try #require(
      try ProgrammeFixture.defaultProgramme().indicator(IndicatorCode(rawValue: code)))
    let measure = try #require(indicator.measures.first { $0.unit == unit })
    #expect((measure.target?.description ?? "none") == target)
    // 7.4 (cluster waste treatment, "02 cụm") is set in the objectives, mục I.1.2.
    let section = code == "7.4" ? "I.1.2" : "II.\(indicator.contentArea).2"
    #expect(indicator.basis.hasPrefix("Quyết định số 69/QĐ-UBND, mục \(section)"))
  }

  @Test("the programme has 21 indicators (no invented 4.5; 7.4 from mục I.1.2), and units fit per indicator")
  func indicatorCountAndUnits() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(programme.indicators.count == 21)
    #expect(programme.indicator(IndicatorCode(rawValue: "4.5")) == nil)
    #expect(
      programme.indicator(IndicatorCode(rawValue: "4.3"))?.measures.map(\.unit) == ["hội chợ", "lượt cơ sở"])
    #expect(programme.indicator(IndicatorCode(rawValue: "1.1"))?.unitAliases == ["người", "học viên"])
    #expect(programme.unitSynonyms == [["cơ sở", "cơ sở CNNT"]])
  }

  @Test(
    "the budget is 27 377 triệu: 18 877 for activities (15 935 national, 2 942 local) and 8 500 for premises")
  func budget() throws {
    let budget = try ProgrammeFixture.defaultProgramme().budget
    #expect(budget.total == .trieu(27_377))
    #expect(budget.activities == .trieu(18_877))
    #expect(budget.national == .trieu(15_935))
    #expect(budget.local == .trieu(2_942))
    #expect(budget.premises == .trieu(8_500))
    #expect(budget.annualEnvelopes.isEmpty)
    #expect(budget.basis == "Quyết định số 69/QĐ-UBND, mục IV.1")
  }

  @Test(
    "the support caps of TTLT 26/2014 Art. 6.2 apply to national funds for the 2016–2018 plans, with their clause"
  )
  func caps() throws {
    let rules = try ProgrammeFixture.defaultProgramme().rules
    let caps: [String] = rules.compactMap {
      guard case .cap(let cap) = $0 else { return nil }
      return "\(cap.indicator) \(cap.fund) \(cap.maxPercent?.description ?? "-")% "
        + "\(cap.maxAmountPerUnit?.trieuText ?? "-") \(cap.raisedInPriorityDistricts) "
        + "\(cap.basis.prefix(6)) \(cap.years.fromYear?.description ?? "")–\(cap.years.toYear?.description ?? "")"
    }
    #expect(
      caps == [
        "2.3 national -% 10 true điểm a 2016–2018", "3.1 national 30% 500 true điểm b 2016–2018",
        "3.1 national -% 100 true điểm b 2016–2018",
        "3.3 national 50% 200 true điểm c 2016–2018", "4.4 national 50% 35 true điểm h 2016–2018",
        "5.1 national 50% 35 true điểm i 2016–2018", "7.3 national 30% 300 true điểm o 2016–2018",
        "7.4 national 30% 1500 true điểm p 2016–2018",
        "7.1 national 50% 500 true điểm q 2016–2018", "7.2 national -% 3000 true điểm r 2016–2018",
      ])
    let law = " khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"
    #expect(
      rules.allSatisfy { rule in
        switch rule {
        case .cap(let cap): return cap.basis.contains(law)
        case .priorityOnly(let only): return only.basis.contains(law)
        case .unchecked(let unchecked): return unchecked.basis.contains(law)
        }
      })
  }

  @Test("enterprise set-up (2.3) is supported only in priority districts")
  func priorityOnly() throws {
    let rules = try ProgrammeFixture.defaultProgramme().rules
    let priorityOnly = rules.compactMap { rule -> PriorityOnlyRule? in
      guard case .priorityOnly(let value) = rule else { return nil }
      return value
    }
    #expect(priorityOnly.map(\.indicator.rawValue) == ["2.3"])
    #expect(
      priorityOnly.allSatisfy {
        $0.basis.hasPrefix("điểm a khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT")
      })
  }

  @Test("absolute caps may be raised 1.5 times in priority districts (Art. 6.2.t)")
  func priorityMultiplier() throws {
    let programme = try ProgrammeFixture.defaultProgramme()
    #expect(programme.priorityMultiplier == ExactDecimal(units: 15, scale: 1))
    #expect(
      programme.priorityMultiplierBasis.hasPrefix(
        "điểm t khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT"))
  }

  @Test("the embedded text is NFC, so it compares byte for byte with what districts write")
  func textIsNFC() {
    #expect(Programme.defaultJSON == Programme.defaultJSON.precomposedStringWithCanonicalMapping)
    #expect(
      Array(Programme.defaultJSON.utf8)
        == Array(Programme.defaultJSON.precomposedStringWithCanonicalMapping.utf8))
  }
}
