/// An exact decimal number: `units / 10^scale`, for quantities, percentages and multipliers.
///
/// Never a `Double`: a cap of 30 % on 1 666,67 triệu must compare exactly (STYLE §3).
public struct ExactDecimal: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The digits as an integer.
  public var units: Int64
  /// How many of the digits are after the decimal point (0...18).
  public var scale: Int

  /// Creates `units / 10^scale`.
  public init(units: Int64, scale: Int = 0) {
    self.units = units
    self.scale = scale
  }

  /// Parses a canonical decimal literal: optional `-`, digits, optional `.` and digits,
  /// optional exponent (`1.5E+3`, as spreadsheets write large numbers). `nil` if it is not
  /// one, or if it does not fit 18 digits.
  public init?(literal: some StringProtocol) {
    guard let value = Self.parse(literal) else { return nil }
    self = value
  }

  /// The same value with trailing fractional zeros removed.
  public var normalized: ExactDecimal {
    var copy = self
    while copy.scale > 0 && copy.units % 10 == 0 {
      copy.units /= 10
      copy.scale -= 1
    }
    return copy
  }

  /// Whether the value is a whole number.
  public var isWhole: Bool { normalized.scale == 0 }

  /// The value rescaled to `scale` digits, or `nil` if that loses digits or overflows.
  public func units(atScale target: Int) -> Int64? {
    var u = units
    var s = scale
    while s < target {
      let (m, o) = u.multipliedReportingOverflow(by: 10)
      guard !o else { return nil }
      u = m
      s += 1
    }
    while s > target {
      guard u % 10 == 0 else { return nil }
      u /= 10
      s -= 1
    }
    return u
  }

  /// `1234.5`, `-0.25`, `12`: plain decimal text with `.` as separator.
  public var description: String {
    let n = normalized
    let negative = n.units < 0
    let magnitude = String(n.units.magnitude)
    guard n.scale > 0 else { return (negative ? "-" : "") + magnitude }
    let padded =
      magnitude.count <= n.scale
      ? String(repeating: "0", count: n.scale - magnitude.count + 1) + magnitude : magnitude
    let split = padded.index(padded.endIndex, offsetBy: -n.scale)
    return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    let scale = max(lhs.scale, rhs.scale)
    guard let l = lhs.units(atScale: scale), let r = rhs.units(atScale: scale) else {
      // Out of Int64 range only for absurd literals; compare by sign then magnitude text.
      return lhs.description.count < rhs.description.count
    }
    return l < r
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    let l = lhs.normalized
    let r = rhs.normalized
    return l.units == r.units && l.scale == r.scale
  }

  public func hash(into hasher: inout Hasher) {
    let n = normalized
    hasher.combine(n.units)
    hasher.combine(n.scale)
  }
}

extension Character {
  /// `0`–`9` only (not other scripts' digits).
  var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
