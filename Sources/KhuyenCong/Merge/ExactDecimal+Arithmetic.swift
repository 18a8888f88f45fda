extension ExactDecimal {
  /// Zero.
  static let zero = ExactDecimal(units: 0)

  /// The exact sum, or `nil` when it does not fit 18 digits.
  func adding(_ other: ExactDecimal) -> ExactDecimal? {
    let scale = max(self.scale, other.scale)
    guard let a = units(atScale: scale), let b = other.units(atScale: scale) else { return nil }
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard !overflow else { return nil }
    return ExactDecimal(units: sum, scale: scale).normalized
  }

  /// The value with exactly `places` decimals (`66.7`, `100.0`), for fixed-width display.
  func fixedText(places: Int) -> String {
    guard places > 0, let units = units(atScale: places) else { return description }
    let magnitude = String(units.magnitude)
    let padded =
      magnitude.count <= places
      ? String(repeating: "0", count: places - magnitude.count + 1) + magnitude : magnitude
    let split = padded.index(padded.endIndex, offsetBy: -places)
    return (units < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
  }
}
