/// Exact percentages computed with integers, never `Double` (STYLE §3).
enum Percentage {
  /// `part / whole × 100`, rounded half up (away from zero) to `places` decimals;
  /// `nil` when `whole` is zero or the figures do not fit 64 bits.
  static func of(_ part: ExactDecimal, in whole: ExactDecimal, places: Int) -> ExactDecimal? {
    let scale = max(part.scale, whole.scale)
    guard let p = part.units(atScale: scale), let w = whole.units(atScale: scale), w != 0,
      places >= 0, places <= 16
    else { return nil }
    let negative = (p < 0) != (w < 0) && p != 0
    let divisor = w.magnitude
    var factor: UInt64 = 100
    for _ in 0..<places { factor *= 10 }
    let (high, low) = p.magnitude.multipliedFullWidth(by: factor)
    // The quotient fits 64 bits only when the high word is below the divisor.
    guard high < divisor else { return nil }
    let (quotient, remainder) = divisor.dividingFullWidth((high, low))
    let (twice, overflow) = remainder.multipliedReportingOverflow(by: 2)
    var rounded = quotient
    if overflow || twice >= divisor { rounded += 1 }
    guard rounded <= UInt64(Int64.max) else { return nil }
    let units = Int64(rounded)
    return ExactDecimal(units: negative ? -units : units, scale: places)
  }

  /// `part / whole × 100` for money, rounded half up to `places` decimals.
  static func of(_ part: Money, in whole: Money, places: Int) -> ExactDecimal? {
    of(ExactDecimal(units: part.dong), in: ExactDecimal(units: whole.dong), places: places)
  }
}
