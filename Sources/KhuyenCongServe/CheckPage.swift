import KhuyenCong

/// The answer to a self-check (issue 10): the outcome, the totals by fund source, how the file
/// was read, every diagnostic (each linking to its cell), then the sheet as a grid with Excel's
/// column letters and row numbers, the cells with a diagnostic marked and their message beside.
enum CheckPage {
  /// What the portal did with the file besides checking it.
  enum Submission {
    case none
    /// Written into the inbox under `name`.
    case submitted(name: String)
    /// Not written, for the reason given.
    case refused(String)
  }

  static func html(
    _ check: SelfCheck, fileName: String, language: Language, programme: Programme,
    chosenDistrict: DistrictCode?, chosenYear: PlanYear?, submission: Submission = .none
  ) -> String {
    let vi = language == .vi
    let result = check.result
    let submissionFacts = result.submission
    let e = PortalHTML.e
    var body =
      "<h1>" + e(vi ? "Kết quả kiểm tra" : "Check result") + " <small>" + e(fileName) + "</small></h1>\n"
    if case .submitted(let name) = submission {
      body +=
        "<p class=\"notice\" id=\"submitted\">"
        + e(
          vi
            ? "Đã nộp: tệp được ghi vào hộp thư của Sở với tên \(name). Lần xử lý tiếp theo của Sở (15 phút một lần) sẽ vào sổ tệp này; xem trang Tình hình nộp kế hoạch."
            : "Submitted: the file is in the Department's inbox as \(name). The Department's next run (every 15 minutes) files it; see the Submission status page."
        )
        + "</p>\n"
    }
    if case .refused(let reason) = submission {
      body += "<p class=\"refused\" id=\"not-submitted\">" + e(reason) + "</p>\n"
    }
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    let warnings = result.diagnostics.filter { $0.severity == .warning }.count
    let infos = result.diagnostics.count - errors - warnings
    let accepted = result.status == .accepted
    let verdict =
      accepted
      ? (vi ? "ĐẠT: kế hoạch sẽ được chấp nhận" : "ACCEPTED: the plan would be accepted")
      : (vi ? "KHÔNG ĐẠT: kế hoạch sẽ bị từ chối" : "REJECTED: the plan would be rejected")
    let counts =
      vi
      ? "\(errors) lỗi, \(warnings) cảnh báo, \(infos) thông tin"
      : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info"
    body +=
      "<p class=\"verdict \(accepted ? "accepted" : "rejected")\" id=\"verdict\">" + e(verdict) + " ("
      + e(counts)
      + ")</p>\n"
    body += mismatchNotes(
      submissionFacts, chosenDistrict: chosenDistrict, chosenYear: chosenYear, programme: programme,
      language: language)
    body += facts(submissionFacts, programme: programme, language: language)
    body += totals(submissionFacts, language: language)
    body += readSection(check, language: language)
    body += diagnosticList(check, language: language)
    body += grids(check, language: language)
    return PortalHTML.page(title: vi ? "Kết quả kiểm tra" : "Check result", language: language, body: body)
  }

  static func mismatchNotes(
    _ submission: KhuyenCong.Submission, chosenDistrict: DistrictCode?, chosenYear: PlanYear?,
    programme: Programme, language: Language
  ) -> String {
    let vi = language == .vi
    var notes: [String] = []
    if let chosen = chosenDistrict, let found = submission.district, chosen != found {
      let chosenName = programme.district(chosen)?.officialName ?? chosen.rawValue
      let foundName = programme.district(found)?.officialName ?? found.rawValue
      notes.append(
        vi
          ? "Bạn chọn \(chosenName), nhưng tệp là kế hoạch của \(foundName)."
          : "You chose \(chosenName), but the file is the plan of \(foundName).")
    }
    if let chosen = chosenYear, let found = submission.planYear, chosen != found {
      notes.append(
        vi
          ? "Bạn chọn năm \(chosen), nhưng tệp là kế hoạch năm \(found)."
          : "You chose \(chosen), but the file is the plan for \(found).")
    }
    return notes.map { "<p class=\"refused\">" + PortalHTML.e($0) + "</p>\n" }.joined()
  }

