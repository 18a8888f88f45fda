/// A fund source of a plan line's budget (SPEC §3 columns).
public enum FundSource: String, Hashable, Sendable, Codable, CaseIterable {
  /// KCQG: khuyến công quốc gia.
  case national
  /// KCĐP: khuyến công địa phương.
  case local
  /// Đối ứng: the beneficiary's own contribution.
  case counterpart
  /// Nguồn khác.
  case other
}

/// Budget amounts of a line, or sums of lines: the total and its split by fund source.
public struct FundTotals: Hashable, Sendable, Codable {
  public var total: Money
  public var national: Money
  public var local: Money
  public var counterpart: Money
  public var other: Money

  /// Creates totals; every amount defaults to zero.
  public init(
    total: Money = .zero, national: Money = .zero, local: Money = .zero,
    counterpart: Money = .zero, other: Money = .zero
  ) {
    self.total = total
    self.national = national
    self.local = local
    self.counterpart = counterpart
    self.other = other
  }

  /// All zero.
  public static let zero = FundTotals()

  /// The amount of one fund source.
  public subscript(source: FundSource) -> Money {
    get {
      switch source {
      case .national: return national
      case .local: return local
      case .counterpart: return counterpart
      case .other: return other
      }
    }
    set {
      switch source {
      case .national: national = newValue
      case .local: local = newValue
      case .counterpart: counterpart = newValue
      case .other: other = newValue
      }
    }
  }

  /// national + local + counterpart + other, which `total` must equal (`budget.sum`).
  public var sumOfSources: Money { national + local + counterpart + other }

  /// Khuyến công support: national + local funds.
  public var support: Money { national + local }

  public static func + (lhs: Self, rhs: Self) -> Self {
    FundTotals(
      total: lhs.total + rhs.total, national: lhs.national + rhs.national,
      local: lhs.local + rhs.local, counterpart: lhs.counterpart + rhs.counterpart,
      other: lhs.other + rhs.other)
  }

  public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
}
