import Testing
@testable import KhuyenCong

@Suite("Money and exact decimals")
struct MoneyTests {
  @Test("an amount in tỷ đồng is reported exactly in triệu đồng")
  func tyToTrieu() throws {
    let value = try #require(ExactDecimal(literal: "27.377"))
    let money = try #require(Money(value, unit: .tyDong))
    #expect(money.dong == 27_377_000_000)
    #expect(money.trieuText == "27377")
  }

  @Test("an amount finer than one đồng is refused, not rounded")
  func finerThanDong() throws {
    let value = try #require(ExactDecimal(literal: "0.5"))
    #expect(Money(value, unit: .dong) == nil)
  }

  @Test(
    "spreadsheet exponent literals are read exactly",
    arguments: [
      ("1.5E+3", "1500"), ("2095.39", "2095.39"), ("-0.25", "-0.25"), ("1E-3", "0.001"),
    ])
  func literals(text: String, expected: String) throws {
    #expect(try #require(ExactDecimal(literal: text)).description == expected)
  }

  @Test("column letters round-trip as Excel names them", arguments: [1, 26, 27, 52, 703, 16384])
  func columnLetters(column: Int) {
    #expect(ColumnName.number(ColumnName.letters(column)) == column)
  }

  @Test("a sum past Int64 saturates: never a negative total, never a crash")
  func saturation() {
    let huge = Money(dong: .max - 5)
    #expect((huge + Money(dong: 10)).dong == .max)
    #expect((Money(dong: .min + 5) - Money(dong: 10)).dong == .min)
    #expect((Money(dong: 2) + Money(dong: 3)).dong == 5)
  }
}
