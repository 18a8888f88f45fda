/// An exact amount of money, in whole đồng.
///
/// Parsed from digits, never via `Double`; shown in triệu đồng only on output (STYLE §3).
/// A value finer than 1 đồng is a diagnostic at the parser, never silently rounded.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The amount in đồng.
  public var dong: Int64

  /// Creates an amount of `dong` đồng.
  public init(dong: Int64) { self.dong = dong }

  /// Zero đồng.
  public static let zero = Money(dong: 0)

  /// `amount` triệu đồng (1 triệu = 1 000 000 đồng).
  public static func trieu(_ amount: Int64) -> Money { Money(dong: amount * 1_000_000) }

  /// An exact decimal `value` in `unit`, or `nil` when it is finer than 1 đồng or overflows.
  public init?(_ value: ExactDecimal, unit: MoneyUnit) {
    let (scaled, overflow) = value.units.multipliedReportingOverflow(by: unit.dongPerUnit)
    guard !overflow else { return nil }
    guard let whole = ExactDecimal(units: scaled, scale: value.scale).units(atScale: 0) else {
      return nil
    }
    self.init(dong: whole)
  }

  /// The amount in triệu đồng as an exact decimal string: `1234.5`, `0.035`, `-2`.
  /// This is the form of money in JSON and CSV outputs (SPEC §5, §6).
  public var trieuText: String { ExactDecimal(units: dong, scale: 6).description }

  /// The amount in triệu đồng as an exact decimal.
  public var trieu: ExactDecimal { ExactDecimal(units: dong, scale: 6).normalized }

  public var description: String { trieuText }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.dong < rhs.dong }
  // Sums saturate instead of wrapping or trapping: one cell holds at most 10^15 đồng (the
  // mapper refuses more), so only a sum of thousands of absurd lines can reach the bound, and
  // then it shows as an absurd amount, never as a negative one or a crash.
  public static func + (lhs: Self, rhs: Self) -> Self {
    let (sum, overflow) = lhs.dong.addingReportingOverflow(rhs.dong)
    guard overflow else { return Money(dong: sum) }
    return Money(dong: rhs.dong > 0 ? .max : .min)
  }
  public static func - (lhs: Self, rhs: Self) -> Self {
    let (difference, overflow) = lhs.dong.subtractingReportingOverflow(rhs.dong)
    guard overflow else { return Money(dong: difference) }
    return Money(dong: rhs.dong < 0 ? .max : .min)
  }
  public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
}

/// The money unit a submission declares ("Đơn vị tính: triệu đồng"); triệu đồng by default.
public enum MoneyUnit: String, Hashable, Sendable, CaseIterable, Codable {
  case dong
  case nghinDong
  case trieuDong
  case tyDong

  /// How many đồng one of this unit is.
  public var dongPerUnit: Int64 {
    switch self {
    case .dong: return 1
    case .nghinDong: return 1_000
    case .trieuDong: return 1_000_000
    case .tyDong: return 1_000_000_000
    }
  }

  /// The unit as Vietnamese officials write it.
  public var vietnameseName: String {
    switch self {
    case .dong: return "đồng"
    case .nghinDong: return "nghìn đồng"
    case .trieuDong: return "triệu đồng"
    case .tyDong: return "tỷ đồng"
    }
  }
}
