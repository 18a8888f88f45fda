import Foundation
import Testing

@testable import KhuyenCong

/// `run`, `validate` and `consolidate` build the programme's tables once for all their files
/// (`ProgrammeLookups`): a file's outcome must not depend on which files went before it.
@Suite("Validate: the programme's tables shared by many files")
struct SharedLookupsTests {
  @Test("every sample validated with tables shared by all of them gives the result of tables of its own")
  func sharedTablesGiveTheSameResults() throws {
    let programme = Programme.embeddedDefault()
    let names = try FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)
      .filter { $0 != "README.md" }.sorted()
    #expect(names.count > 20)
    let shared = ProgrammeLookups(programme)
    // Twice over, forwards then backwards: the second pass sees the tables after every file.
    for name in names + names.reversed() {
      let bytes = try Array(Data(contentsOf: samplesFolder.appendingPathComponent(name)))
      var alone = MemorySource(bytes)
      var withShared = MemorySource(bytes)
      let own = SubmissionValidator.validate(&alone, named: name, against: programme).result
      let reused = SubmissionValidator.validate(
        &withShared, named: name, against: programme, lookups: shared
      ).result
      #expect(reused == own, "\(name)")
    }
  }
}
