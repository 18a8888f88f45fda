import Foundation
import KhuyenCong

/// Reads SpreadsheetML bytes with a chosen chunk size, collecting every sheet.
func readSpreadsheetML(
  _ bytes: [UInt8], file: String = "test.xml", chunkSize: Int = 4096,
  limits: ReadLimits = .standard
) -> (ReadReport, [CollectedSheet]) {
  var source = MemorySource(bytes, chunkSize: chunkSize)
  var collector = WorkbookCollector()
  let report = SpreadsheetMLReader.read(&source, file: file, limits: limits, into: &collector)
  return (report, collector.sheets)
}

/// Reads a SpreadsheetML fixture.
func readFixture(_ path: String, chunkSize: Int = 4096) -> (ReadReport, [CollectedSheet]) {
  readSpreadsheetML(fixtureBytes(path), file: (path as NSString).lastPathComponent, chunkSize: chunkSize)
}
