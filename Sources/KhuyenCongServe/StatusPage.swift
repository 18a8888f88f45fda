import KhuyenCong
import KhuyenCongIntake

/// The status page (issue 10): the year's table, public; below it, with a token, the
/// holder's own files with their reports.
enum StatusPage {
  static func stateName(_ state: String, _ language: Language) -> String {
    let vi = language == .vi
    switch state {
    case "accepted": return vi ? "được chấp nhận" : "accepted"
    case "rejected": return vi ? "bị từ chối" : "rejected"
    case "late": return vi ? "bị từ chối: nộp muộn" : "rejected: late"
    case "submitted": return vi ? "đã nộp, chờ Sở xử lý" : "submitted, waiting for the run"
    default: return vi ? "chưa nộp" : "missing"
    }
  }

  static func html(
    _ status: PortalStatus, language: Language, programme: Programme, holder: TokenHolder?,
    own: [LedgerEntry], reportText: (LedgerEntry) -> String?
  ) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    let yearText = status.planYear.map(String.init) ?? ""
    let title =
      vi ? "Tình hình nộp kế hoạch khuyến công \(yearText)" : "Industrial-extension plans \(yearText): status"
    var body = "<h1>" + e(title) + " <small>" + e(programme.title) + "</small></h1>\n"
    body +=
      "<form class=\"box\" method=\"get\" action=\"/status\">" + PortalHTML.languageField(language)
      + "<label for=\"s-year\">" + e(vi ? "Năm kế hoạch" : "Plan year")
      + "</label> <select id=\"s-year\" name=\"year\">"
    for year in programme.firstYear.rawValue...max(programme.firstYear.rawValue, programme.lastYear.rawValue)
    {
      body += "<option\(year == status.planYear ? " selected" : "")>\(year)</option>"
    }
    body += "</select> <button type=\"submit\">" + e(vi ? "Xem" : "Show") + "</button></form>\n"
    body +=
      "<table id=\"status\"><tr><th>" + e(vi ? "Mã" : "Code") + "</th><th>" + e(vi ? "Huyện" : "District")
      + "</th><th>" + e(vi ? "Trạng thái" : "Status") + "</th><th>"
      + e(vi ? "Bản được tính" : "Version that counts")
      + "</th><th>" + e(vi ? "Ngày ký" : "Dated") + "</th><th>" + e(vi ? "Nhận lần cuối" : "Last received")
      + "</th><th>" + e(vi ? "Số tệp đã nhận" : "Files received") + "</th><th>"
      + e(vi ? "Tổng kinh phí (triệu đồng)" : "Total (million đồng)") + "</th></tr>\n"
    for row in status.districts {
      var state = "<span class=\"status-\(e(row.status))\">" + e(stateName(row.status, language)) + "</span>"
      if row.waitingForRun > 0, row.status != "submitted" {
        state +=
          "<br><span class=\"status-submitted\">"
          + e(
            vi
              ? "bản mới đã nộp (\(row.waitingForRun) tệp), chờ Sở xử lý"
              : "a new version submitted (\(row.waitingForRun) file\(row.waitingForRun == 1 ? "" : "s")), waiting for the run"
          )
          + "</span>"
      }
      let total =
        row.total.flatMap(ExactDecimal.init(literal:)).map { NumberDisplay.text($0, in: language) } ?? ""
      body +=
        "<tr id=\"d-\(e(row.code))\"><td>\(e(row.code))</td><td>\(e(row.name))"
        + (row.priority ? " <small>(" + e(vi ? "ưu tiên" : "priority") + ")</small>" : "") + "</td><td>"
        + state
        + "</td><td>" + e(row.file ?? "") + "</td><td>" + e(PortalHTML.date(row.submittedOn, language))
        + "</td><td>"
        + e(PortalHTML.date(row.lastReceivedAt, language))
        + "</td><td class=\"n\">\(row.filesReceived)</td><td class=\"n\">"
        + e(total)
        + "</td></tr>\n"
    }
    body += "</table>\n"
    body += ownSection(
      language: language, programme: programme, holder: holder, own: own, reportText: reportText)
    return PortalHTML.page(title: title, language: language, body: body, path: "/status")
  }

  static func ownSection(
    language: Language, programme: Programme, holder: TokenHolder?, own: [LedgerEntry],
    reportText: (LedgerEntry) -> String?
  ) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    guard let holder else {
      return "<h2>" + e(vi ? "Tệp và báo cáo của huyện" : "A district's files and reports") + "</h2>\n"
        + "<form class=\"box\" id=\"own-form\" method=\"post\" action=\"/status\">"
        + PortalHTML.languageField(language)
        + "<p class=\"f\"><label for=\"o-token\">" + e(vi ? "Mã truy cập" : "Access token")
        + "</label> <input id=\"o-token\" name=\"token\" type=\"password\" autocomplete=\"off\" size=\"40\"> "
        + "<button type=\"submit\">" + e(vi ? "Xem tệp của huyện" : "Show the district's files")
        + "</button></p></form>\n"
    }
    let whose: String
    switch holder {
    case .department: whose = vi ? "Mọi huyện (mã của Sở)" : "Every district (the Department's token)"
    case .district(let code):
      whose =
        (vi ? "Huyện " : "District ") + code.rawValue + " " + (programme.district(code)?.officialName ?? "")
    }
    var html =
      "<h2 id=\"own\">" + e(vi ? "Tệp và báo cáo" : "Files and reports") + " <small>" + e(whose)
      + "</small></h2>\n"
    guard !own.isEmpty else {
      return html + "<p>" + e(vi ? "Chưa có tệp nào được vào sổ." : "No file filed yet.") + "</p>\n"
    }
    for entry in own {
      html +=
        "<div class=\"box\"><p><b>" + e(entry.originalName) + "</b> · "
        + e(PortalHTML.date(entry.receivedAt, language)) + " · "
        + e(entry.district?.rawValue ?? "?") + " · " + e(entry.planYear?.description ?? "?") + " · "
        + "<span class=\"status-\(entry.status.rawValue)\">" + e(stateName(entry.status.rawValue, language))
        + "</span> · "
        + e(
          vi
            ? "\(entry.errorCount) lỗi, \(entry.warningCount) cảnh báo"
            : "\(entry.errorCount) errors, \(entry.warningCount) warnings")
        + "</p>\n"
      if let report = reportText(entry) { html += "<pre>" + e(report) + "</pre>\n" }
      for (kind, label) in [
        ("file", vi ? "Tải tệp" : "Download the file"),
        ("report", vi ? "Tải báo cáo" : "Download the report"),
      ] {
        // The token goes again in the POST body, never in a link.
        html +=
          "<form method=\"post\" action=\"/file\">" + PortalHTML.languageField(language)
          + "<input type=\"hidden\" name=\"sha256\" value=\"\(e(entry.sha256))\">"
          + "<input type=\"hidden\" name=\"kind\" value=\"\(kind)\">"
          + "<input type=\"password\" name=\"token\" autocomplete=\"off\" placeholder=\""
          + e(vi ? "mã truy cập" : "access token")
          + "\" required> <button type=\"submit\">" + e(label) + "</button></form>\n"
      }
      html += "</div>\n"
    }
    return html
  }
}
