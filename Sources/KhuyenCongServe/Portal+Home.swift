import Foundation
import Hummingbird
import KhuyenCong

/// `GET /` (the self-check form) and `GET /template` (the blank form), issue 10.
extension Portal {
  func home(_ request: Request) -> Response {
    let language = PortalLanguage.of(request)
    return Self.html(HomePage.html(programme: programme, language: language, defaultYear: defaultYear()))
  }

  /// The year after this one when the programme covers it (plans are sent the autumn
  /// before), else the programme's last year.
  func defaultYear() -> PlanYear {
    let year = Calendar(identifier: .gregorian).component(.year, from: settings.now()) + 1
    let next = PlanYear(rawValue: year)
    return programme.covers(next) ? next : programme.lastYear
  }

  func template(_ request: Request) -> Response {
    let language = PortalLanguage.of(request)
    let query = request.uri.queryParameters
    let districtText = query["district"].map { String($0) } ?? ""
    guard let code = DistrictMatcher(programme: programme).exact(districtText),
      let district = programme.district(code)
    else {
      return Self.refusal(
        .badRequest, language, vi: "Không có huyện \"\(districtText)\" trong chương trình.",
        en: "No district \"\(districtText)\" in the programme.")
    }
    guard let yearText = query["year"], let year = Int(yearText), (1900...2200).contains(year) else {
      return Self.refusal(
        .badRequest, language, vi: "Năm kế hoạch không hợp lệ.", en: "The plan year is not valid.")
    }
    let format = query["format"].map { String($0).lowercased() } ?? "xml"
    let planYear = PlanYear(rawValue: year)
    let bytes: [UInt8]
    let contentType: String
    switch format {
    case "csv":
      bytes = TemplateWriter.csv(programme: programme, year: planYear, district: district)
      contentType = "text/csv; charset=utf-8"
    case "xml":
      bytes = TemplateWriter.spreadsheetML(programme: programme, year: planYear, district: district)
      contentType = "application/vnd.ms-excel"
    default:
      return Self.refusal(
        .badRequest, language, vi: "Định dạng phải là xml hoặc csv.", en: "The format must be xml or csv.")
    }
    let fileName =
      "ke-hoach-khuyen-cong-\(year)-\(code.rawValue.filter { $0.isASCII && $0.isNumber }).\(format)"
    return Response(
      status: .ok,
      headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(fileName)\""],
      body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}

/// The portal's first page: pick the district and year, upload, check or submit.
enum HomePage {
  static func html(programme: Programme, language: Language, defaultYear: PlanYear) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    // The first choice is "as the file says": the page then compares nothing.
    let asFile = "<option value=\"\">" + e(vi ? "(theo tệp)" : "(as the file says)") + "</option>"
    var districtOptions = ""
    for district in programme.districts {
      districtOptions +=
        "<option value=\"\(e(district.code.rawValue))\">\(e(district.code.rawValue)) \(e(district.officialName))</option>"
    }
    var yearOptions = ""
    for year in programme.firstYear.rawValue...max(programme.firstYear.rawValue, programme.lastYear.rawValue)
    {
      yearOptions += "<option\(year == defaultYear.rawValue ? " selected" : "")>\(year)</option>"
    }
    let checkYearOptions = asFile + yearOptions.replacingOccurrences(of: " selected", with: "")
    let title = vi ? "Kiểm tra và nộp kế hoạch khuyến công" : "Check and submit an industrial-extension plan"
    var body = "<h1>" + e(title) + " <small>" + e(programme.title) + "</small></h1>\n"
    body +=
      "<p>"
      + e(
        vi
          ? "Chọn huyện, năm kế hoạch và tệp (CSV, XML Spreadsheet 2003 hoặc xlsx). \"Kiểm tra\" chỉ đọc tệp và chỉ ra từng vấn đề tại ô của nó, như Excel hiển thị; tệp không được lưu lại. \"Kiểm tra và nộp\" cần mã truy cập của huyện, và gửi tệp vào hộp thư của Sở."
          : "Choose the district, the plan year and the file (CSV, XML Spreadsheet 2003 or xlsx). \"Check\" only reads the file and shows each problem at its cell, as Excel shows it; the file is not kept. \"Check and submit\" needs the district's access token, and sends the file to the Department's inbox."
      )
      + "</p>\n"
    body += """
      <form class="box" id="check-form" method="post" action="/check" enctype="multipart/form-data">
      \(PortalHTML.languageField(language))
      <p class="f"><label for="district">\(e(vi ? "Huyện" : "District"))</label> <select id="district" name="district">\(asFile + districtOptions)</select></p>
      <p class="f"><label for="year">\(e(vi ? "Năm kế hoạch" : "Plan year"))</label> <select id="year" name="year">\(checkYearOptions)</select></p>
      <p class="f"><label for="file">\(e(vi ? "Tệp kế hoạch" : "Plan file"))</label> <input id="file" name="file" type="file" required accept=".csv,.txt,.xml,.xls,.xlsx"></p>
      <p class="f"><label for="token">\(e(vi ? "Mã truy cập (chỉ khi nộp)" : "Access token (to submit only)"))</label> <input id="token" name="token" type="password" autocomplete="off" size="40"></p>
      <p class="f"><button id="check" type="submit">\(e(vi ? "Kiểm tra" : "Check"))</button>
      <button id="submit" type="submit" formaction="/submit">\(e(vi ? "Kiểm tra và nộp" : "Check and submit"))</button></p>
      </form>

      """
    body +=
      "<h2>" + e(vi ? "Mẫu kế hoạch trống" : "Blank plan form") + "</h2>\n"
      + "<form class=\"box\" id=\"template-form\" method=\"get\" action=\"/template\">"
      + PortalHTML.languageField(language)
      + "<p class=\"f\"><label for=\"t-district\">" + e(vi ? "Huyện" : "District")
      + "</label> <select id=\"t-district\" name=\"district\">" + districtOptions + "</select></p>"
      + "<p class=\"f\"><label for=\"t-year\">" + e(vi ? "Năm kế hoạch" : "Plan year")
      + "</label> <select id=\"t-year\" name=\"year\">" + yearOptions + "</select></p>"
      + "<p class=\"f\"><label for=\"t-format\">" + e(vi ? "Định dạng" : "Format")
      + "</label> <select id=\"t-format\" name=\"format\"><option value=\"xml\">XML Spreadsheet 2003 (Excel)</option><option value=\"csv\">CSV</option></select></p>"
      + "<p class=\"f\"><button type=\"submit\">" + e(vi ? "Tải mẫu" : "Download the form")
      + "</button></p></form>\n"
    return PortalHTML.page(title: title, language: language, body: body)
  }
}
