import Foundation
import Testing
@testable import KhuyenCong

/// Whatever the bytes, validation ends in a result with diagnostics: never a crash or a hang,
/// and a damaged file is never accepted silently with fewer lines (SPEC §8, issue 2).
@Suite("Damaged input")
struct DamagedInputTests {
  /// Well-formed plans of every format, as the real programs wrote them.
  static let originals = [
    "Validate/form-valid.csv", "Validate/flat-valid.csv",
    "Read/xlsx/libreoffice-plan-merged.xlsx", "Read/spreadsheetml/libreoffice/form-layout-two-row-header.xml",
  ]

  /// `bytes` cut short, with bytes overwritten, or with a block removed.
  static func damaged(_ bytes: [UInt8]) -> [[UInt8]] {
    guard bytes.count > 16 else { return [bytes] }
    var variants: [[UInt8]] = []
    for fraction in [1, 3, 5, 7, 9] {
      variants.append(Array(bytes.prefix(bytes.count * fraction / 10)))
    }
    var generator = SplitMix64(state: UInt64(bytes.count))
    for _ in 0..<12 {
      var copy = bytes
      for _ in 0..<4 {
        copy[Int(generator.next() % UInt64(copy.count))] = UInt8(truncatingIfNeeded: generator.next())
      }
      variants.append(copy)
      let start = Int(generator.next() % UInt64(bytes.count / 2))
      variants.append(Array(bytes[..<start] + bytes[(start + bytes.count / 8)...]))
    }
    variants.append((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    variants.append([0x50, 0x4B, 0x03, 0x04] + Array(bytes.prefix(200)))
    variants.append([])
    return variants
  }

  @Test(
    "damaged files end in a result, and cut-short ones are not accepted with lines missing",
    arguments: originals)
  func damagedFiles(path: String) throws {
    let bytes = fixtureBytes(path)
    try #require(!bytes.isEmpty, "missing fixture \(path)")
    let programme = Programme.embeddedDefault()
    for variant in Self.damaged(bytes) {
      var source = MemorySource(variant, chunkSize: 7)
      let result = SubmissionValidator.validate(&source, named: "damaged", against: programme).result
      if variant.isEmpty { #expect(result.status == .rejected) }
    }
    // A file cut in its middle never passes as a complete plan.
    var half = MemorySource(Array(bytes.prefix(bytes.count / 2)))
    let cut = SubmissionValidator.validate(&half, named: "half", against: programme).result
    var whole = MemorySource(bytes)
    let full = SubmissionValidator.validate(&whole, named: "whole", against: programme).result
    #expect(
      cut.status == .rejected || cut.submission.lines.count < full.submission.lines.count
        || full.submission.lines.isEmpty)
  }
}
