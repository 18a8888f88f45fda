/// One thing an indicator counts: a unit (with the other words districts write for it) and
/// its five-year target (SPEC §2). Indicator 4.3 has two: "hội chợ" (10) and "lượt cơ sở"
/// (100); 4.2 has "hội chợ" (1) and "gian hàng" (300).
public struct Measure: Hashable, Sendable {
  /// What is counted ("hội chợ tham gia", "lượt cơ sở tham gia").
  public var name: String
  /// The unit a line's quantity is counted in (`hội chợ`).
  public var unit: String
  /// Other units that mean the same (`lượt`).
  public var unitAliases: [String]
  /// Five-year target, `nil` when the programme sets no number (area 9).
  public var target: ExactDecimal?

  /// Creates a measure.
  public init(name: String, unit: String, unitAliases: [String], target: ExactDecimal?) {
    self.name = name
    self.unit = unit
    self.unitAliases = unitAliases
    self.target = target
  }
}
