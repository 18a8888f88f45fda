import Foundation

/// The copied `Fixtures` folder of the test bundle, or the source folder when the bundle has
/// none (then a test fails on the missing file it names, not on a crash here).
let fixturesFolder: URL =
  Bundle.module.url(forResource: "Fixtures", withExtension: nil)
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The URL of a fixture under Tests/KhuyenCongTests/Fixtures.
func fixtureURL(_ path: String) -> URL {
  fixturesFolder.appendingPathComponent(path)
}

/// The bytes of a fixture; empty when it is missing (callers `#require` them non-empty).
func fixtureBytes(_ path: String) -> [UInt8] {
  (try? Data(contentsOf: fixtureURL(path))).map { [UInt8]($0) } ?? []
}

/// The names of the fixtures in one folder (`Validate`), sorted.
func fixtureNames(in folder: String) -> [String] {
  let names = try? FileManager.default.contentsOfDirectory(atPath: fixtureURL(folder).path)
  return (names ?? []).filter { !$0.hasPrefix(".") }.sorted()
}