  static func facts(_ submission: KhuyenCong.Submission, programme: Programme, language: Language) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    var rows: [(String, String)] = []
    rows.append(
      (
        vi ? "Huyện" : "District",
        submission.district.map { "\($0.rawValue) " + (programme.district($0)?.officialName ?? "") }
          ?? (vi ? "không đọc được" : "not read")
      ))
    rows.append(
      (
        vi ? "Năm kế hoạch" : "Plan year",
        submission.planYear?.description ?? (vi ? "không đọc được" : "not read")
      ))
    rows.append(
      (
        vi ? "Ngày ký" : "Dated",
        submission.submittedOn?.vietnameseText ?? (vi ? "không đọc được" : "not read")
      ))
    if let number = submission.documentNumber { rows.append((vi ? "Số văn bản" : "Document number", number)) }
    rows.append((vi ? "Số dòng kế hoạch" : "Plan lines", String(submission.lines.count)))
    var html = "<table id=\"facts\">\n"
    for (label, value) in rows { html += "<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>\n" }
    return html + "</table>\n"
  }

  static func totals(_ submission: KhuyenCong.Submission, language: Language) -> String {
    let vi = language == .vi
    let names = PortalHTML.fundNames(language)
    var html =
      "<h2>" + PortalHTML.e(vi ? "Kinh phí theo nguồn" : "Budget by fund source") + " <small>"
      + PortalHTML.e(vi ? "triệu đồng" : "million đồng") + "</small></h2>\n<table id=\"totals\"><tr>"
    for (_, name) in names { html += "<th>" + PortalHTML.e(name) + "</th>" }
    html += "</tr>\n<tr>"
    let totals = submission.totals
    for (source, _) in names {
      let money = source.map { totals[$0] } ?? totals.total
      html += "<td class=\"n\">" + PortalHTML.e(PortalHTML.amount(money, language)) + "</td>"
    }
    return html + "</tr>\n</table>\n"
  }

  static func readSection(_ check: SelfCheck, language: Language) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    let read = check.outcome.read
    var rows: [(String, String)] = []
    let format: String
    switch read.format {
    case .csv: format = "CSV"
    case .spreadsheetML: format = "XML Spreadsheet 2003"
    case .xlsx: format = "Excel (.xlsx)"
    case .unknown: format = vi ? "không nhận ra" : "not recognised"
    }
    rows.append((vi ? "Định dạng" : "Format", format))
    if let encoding = read.encoding { rows.append((vi ? "Bảng mã" : "Encoding", encoding)) }
    if let delimiter = read.delimiter {
      rows.append((vi ? "Dấu phân cách" : "Delimiter", delimiter == "\t" ? "tab" : String(delimiter)))
    }
    for sheet in read.sheets {
      rows.append(
        (
          (vi ? "Trang tính " : "Sheet ") + sheet.name,
          vi
            ? "\(sheet.rowCount) dòng có dữ liệu, dòng cuối \(sheet.lastRow), cột cuối \(ColumnName.letters(sheet.lastColumn))"
              + (sheet.hidden ? ", ẩn" : "")
            : "\(sheet.rowCount) rows with values, last row \(sheet.lastRow), last column \(ColumnName.letters(sheet.lastColumn))"
              + (sheet.hidden ? ", hidden" : "")
        ))
    }
    let submission = check.result.submission
    rows.append(
      (vi ? "Trang tính kế hoạch" : "Plan sheet", submission.sheet ?? (vi ? "không tìm thấy" : "none found")))
    if let layout = submission.layout {
      let name: String
      switch layout {
      case .form:
        name =
          vi
          ? "biểu mẫu (khối tiêu đề, tiêu đề cột, mục, dòng tổng)"
          : "form (title block, header, sections, totals)"
      case .flat: name = vi ? "bảng phẳng (một dòng tiêu đề)" : "flat (one header row)"
      }
      rows.append((vi ? "Bố cục" : "Layout", name))
    }
    rows.append((vi ? "Đơn vị tiền" : "Money unit", submission.moneyUnit.vietnameseName))
    var html =
      "<h2>" + e(vi ? "Tệp được đọc thế nào" : "How the file was read") + "</h2>\n<table id=\"read\">\n"
    for (label, value) in rows { html += "<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>\n" }
    return html + "</table>\n"
  }

  static func diagnosticList(_ check: SelfCheck, language: Language) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    let diagnostics = check.result.diagnostics
    var html = "<h2>" + e(vi ? "Các vấn đề" : "Problems") + " <small>\(diagnostics.count)</small></h2>\n"
    guard !diagnostics.isEmpty else {
      return html + "<p>" + e(vi ? "Không có vấn đề nào." : "No problem found.") + "</p>\n"
    }
    let anchors = Anchors(check)
    html +=
      "<table id=\"diagnostics\"><tr><th>" + e(vi ? "Mức" : "Severity") + "</th><th>" + e(vi ? "Ô" : "Cell")
      + "</th><th>" + e(vi ? "Mã" : "Code") + "</th><th>" + e(vi ? "Nội dung" : "Message") + "</th></tr>\n"
    for diagnostic in diagnostics.prefix(maxListed) {
      let severity = diagnostic.severity
      let place = diagnostic.position.cellReference
      let link = anchors.anchor(for: diagnostic.position).map {
        "<a href=\"#\($0)\">" + e(place.isEmpty ? "↓" : place) + "</a>"
      }
      html +=
        "<tr class=\"d-\(severity)\"><td class=\"sev-\(severity)\">"
        + e(MessageCatalog.severity(severity, in: language))
        + "</td><td class=\"code\">" + (link ?? e(place)) + "</td><td class=\"code\">"
        + e(diagnostic.code.rawValue) + "</td><td>" + e(MessageCatalog.message(diagnostic, in: language))
        + "</td></tr>\n"
    }
    html += "</table>\n"
    if diagnostics.count > maxListed {
      html +=
        "<p class=\"notice\">"
        + e(
          vi
            ? "Trang chỉ liệt kê \(maxListed) vấn đề đầu; còn \(diagnostics.count - maxListed) vấn đề nữa (POST /api/check trả về tất cả)."
            : "The page lists the first \(maxListed) problems; \(diagnostics.count - maxListed) more (POST /api/check returns them all)."
        )
        + "</p>\n"
    }
    return html
  }

  /// Most problems listed, and marked in the grid: a hostile file can have hundreds of
  /// thousands, and the page must stay a page.
  static let maxListed = 1_000

  /// Maps positions to the ids of the grid's cells and rows.
  struct Anchors {
    let sheets: [String: Int]

    init(_ check: SelfCheck) {
      var sheets: [String: Int] = [:]
      for sheet in check.shownSheets where sheets[sheet.name] == nil { sheets[sheet.name] = sheet.index }
      self.sheets = sheets
    }

    func anchor(for position: Position) -> String? {
      guard let name = position.sheet, let index = sheets[name], let row = position.row else { return nil }
      if let column = position.column, column <= SheetGrid.maxColumns {
        return "s\(index)-\(ColumnName.letters(column))\(row)"
      }
      return "s\(index)-r\(row)"
    }
  }

  static func grids(_ check: SelfCheck, language: Language) -> String {
    check.shownSheets.map { grid($0, check: check, language: language) }.joined()
  }

  static func grid(_ sheet: SheetGrid.Sheet, check: SelfCheck, language: Language) -> String {
    let vi = language == .vi
    let e = PortalHTML.e
    // Diagnostics of this sheet by cell and by row (those without a column).
    var byCell: [String: [Diagnostic]] = [:]
    var byRow: [Int: [Diagnostic]] = [:]
    // Only rows the grid holds: a problem further down (past the rows shown) stays in the list.
    let lastShown = sheet.rowsLeftOut > 0 ? (sheet.rows.last?.number ?? 0) : Int.max
    for diagnostic in check.result.diagnostics.prefix(maxListed) where diagnostic.position.sheet == sheet.name
    {
      guard let row = diagnostic.position.row, row <= lastShown else { continue }
      if let column = diagnostic.position.column, column <= SheetGrid.maxColumns {
        byCell["\(column):\(row)", default: []].append(diagnostic)
      } else {
        byRow[row, default: []].append(diagnostic)
      }
    }
    let diagnosedColumns = byCell.keys.compactMap { Int($0.split(separator: ":")[0]) }
    let lastColumn = max(sheet.lastColumn, diagnosedColumns.max() ?? 0, 1)
    var rowSet = Set(sheet.rows.map(\.number))
    rowSet.formUnion(byRow.keys)
    for key in byCell.keys {
      if let row = Int(key.split(separator: ":")[1]) { rowSet.insert(row) }
    }
    let rowNumbers = rowSet.sorted()
    let rowsByNumber = Dictionary(sheet.rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    var html =
      "<h2>" + e((vi ? "Trang tính " : "Sheet ") + sheet.name) + " <small>"
      + e(
        vi
          ? "như Excel hiển thị: cột A, B, C…, dòng 1, 2, 3…"
          : "as Excel shows it: columns A, B, C…, rows 1, 2, 3…")
      + "</small></h2>\n<table class=\"grid\" id=\"sheet-\(sheet.index)\">\n<tr><th></th>"
    for column in 1...lastColumn { html += "<th>" + ColumnName.letters(column) + "</th>" }
    html += "<th>" + e(vi ? "Ghi chú kiểm tra" : "Check notes") + "</th></tr>\n"
    var previous = 0
    for number in rowNumbers {
      if number > previous + 1 {
        let skipped = number - previous - 1
        html +=
          "<tr class=\"gap\"><th>…</th><td colspan=\"\(lastColumn + 1)\">"
          + e(vi ? "\(skipped) dòng trống" : "\(skipped) empty row\(skipped == 1 ? "" : "s")")
          + "</td></tr>\n"
      }
      previous = number
      let rowDiagnostics = byRow[number] ?? []
      let rowSeverity = rowDiagnostics.map(\.severity).max()
      html +=
        "<tr><th id=\"s\(sheet.index)-r\(number)\"" + (rowSeverity.map { " class=\"sev-\($0)\"" } ?? "")
        + ">\(number)</th>"
      let row = rowsByNumber[number]
      var column = 1
      while column <= lastColumn {
        let value = row?[column].displayText ?? ""
        let id = "s\(sheet.index)-\(ColumnName.letters(column))\(number)"
        if let diagnostics = byCell["\(column):\(number)"], let severity = diagnostics.map(\.severity).max() {
          html += "<td id=\"\(id)\" class=\"sev-\(severity)\">" + e(value)
          for diagnostic in diagnostics {
            html +=
              "<span class=\"m \(diagnostic.severity)\">"
              + e(MessageCatalog.severity(diagnostic.severity, in: language))
              + " [" + e(diagnostic.code.rawValue) + "] "
              + e(MessageCatalog.message(diagnostic, in: language))
              + "</span>"
          }
          html += "</td>"
          column += 1
        } else {
          // A merge across shows as one cell spanning its columns, as in Excel, unless a
          // covered cell has a problem of its own to mark.
          var span = 1
          if let across = row?.cells.first(where: { $0.column == column })?.mergeAcross, across > 0 {
            let last = min(lastColumn, column + across)
            if !(column + 1...max(column + 1, last)).contains(where: { byCell["\($0):\(number)"] != nil }) {
              span = last - column + 1
            }
          }
          html += "<td id=\"\(id)\"" + (span > 1 ? " colspan=\"\(span)\"" : "") + ">" + e(value) + "</td>"
          column += span
        }
      }
      html += "<td>"
      for diagnostic in rowDiagnostics {
        html +=
          "<span class=\"m \(diagnostic.severity)\">"
          + e(MessageCatalog.severity(diagnostic.severity, in: language))
          + " [" + e(diagnostic.code.rawValue) + "] " + e(MessageCatalog.message(diagnostic, in: language))
          + "</span>"
      }
      html += "</td></tr>\n"
    }
    html += "</table>\n"
    if sheet.rowsLeftOut > 0 {
      html +=
        "<p class=\"notice\">"
        + e(
          vi
            ? "\(sheet.rowsLeftOut) dòng nữa không hiển thị (trang chỉ hiện \(SheetGrid.maxRowsPerSheet) dòng, \(SheetGrid.maxColumns) cột đầu); các vấn đề ở đó vẫn có trong danh sách trên."
            : "\(sheet.rowsLeftOut) more rows not shown (the page shows the first \(SheetGrid.maxRowsPerSheet) rows and \(SheetGrid.maxColumns) columns); their problems are in the list above."
        )
        + "</p>\n"
    }
    return html
  }
}
