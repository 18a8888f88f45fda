import Foundation
import Testing

@testable import KhuyenCong

/// The compact store of a submission's lines gives back exactly the lines put in (issue 7).
@Suite("Model: compact plan lines")
struct PlanLinesTests {
  static func line(row: Int, activity: String, place: String?, quantity: ExactDecimal?) -> PlanLine {
    var line = PlanLine(
      source: Position(file: "lam-binh.csv", sheet: "lam-binh", row: row), contentText: "3.3",
      activity: activity, implementer: "Phòng Kinh tế và Hạ tầng huyện Lâm Bình",
      amounts: FundTotals(
        total: .trieu(300), national: .trieu(100), local: Money(dong: -5), counterpart: .trieu(200),
        other: Money(dong: 5)))
    line.indicator = IndicatorCode(rawValue: "3.3")
    line.contentArea = IndicatorCode(rawValue: "3")
    line.place = place
    line.beneficiary = row.isMultiple(of: 2) ? "" : "Hộ kinh doanh Nguyễn Văn An"
    line.commune = place == nil ? nil : CommuneCode(rawValue: "02266")
    line.unit = row.isMultiple(of: 3) ? nil : "cơ sở"
    line.quantity = quantity
    line.start = .quarter(year: 2017, quarter: 2)
    line.end =
      row.isMultiple(of: 2) ? .day(CivilDate(year: 2017, month: 10, day: 25)) : .month(year: 2017, month: 12)
    line.note = row.isMultiple(of: 5) ? "Nguồn khác: ngân sách huyện" : nil
    line.isGroup = row.isMultiple(of: 4)
    line.amountsAreReadable = !row.isMultiple(of: 7)
    return line
  }

  static let lines = (2..<40).map { row in
    line(
      row: row, activity: "Hỗ trợ máy sao chè, đợt \(row) " + String(repeating: "x", count: row * 3),
      place: row.isMultiple(of: 3) ? nil : "Xã Khuôn Hà",
      quantity: row.isMultiple(of: 2) ? ExactDecimal(units: 15, scale: 1) : nil)
  }

  @Test("every line comes back equal, field by field, with the same totals")
  func roundTrip() {
    let stored = PlanLines(Self.lines)
    #expect(Array(stored) == Self.lines)
    #expect(stored.totals == Self.lines.reduce(into: FundTotals.zero) { $0 += $1.amounts })
    #expect(stored.source(at: 3) == Self.lines[3].source)
    #expect(stored.amounts(at: 3) == Self.lines[3].amounts)
  }

  @Test("a line set in place changes that line only, in that copy only")
  func setInPlace() {
    let stored = PlanLines(Self.lines)
    var changed = stored
    changed[1].quantity = ExactDecimal(units: 99)
    #expect(changed[1].quantity == ExactDecimal(units: 99))
    #expect(stored[1] == Self.lines[1])
    #expect(Array(changed[2...]) == Array(Self.lines[2...]))
  }

  @Test("encoded as the array of its lines")
  func codable() throws {
    let stored = PlanLines(Self.lines)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(stored)
    #expect(data == (try encoder.encode(Self.lines)))
    #expect(try JSONDecoder().decode(PlanLines.self, from: data) == stored)
  }

  @Test("lines reduced to what progress counts keep indicator, unit and quantity, and widen when changed")
  func counting() {
    var counted = PlanLines(counting: Self.lines)
    #expect(counted.count == Self.lines.count)
    for (line, original) in zip(counted, Self.lines) {
      #expect(line.indicator == original.indicator && line.unit == original.unit)
      #expect(line.quantity == original.quantity && line.activity.isEmpty && line.amounts == .zero)
    }
    #expect(counted.totals == .zero)
    let before = Array(counted)
    counted[0].activity = "Máy vò chè"
    #expect(counted[0].activity == "Máy vò chè")
    #expect(Array(counted[1...]) == Array(before[1...]))
  }
}
