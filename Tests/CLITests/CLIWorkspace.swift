import Foundation

/// A fresh temporary folder per test, removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("khuyencong-cli-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The sample files consolidate reads (everything but the README).
func sampleFiles() throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("samples").path)
    .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "samples/" + $0 }
}
