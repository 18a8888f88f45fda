/// A district's GSO code (`071` Lâm Bình).
public struct DistrictCode: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An indicator code of the programme (`3.3`) or a content area code (`3`).
public struct IndicatorCode: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }

  /// Orders `2.10` after `2.9`: numerically by dotted component.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    let l = lhs.rawValue.split(separator: ".")
    let r = rhs.rawValue.split(separator: ".")
    for (a, b) in zip(l, r) where a != b {
      if let x = Int(a), let y = Int(b) { return x < y }
      return a < b
    }
    return l.count < r.count
  }
}

/// A commune's GSO code (`02266`).
public struct CommuneCode: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The year a plan is for (kế hoạch năm N).
public struct PlanYear: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
