import Foundation
import Testing

@testable import KhuyenCong

/// Lines stream from the mapper through the checks and are let go (issue 7): the outcome is
/// that of checking the whole submission at the end, whatever waits for what.
@Suite("Validate: lines checked as they stream")
struct StreamedLinesTests {
  static let header =
    "district,plan_year,submitted_on,content,activity,implementer,beneficiary,place,group_project,"
    + "unit,quantity,start,end,total,national,local,counterpart,other,note\r\n"

  /// A line of Lâm Bình's plan with `total` = `local` (so it adds up), at `place`.
  static func line(
    activity: String, amount: String, district: String = "Lâm Bình", year: String = "2017",
    place: String = "Xã Khuôn Hà"
  ) -> String {
    "\(district),\(year),25/10/2016,3.3,\(activity),Phòng Kinh tế và Hạ tầng huyện Lâm Bình,"
      + "Hộ kinh doanh Nguyễn Văn An,\(place),,cơ sở,1,04/2017,10/2017,\"\(amount)\",0,\"\(amount)\",0,0,\r\n"
  }

  static func validate(_ text: String, keepingLines: Bool = true) -> SubmissionResult {
    var source = MemorySource(Array(text.utf8), chunkSize: 64)
    return SubmissionValidator.validate(
      &source, named: "lam-binh.csv", against: Programme.embeddedDefault(), keepingLines: keepingLines
    ).result
  }

  static func duplicates(_ result: SubmissionResult) -> [String] {
    result.diagnostics.filter { $0.code == .lineDuplicate }.map {
      "\($0.located) of \($0.values["otherRow"] ?? "?")"
    }
  }

  @Test(
    "a line equal to an earlier one whose amount waited for the convention is the duplicate, not the earlier one",
    arguments: [
      // 1.500 read as Vietnamese is 1500: rows 2 and 3 are the same line.
      ("20,5", ["line.duplicate lam-binh!3:3 of 2"]),
      // Read as English it is 1.5: they differ.
      ("20.5", []),
    ])
  func duplicateOfWaitingLine(decider: String, expected: [String]) {
    let text =
      Self.header + Self.line(activity: "Máy sao chè", amount: "1.500")
      + Self.line(activity: "Máy sao chè", amount: "1500")
      + Self.line(activity: "Máy vò chè", amount: decider)
    for keeping in [true, false] {
      #expect(Self.duplicates(Self.validate(text, keepingLines: keeping)) == expected)
    }
  }

  @Test("long activities (folded straight into the line's key) are the same line when they fold alike")
  func duplicateLongActivities() {
    let long = "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất chè Shan tuyết tại xã Khuôn Hà"
    #expect(long.utf8.count > 64)
    let text =
      Self.header + Self.line(activity: long, amount: "150")
      // Case, spacing and punctuation folded: the same line.
      + Self.line(activity: "  " + long.uppercased() + " !", amount: "150")
      // A symbol the fast folding does not table (Foundation folds it away): the same line too.
      + Self.line(activity: long + " ☕", amount: "150")
      // Another amount, another word: other lines.
      + Self.line(activity: long, amount: "151")
      + Self.line(activity: long + " đợt 2", amount: "150")
    for keeping in [true, false] {
      #expect(
        Self.duplicates(Self.validate(text, keepingLines: keeping)) == [
          "line.duplicate lam-binh!3:3 of 2", "line.duplicate lam-binh!4:4 of 2",
        ])
    }
  }

  @Test("two lines that both wait for the convention: the later one is the duplicate")
  func duplicateAmongWaitingLines() {
    let text =
      Self.header + Self.line(activity: "Máy sao chè", amount: "1.500")
      + Self.line(activity: "Máy vò chè", amount: "1.500")
      + Self.line(activity: "Máy sao chè", amount: "1.500")
      + Self.line(activity: "Máy sao chè", amount: "1500")
    // Undecided, each 1.500 is unreadable and left out: rows 2 and 4 are still the same line;
    // row 5's 1500 differs from them.
    #expect(Self.duplicates(Self.validate(text)) == ["line.duplicate lam-binh!4:4 of 2"])
  }

  @Test("lines read before the file names its district and year are checked for places and periods")
  func linesBeforeDistrictAndYear() {
    let text =
      Self.header + Self.line(activity: "A", amount: "10", district: "", year: "", place: "Xã Không Có")
      + Self.line(activity: "B", amount: "10", district: "", year: "", place: "Xã Khuôn Hà")
      + Self.line(activity: "C", amount: "10", place: "Xã Không Có Nữa")
    for keeping in [true, false] {
      let found = Self.validate(text, keepingLines: keeping).located().filter { $0.hasPrefix("place.") }
      #expect(found == ["place.unknown lam-binh!H2", "place.unknown lam-binh!H4"])
    }
  }

  @Test("a file whose district is never named: no place is judged, as before")
  func neverNamedDistrict() {
    let text =
      Self.header + Self.line(activity: "A", amount: "10", district: "", place: "Xã Không Có")
      + Self.line(activity: "B", amount: "10", district: "", place: "Xã Khuôn Hà")
    let found = Self.validate(text, keepingLines: false).located()
    #expect(!found.contains { $0.hasPrefix("place.") })
    #expect(found.contains("meta.district lam-binh"))
  }

  @Test(
    "validate without keeping the lines says what keeping them says",
    arguments: fixtureNames(in: "Validate"))
  func withoutLines(name: String) throws {
    let kept = try validateFixture("Validate/" + name)
    let bytes = fixtureBytes("Validate/" + name)
    var source = MemorySource(bytes, chunkSize: 7)
    let streamed = SubmissionValidator.validate(
      &source, named: name, against: Programme.embeddedDefault(), keepingLines: false
    ).result
    #expect(streamed.diagnostics == kept.diagnostics)
    #expect(streamed.submission.lines.isEmpty)
    #expect(streamed.submission.lineCount == kept.submission.lines.count)
    #expect(streamed.submission.totals == kept.submission.totals)
  }

  @Test("the fingerprints of lines seen keep each first row, through the table's growth")
  func fingerprintTable() {
    var table = LineFingerprints()
    let fingerprints = (0..<5000).map { n in
      // Fingerprints that share their high bits too (they place alike), and ones that differ.
      LineFingerprints.Fingerprint(high: n % 3 == 0 ? 42 : UInt64(n) &* 0x9E37_79B9_7F4A_7C15, low: UInt32(n))
    }
    for (row, fingerprint) in fingerprints.enumerated() {
      #expect(table.row(of: fingerprint) == nil)
      #expect(table.insert(fingerprint, row: row + 2) == nil)
    }
    for (row, fingerprint) in fingerprints.enumerated() {
      #expect(table.insert(fingerprint, row: 9999) == row + 2)
      #expect(table.row(of: fingerprint) == row + 2)
    }
    #expect(table.row(of: LineFingerprints.Fingerprint(high: 42, low: 1)) == nil)
  }
}
