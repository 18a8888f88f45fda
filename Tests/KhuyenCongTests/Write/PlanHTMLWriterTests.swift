import Testing
@testable import KhuyenCong

@Suite("plan-N.html: a self-contained report")
struct PlanHTMLWriterTests {
  let html = WriteTestSupport.text(WriteTestSupport.html())

  @Test("the page fetches nothing: no http URL, no script, no external stylesheet")
  func selfContained() {
    #expect(!html.contains("http"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
  }

  @Test("the page is Vietnamese UTF-8 with inline SVG charts")
  func languageAndCharts() {
    #expect(html.contains("<html lang=\"vi\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 4)
  }

  @Test("the rejected and the missing district are shown with their status")
  func rejectedAndMissing() {
    #expect(
      html.contains(
        "<td class=\"status-rejected\">Bị từ chối</td><td>na-hang-2017.csv</td><td>budget.sum</td><td>Sheet1!L14</td>"
      ))
    #expect(html.contains("<td>Huyện Chiêm Hóa</td><td class=\"status-missing\">Chưa nộp</td>"))
  }

  @Test("text from a submission is HTML-escaped")
  func escaping() {
    var plan = WriteTestSupport.plan
    plan.lines[0].line.activity = "<script>alert('x')</script> & co"
    let text = WriteTestSupport.text(
      PlanHTMLWriter.write(
        plan, programme: WriteTestSupport.programme,
        messages: MergeTestData.messages))
    #expect(!text.contains("<script>"))
    #expect(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
  }

  @Test("amounts read the Vietnamese way, 2.170,75 triệu đồng, not 2170.75")
  func vietnameseNumbers() {
    #expect(html.contains("<td class=\"n\">2.170,75</td>"))
    #expect(!html.contains(">2170.75<"))
  }

  @Test("chart labels start at the left edge above their bar, so long names are not cut off")
  func chartLabelsAboveBars() {
    #expect(!html.contains("text-anchor=\"end\""))
    #expect(html.contains("<text x=\"0\" y=\"14\">"))
  }
}
