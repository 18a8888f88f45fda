import Foundation
import KhuyenCongIntake
import Synchronization

/// The ledger as the portal reads it: opened read-only (WAL) when first there, then kept.
/// Before `run` or `token issue` created it, there is nothing to read: no token, no status.
final class LedgerAccess: Sendable {
  let path: String
  private let opened = Mutex<Ledger?>(nil)

  init(path: String) { self.path = path }

  /// The ledger, or `nil` when the file does not exist yet.
  /// - Throws: `IntakeError.ledger` when it exists but cannot be read.
  func ledger() throws(IntakeError) -> Ledger? {
    if let ledger = opened.withLock({ $0 }) { return ledger }
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let ledger = try Ledger.openForReading(path: path)
    opened.withLock { $0 = ledger }
    return ledger
  }
}
