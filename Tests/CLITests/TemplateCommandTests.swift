import Foundation
import Testing

@Suite("template")
struct TemplateCommandTests {
  @Test("a filled-in CSV template validates: the form round-trips")
  func csvRoundTrip() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lam-binh-2017.csv").path
    let made = try runCLI(["template", "--year", "2017", "--district", "071", "--out", path])
    #expect(made.status == 0)
    var rows = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
    if rows.count < 5 {
      rows = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    }
    // The district fills in its number, date, one line under section I and the total row.
    rows = rows.map { row in
      row.replacingOccurrences(of: "ngày      tháng      năm 2016", with: "ngày 25 tháng 10 năm 2016")
        .replacingOccurrences(of: "Số:      /KH-UBND", with: "Số: 215/KH-UBND")
    }
    let section = try #require(rows.firstIndex { $0.hasPrefix("I,") })
    rows[section + 1] =
      "1,1.1,Đào tạo nghề mây tre đan,Trung tâm Khuyến công và Xúc tiến thương mại,"
      + "HTX mây tre đan Thượng Lâm,Xã Thượng Lâm,,lao động,35,03/2017,06/2017,150,120,30,0,0,"
    let total = try #require(rows.firstIndex { $0.contains("Tổng cộng") })
    rows[total] = ",,Tổng cộng,,,,,,,,,150,120,30,0,0,"
    try rows.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
    let run = try runCLI(["validate", "--format", "json", path])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let submission = try #require((json["submissions"] as? [[String: Any]])?.first)
    #expect(submission["status"] as? String == "accepted", "\(run.stdout)")
    #expect(submission["district"] as? String == "071")
    #expect(submission["lines"] as? Int == 1)
    #expect((submission["totals"] as? [String: String])?["total"] == "150")
  }

  @Test("the XML template reads back as the district's form; filled in, it validates")
  func xmlRoundTrip() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("na-hang-2018.xml").path
    #expect(try runCLI(["template", "--year", "2018", "--district", "Na Hang", "--out", path]).status == 0)
    let blank = try runCLI(["validate", "--format", "json", path])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(blank.stdout.utf8)) as? [String: Any])
    let submission = try #require((json["submissions"] as? [[String: Any]])?.first)
    #expect(submission["district"] as? String == "072")
    #expect(submission["planYear"] as? Int == 2018)
    // Blank, it waits for its date and its lines, nothing else.
    let codes = ((submission["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    #expect(codes == ["meta.date", "plan.empty"])
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "ngày      tháng      năm 2017", with: "ngày 20 tháng 10 năm 2017")
    // The first empty line of the form (under section I) gets one training line.
    let emptyLine = try #require(text.range(of: "<Row>\n    <Cell ss:StyleID=\"code\"/>"))
    let end = try #require(text.range(of: "</Row>", range: emptyLine.upperBound..<text.endIndex))
    let filled = """
      <Row>
       <Cell><Data ss:Type="Number">1</Data></Cell>
       <Cell><Data ss:Type="String">1.1</Data></Cell>
       <Cell><Data ss:Type="String">Đào tạo nghề dệt thổ cẩm</Data></Cell>
       <Cell><Data ss:Type="String">Trung tâm Khuyến công và Xúc tiến thương mại</Data></Cell>
       <Cell><Data ss:Type="String">HTX dệt thổ cẩm Côn Lôn</Data></Cell>
       <Cell><Data ss:Type="String">Xã Côn Lôn</Data></Cell>
       <Cell ss:Index="8"><Data ss:Type="String">lao động</Data></Cell>
       <Cell><Data ss:Type="Number">30</Data></Cell>
       <Cell><Data ss:Type="String">03/2018</Data></Cell>
       <Cell><Data ss:Type="String">06/2018</Data></Cell>
       <Cell><Data ss:Type="Number">120</Data></Cell>
       <Cell><Data ss:Type="Number">90</Data></Cell>
       <Cell><Data ss:Type="Number">30</Data></Cell>
      </Row>
      """
    text.replaceSubrange(emptyLine.lowerBound..<end.upperBound, with: filled)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let run = try runCLI(["validate", "--format", "json", path])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("\"total\": \"120\""))
  }

  @Test("an unknown district is a usage error")
  func unknownDistrict() throws {
    let run = try runCLI(["template", "--year", "2017", "--district", "999", "--out", "/tmp/never.csv"])
    #expect(run.status == 2)
  }
}
