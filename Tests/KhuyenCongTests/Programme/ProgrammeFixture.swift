import Foundation
@testable import KhuyenCong

/// Fixtures and helpers of the Programme tests.
enum ProgrammeFixture {
  /// The bytes of `Fixtures/Programme/<path>`.
  static func bytes(_ path: String) throws -> [UInt8] {
    let url = fixtureURL("Programme").appendingPathComponent(path)
    return Array(try Data(contentsOf: url))
  }

  /// The embedded default, decoded the way `--program` decodes a file.
  static func defaultProgramme() throws -> Programme {
    try Programme.load(json: Array(Programme.defaultJSON.utf8), file: "default.json")
  }

  /// Loads JSON text; the error, if any, as `file:line: reason`.
  static func load(_ text: String, file: String = "edited.json") throws(ProgrammeError) -> Programme {
    try Programme.load(json: Array(text.utf8), file: file)
  }

  /// The package root, from this file's path (the schema lives in `schemas/`).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
