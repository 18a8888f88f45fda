import KhuyenCong
import KhuyenCongIntake

/// Who a token is (issue 10).
enum TokenHolder: Hashable, Sendable {
  case district(DistrictCode)
  case department

  /// Whether the holder may read and submit `district`'s files.
  func covers(_ district: DistrictCode?) -> Bool {
    switch self {
    case .department: return true
    case .district(let own): return district == own
    }
  }
}

/// Finds the holder of a token among the ledger's active tokens.
enum TokenCheck {
  /// The holder of `token`, or `nil`. The token's SHA-256 is compared with every active
  /// token's hash in constant time, never stopping early, so the time taken says nothing of
  /// how much of a hash matched.
  static func holder(of token: String, among tokens: [PortalToken]) -> TokenHolder? {
    let trimmed = token.trimmingSpaces
    guard !trimmed.isEmpty, trimmed.utf8.count <= 256 else { return nil }
    let hash = Array(SHA256.hex(of: Array(trimmed.utf8)).utf8)
    var found: TokenHolder?
    for record in tokens {
      let equal = constantTimeEqual(hash, Array(record.sha256.utf8))
      if equal && record.isActive {
        found = record.district.map(TokenHolder.district) ?? .department
      }
    }
    return found
  }

  /// Whether two byte strings are equal, in time that depends only on their lengths.
  static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
  }
}

extension String {
  var trimmingSpaces: String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }
}
