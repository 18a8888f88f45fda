import Foundation
import Testing

/// Files of 1 MiB and more are read on one thread while their rows are mapped and checked on
/// a second (`SubmissionFile.pipelinedFrom`): what a user reads must not change.
@Suite("CLI: a file over 1 MiB, read on one thread and checked on another")
struct LargeFileTests {
  @Test(
    "every line of a 6 000-line plan is counted and each of its 500 repeated lines is reported at its row, in order"
  )
  func everyLineInOrder() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = try String(
      contentsOf: packageRoot.appendingPathComponent("samples/2017-072-na-hang-flat.csv"), encoding: .utf8)
    let lines = sample.split(whereSeparator: \.isNewline).map(String.init)
    // The first line's fields (none quoted); the fifth is its activity.
    let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    #expect(fields[4].hasPrefix("Đào tạo nghề"))
    func line(_ activity: String) -> String {
      var numbered = fields
      numbered[4] += activity
      return numbered.joined(separator: ",")
    }
    // Rows 2n and 2n + 1 of the file: the same line when n is a multiple of 6 (500 repeats,
    // fewer than a report keeps), else two lines told apart by their activity.
    var text = lines[0] + "\n"
    for number in 1...3000 {
      let first = line(" lớp \(number)")
      text += first + "\n" + (number % 6 == 0 ? first : line(" lớp \(number) đợt 2")) + "\n"
    }
    let path = folder.appendingPathComponent("2017-072-na-hang-large.csv")
    try text.write(to: path, atomically: true, encoding: .utf8)
    #expect(text.utf8.count > 1 << 20)  // SubmissionFile.pipelinedFrom

    let run = try runCLI(["validate", "--format", "json", "--lang", "en", path.path])
    let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let submission = try #require((json["submissions"] as? [[String: Any]])?.first)
    #expect(submission["lines"] as? Int == 6000)
    let duplicates = (submission["diagnostics"] as? [[String: Any]] ?? []).filter {
      $0["code"] as? String == "line.duplicate"
    }
    let rows = duplicates.compactMap { $0["row"] as? Int }
    #expect(rows == Array(stride(from: 13, through: 6001, by: 12)))
    let earlier = duplicates.compactMap { ($0["values"] as? [String: String])?["otherRow"] }
    #expect(earlier == rows.map { String($0 - 1) })
  }
}
