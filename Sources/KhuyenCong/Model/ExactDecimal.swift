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
    var text = Substring(literal)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
      guard let value = Int(text[text.index(after: e)...].drop { $0 == "+" }), abs(value) < 40
      else { return nil }
      exponent = value
      text = text[..<e]
    }
    var negative = false
    if text.first == "-" {
      negative = true
      text = text.dropFirst()
    } else if text.first == "+" {
      text = text.dropFirst()
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
    else { return nil }
    var digits = String(parts[0])
    var scale = 0
    if parts.count == 2 {
      digits += parts[1]
      scale = parts[1].count
    }
    guard digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
    // Trim leading zeros so long zero-padded literals still fit.
    let trimmed = digits.drop { $0 == "0" }
    scale -= exponent
    var units = Int64(0)
    for character in trimmed {
      guard let digit = character.wholeNumberValue else { return nil }
      let (m, o1) = units.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(digit))
      guard !o1, !o2 else { return nil }
      units = a
    }
    while scale < 0 {
      let (m, o) = units.multipliedReportingOverflow(by: 10)
      guard !o else { return nil }
      units = m
      scale += 1
    }
    guard scale <= 18 else { return nil }
    self.init(units: negative ? -units : units, scale: scale)
    self = normalized
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
