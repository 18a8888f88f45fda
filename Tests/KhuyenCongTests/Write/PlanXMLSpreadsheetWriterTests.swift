import Testing
@testable import KhuyenCong

@Suite("plan-N.xml: XML Spreadsheet 2003")
struct PlanXMLSpreadsheetWriterTests {
  @Test("the plan passes schemas/plan-spreadsheet.xsd")
  func validatesAgainstXSD() throws {
    let issues = try WriteTestSupport.schemaValidator().validate(WriteTestSupport.xml())
    #expect(issues.map(\.message) == [])
  }

  @Test("the workbook opens with the XML declaration, mso-application and Excel's namespaces")
  func prolog() {
    let text = WriteTestSupport.text(WriteTestSupport.xml())
    #expect(
      text.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\""
      ))
    for prefix in ["o", "x", "ss", "html"] { #expect(text.contains("xmlns:\(prefix)=")) }
  }

  @Test("the five sheets appear in order, each with a frozen header")
  func sheets() {
    let text = WriteTestSupport.text(WriteTestSupport.xml())
    let names = PlanXMLSpreadsheetWriter.sheetNames.map { "<Worksheet ss:Name=\"\($0)\">" }
    let offsets = names.compactMap { text.range(of: $0)?.lowerBound }
    #expect(offsets.count == 5 && offsets == offsets.sorted())
    #expect(text.components(separatedBy: "<FreezePanes/>").count - 1 == 5)
    #expect(text.contains("<SplitHorizontal>3</SplitHorizontal>"))
    #expect(text.contains(####"<NumberFormat ss:Format="#,##0.###"/>"####))
  }

  @Test("the rejected district is listed with its error cell, the missing one as not sent")
  func rejectedAndMissing() {
    let text = WriteTestSupport.text(WriteTestSupport.xml())
    guard let sheet = text.range(of: "<Worksheet ss:Name=\"Chưa nộp - Bị từ chối\">") else {
      Issue.record("no missing/rejected sheet")
      return
    }
    let body = text[sheet.upperBound...]
    #expect(body.contains("<Data ss:Type=\"String\">na-hang-2017.csv Sheet1!L14</Data>"))
    #expect(body.contains("<Data ss:Type=\"String\">budget.sum</Data>"))
    #expect(body.contains("<Data ss:Type=\"String\">Huyện Chiêm Hóa</Data>"))
    #expect(body.contains("<Data ss:Type=\"String\">Chưa nộp</Data>"))
  }

  @Test("money is written as exact triệu-đồng numbers")
  func money() {
    let text = WriteTestSupport.text(WriteTestSupport.xml())
    #expect(text.contains("<Data ss:Type=\"Number\">2170.75</Data>"))
    #expect(text.contains("<Data ss:Type=\"Number\">1450.25</Data>"))
  }

  @Test("markup and characters illegal in XML 1.0 from a cell are escaped or dropped")
  func escaping() throws {
    var plan = WriteTestSupport.plan
    plan.lines[0].line.activity = "Máy <cưa> & \"bào\"\u{1}\u{FFFE}"
    let bytes = PlanXMLSpreadsheetWriter.write(
      plan, programme: WriteTestSupport.programme,
      messages: MergeTestData.messages)
    let text = WriteTestSupport.text(bytes)
    #expect(text.contains("Máy &lt;cưa&gt; &amp; &quot;bào&quot;</Data>"))
    let issues = try WriteTestSupport.schemaValidator().validate(bytes)
    #expect(issues.isEmpty)
  }

  @Test("every column width names its column, as LibreOffice 7.4 needs on sheets after the first")
  func columnsCarryIndex() {
    let text = WriteTestSupport.text(WriteTestSupport.xml())
    let columns = text.components(separatedBy: "<Column ").dropFirst()
    #expect(!columns.isEmpty)
    #expect(columns.allSatisfy { $0.hasPrefix("ss:Index=") })
  }
}
