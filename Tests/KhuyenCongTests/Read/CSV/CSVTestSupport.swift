import Foundation

@testable import KhuyenCong

/// The bytes of a fixture under `Fixtures/Read/csv/`.
func csvFixture(_ path: String) throws -> [UInt8] {
  let url = fixtureURL("Read/csv").appendingPathComponent(path)
  return [UInt8](try Data(contentsOf: url))
}

/// What reading a CSV file produced: the report and every sheet the visitor saw.
struct CSVReadResult {
  var report: ReadReport
  var sheets: [CollectedSheet]

  /// The rows of the only sheet.
  var rows: [SheetRow] { sheets.first?.rows ?? [] }

  /// `code plan!C12` for every diagnostic, as a user reads them.
  var located: [String] { report.diagnostics.map(\.located) }

  /// The text at a 1-based row and column, `""` where there is none.
  func text(_ row: Int, _ column: Int) -> String {
    sheets.first?[row, column].displayText ?? ""
  }
}

/// Reads `bytes` with `CSVReader`, in chunks of `chunkSize`.
func readCSV(
  _ bytes: [UInt8], chunkSize: Int = 4096, file: String = "plan.csv",
  limits: ReadLimits = .standard
) -> CSVReadResult {
  var source = MemorySource(bytes, chunkSize: chunkSize)
  var collector = WorkbookCollector()
  let report = CSVReader.read(&source, file: file, limits: limits, into: &collector)
  return CSVReadResult(report: report, sheets: collector.sheets)
}

/// A deterministic byte generator (tests must not depend on a random seed).
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
  }
}
