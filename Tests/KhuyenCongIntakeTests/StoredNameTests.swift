import Foundation
import KhuyenCong
import Testing
@testable import KhuyenCongIntake

/// Stored names fit the 255-byte limit of a file name, with room for the reports' suffixes.
@Suite("stored names")
struct StoredNameTests {
  /// 251 bytes of UTF-8: a name a district's office could give its plan.
  static let longName =
    "Kế hoạch khuyến công năm 2017 của Ủy ban nhân dân huyện Na Hang, tỉnh Tuyên Quang, bản chỉnh sửa lần thứ hai theo góp ý của Sở Công Thương ngày 20 tháng 10 năm 2016 về đào tạo nghề chè Shan tuyết.csv"
  static let sha = String(repeating: "3f2a9c0d", count: 8)

  @Test("a short name is kept whole after the hash prefix")
  func shortName() {
    #expect(
      Store.storedName(sha256: Self.sha, originalName: "ke-hoach.csv") == "3f2a9c0d3f2a9c0d-ke-hoach.csv")
  }

  @Test(
    "a long name is cut between characters to fit with its reports, keeping its extension",
    arguments: [longName, String(repeating: "ệ", count: 84) + ".cs", String(repeating: "ư", count: 127)])
  func longNameCut(original: String) {
    let stored = Store.storedName(sha256: Self.sha, originalName: original)
    #expect((stored + ".report.json").utf8.count <= 255)
    #expect(stored.utf8.count >= 255 - 12 - 3)  // cut no more than one letter too far
    let ext = original.contains(".") ? "." + (original.split(separator: ".").last ?? "") : ""
    #expect(stored.hasSuffix(ext))
    let kept = stored.dropFirst(17).dropLast(ext.count)
    #expect(original.hasPrefix(kept))
  }

  @Test("a file with a 251-byte Vietnamese name is filed, its reports beside it, its full name in the ledger")
  func longNameFiled() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    #expect(Self.longName.utf8.count == 251)
    try workspace.addSample("2017-072-na-hang-flat.csv", as: Self.longName)
    try workspace.addSample("2017-074-ham-yen-form-v1.csv")
    let summary = try workspace.run()
    #expect(!summary.hasErrors, "\(summary.notices)")
    #expect(summary.filed.map(\.entry.originalName) == ["2017-074-ham-yen-form-v1.csv", Self.longName])
    let stored = try #require(summary.filed.last?.entry.storedPath)
    #expect(stored.hasPrefix("accepted/2017/072/") && stored.hasSuffix(".csv"))
    for suffix in ["", ".report.txt", ".report.json"] {
      #expect(
        FileManager.default.fileExists(atPath: workspace.store.appendingPathComponent(stored + suffix).path))
    }
    #expect(try workspace.ledger().entries().last?.originalName == Self.longName)
    #expect(summary.plansWritten.map(\.rawValue) == [2017])
  }
}
