import Foundation
import Testing
@testable import KhuyenCong

/// Validates a fixture against `programme` (the embedded default unless given).
func validateFixture(
  _ path: String, programme: Programme = Programme.embeddedDefault(),
  chunkSize: Int = 4096
) throws -> SubmissionResult {
  let bytes = fixtureBytes(path)
  try #require(!bytes.isEmpty, "missing fixture \(path)")
  var source = MemorySource(bytes, chunkSize: chunkSize)
  let name = URL(fileURLWithPath: path).lastPathComponent
  return SubmissionValidator.validate(&source, named: name, against: programme).result
}

extension SubmissionResult {
  /// `code Sheet1!C12` for every diagnostic of at least `severity`.
  func located(atLeast severity: Severity = .info) -> [String] {
    diagnostics.filter { $0.severity >= severity }.map(\.located)
  }
}
