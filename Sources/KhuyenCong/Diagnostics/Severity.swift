/// How much a diagnostic weighs: an `error` rejects the whole submission (SPEC §4).
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
