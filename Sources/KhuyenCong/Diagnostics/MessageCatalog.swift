import Foundation

/// The language a person reads messages and reports in (`--lang vi|en`).
public enum Language: String, Hashable, Sendable, CaseIterable, Codable {
  case vi
  case en

  /// The language `LANG` asks for: Vietnamese for `vi_*`, English otherwise.
  public static func from(environmentLang: String?) -> Language {
    guard let lang = environmentLang?.lowercased() else { return .en }
    return lang.hasPrefix("vi") ? .vi : .en
  }
}

/// Renders diagnostics as sentences in Vietnamese or English, from templates keyed by code
/// (and by `code#reason` where one code covers several situations). Values fill `{name}`.
///
/// The core keeps diagnostics as data; only this catalog, used at the edge, makes text of
/// them (STYLE §3). A test checks every code has both templates.
public enum MessageCatalog {
  /// The sentence for `diagnostic` in `language`, without its place.
  public static func message(_ diagnostic: Diagnostic, in language: Language) -> String {
    let code = diagnostic.code.rawValue
    let table = language == .vi ? vietnamese : english
    // One code may cover several situations, told apart by the value `reason` or `problem`.
    let keyed = [diagnostic.values["reason"], diagnostic.values["problem"]]
      .compactMap { $0.map { code + "#" + $0 } }.first { table[$0] != nil }
    let template = keyed.flatMap { table[$0] } ?? table[code] ?? fallback(code, language)
    return fill(template, localized(diagnostic.values, language))
  }

  /// Values that are amounts in triệu đồng, shown with the reader's grouping (`1.811,5`).
  static let moneyKeys: Set<String> = [
    "total", "sum", "stated", "support", "requested", "envelope", "excess",
    "raised", "base", "multiplier",
  ]

  /// The kinds of value a cell should hold, as the readers name them, in Vietnamese.
  static let expectedWords: [String: String] = [
    "number": "một số", "Number": "một số", "money": "một số tiền",
    "quantity > 0": "số lượng lớn hơn 0",
    "month, quarter or date": "tháng, quý hoặc ngày (03/2017, Quý II/2017, 25/10/2017)",
    "Boolean": "giá trị đúng/sai", "DateTime": "ngày giờ",
  ]

  /// Column keys as the district's form names them.
  static let columnNames: [String: String] = [
    "content": "Nội dung", "activity": "Tên đề án, hoạt động", "implementer": "Đơn vị thực hiện",
    "beneficiary": "Đơn vị thụ hưởng", "place": "Địa điểm", "unit": "Đơn vị tính", "quantity": "Số lượng",
    "start": "Thời gian bắt đầu", "end": "Thời gian kết thúc", "total": "Tổng kinh phí", "national": "KCQG",
    "local": "KCĐP", "counterpart": "Đối ứng", "other": "Nguồn khác", "group_project": "Đề án nhóm",
    "district": "Huyện", "plan_year": "Năm kế hoạch", "submitted_on": "Ngày gửi",
  ]

  private static func localized(_ values: [String: String], _ language: Language) -> [String: String] {
    var shown = values
    for (key, value) in values {
      if moneyKeys.contains(key) || (key == "cap" && values["reason"] != "percent")
        || (key == "value" && values["column"] != nil
          && ColumnKey(rawValue: values["column"] ?? "")
            .map(ColumnKey.money.contains) == true),
        let number = ExactDecimal(literal: value)
      {
        shown[key] = NumberDisplay.text(number, in: language)
      }
    }
    if language == .vi {
      if let expected = values["expected"], let words = expectedWords[expected] { shown["expected"] = words }
      if let column = values["column"], let name = columnNames[column] { shown["column"] = name }
      if let columns = values["columns"] {
        shown["columns"] = columns.components(separatedBy: ", ").map { columnNames[$0] ?? $0 }
          .joined(separator: ", ")
      }
    }
    return shown
  }

  /// Every code that has a template in both languages.
  public static var codes: Set<String> {
    Set(vietnamese.keys.map { String($0.prefix { $0 != "#" }) })
      .intersection(english.keys.map { String($0.prefix { $0 != "#" }) })
  }

  /// The severity word.
  public static func severity(_ severity: Severity, in language: Language) -> String {
    switch (severity, language) {
    case (.error, .vi): return "lỗi"
    case (.warning, .vi): return "cảnh báo"
    case (.info, .vi): return "thông tin"
    case (.error, .en): return "error"
    case (.warning, .en): return "warning"
    case (.info, .en): return "info"
    }
  }

  private static func fallback(_ code: String, _ language: Language) -> String {
    language == .vi ? "Vấn đề \(code)" : "Problem \(code)"
  }

  private static func fill(_ template: String, _ values: [String: String]) -> String {
    quickFill(template, values) ?? slowFill(template, values)
  }

  /// `slowFill`'s text in one pass over the template's bytes, when nothing can make the two
  /// differ: every brace of the template opens or closes a `{name}`, no value holds a brace
  /// (so none can make or hide a placeholder), and no text next to a brace could join it into
  /// one character (a combining mark after it, a prepended mark before it), since Foundation
  /// compares whole characters. `nil` otherwise. A plan of a hundred thousand lines has tens of
  /// thousands of merge notes, each rendered by four writers: this is their hot path.
  static func quickFill(_ template: String, _ values: [String: String]) -> String? {
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    for value in values.values {
      if value.utf8.contains(where: { $0 == open || $0 == close }) { return nil }
      if let first = value.unicodeScalars.first, !isPlainEdge(first) { return nil }
      if let last = value.unicodeScalars.last, !isPlainEdge(last) { return nil }
    }
    let bytes = Array(template.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == close { return nil }
      guard byte == open else {
        out.append(byte)
        index += 1
        continue
      }
      var end = index + 1
      while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
      guard end < bytes.count, bytes[end] == close, end > index + 1 else { return nil }
      // The characters around the placeholder must not join a brace either.
      if index > 0, !isPlainEdgeByte(bytes, before: index) { return nil }
      if end + 1 < bytes.count, !isPlainEdgeByte(bytes, after: end) { return nil }
      let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
      // A value the diagnostic does not carry leaves nothing.
      if let value = values[name] { out += value.utf8 }
      index = end + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "-")
  }

  /// Whether `scalar` is a character that never joins its neighbour into one: ASCII, Latin
  /// letters (Vietnamese included, precomposed), general punctuation, arrows, currency signs.
  private static func isPlainEdge(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x02FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF,
      0x2190...0x21FF:
      return true
    default:
      return false
    }
  }

  /// `isPlainEdge` of the scalar that ends just before byte `index` of UTF-8 `bytes`.
  private static func isPlainEdgeByte(_ bytes: [UInt8], before index: Int) -> Bool {
    var start = index - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.first.map(isPlainEdge)
      ?? false
  }

  /// `isPlainEdge` of the scalar that starts just after byte `index` of UTF-8 `bytes`.
  private static func isPlainEdgeByte(_ bytes: [UInt8], after index: Int) -> Bool {
    var end = index + 2
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[(index + 1)..<end], as: UTF8.self).unicodeScalars.first.map(isPlainEdge)
      ?? false
  }

  /// Each `{key}` replaced by its value, key by key in sorted order, with Foundation's
  /// comparison of characters; then any `{…}` left removed.
  static func slowFill(_ template: String, _ values: [String: String]) -> String {
    var text = template
    for (key, value) in values.sorted(by: { $0.key < $1.key }) {
      text = text.replacingOccurrences(of: "{" + key + "}", with: value)
    }
    // A value the diagnostic does not carry leaves no "{name}" in front of a person.
    while let open = text.range(of: "{"),
      let close = text.range(of: "}", range: open.upperBound..<text.endIndex)
    {
      text.removeSubrange(open.lowerBound..<close.upperBound)
    }
    return text
  }

  static let vietnamese: [String: String] = [
    "file.unreadable":
      "Không đọc được tệp này; đề nghị mở bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại (chi tiết kỹ thuật: {reason})",
    "file.encoding":
      "Có byte không hợp lệ theo bảng mã {encoding} (byte {bytes}, vị trí {offset}); ô này bị lỗi phông chữ",
    "file.unreadable#empty": "Tệp rỗng, không có dữ liệu",
    "file.unreadable#larger than the limit": "Tệp quá lớn ({size} byte, giới hạn {limit} byte)",
    "file.unreadable#no such file": "Không tìm thấy tệp",
    "file.limit": "Tệp vượt giới hạn đọc {reason} ({limit}); dừng đọc, tệp bị từ chối",
    "file.limit#cell-text":
      "Tệp đưa ra quá nhiều chữ so với dung lượng của nó (giới hạn {limit} byte chữ trong ô, thường do một chuỗi dài được lặp lại); dừng đọc, tệp bị từ chối",
    "file.limit#cells":
      "Tệp có quá nhiều ô so với dung lượng của nó (giới hạn {limit} ô); dừng đọc, tệp bị từ chối",
    "file.limit#rows":
      "Tệp có quá nhiều dòng so với dung lượng của nó (giới hạn {limit} dòng); dừng đọc, tệp bị từ chối",
    "file.limit#attributes-per-element":
      "Một thẻ XML có quá {limit} thuộc tính; dừng đọc, tệp bị từ chối",
    "file.limit#shared-strings":
      "Bảng chuỗi dùng chung (sharedStrings) có quá nhiều mục so với dung lượng tệp (giới hạn {limit}); dừng đọc, tệp bị từ chối",
    "file.limit#uncompressed-bytes":
      "Tệp xlsx giải nén ra quá nhiều so với dung lượng của nó (giới hạn {limit} byte); dừng đọc, tệp bị từ chối",
    "file.limit#markup-rescan":
      "Một thẻ, chú thích hoặc chỉ dẫn XML chứa dấu '>' kéo dài quá mức so với dung lượng tệp (giới hạn {limit} byte phải đọc lại); dừng đọc, tệp bị từ chối",
    "report.truncated": "Còn {count} vấn đề khác không được liệt kê trong báo cáo này",
    "file.encoding#stopped":
      "Quá nhiều byte không đọc được theo bảng mã {encoding}; tệp có thể không phải văn bản, dừng đọc",
    "file.encoding#converted":
      "Tệp dùng bảng mã cũ {encoding}, đã được chuyển sang Unicode; đề nghị lần sau lưu bằng Unicode (UTF-8)",
    "csv.malformed#unterminated-quote":
      "Dấu ngoặc kép mở ở ô này không được đóng: phần còn lại của tệp bị gộp vào một ô",
    "csv.malformed#stray-quote": "Dấu ngoặc kép lạc giữa ô không được bao ngoặc",
    "csv.malformed#text-after-quote": "Có chữ sau dấu ngoặc kép đóng ô",
    "csv.malformed#cell-too-long": "Ô dài quá {limit} ký tự",
    "csv.malformed#too-many-columns": "Dòng có quá {limit} cột",
    "csv.malformed#too-many-rows": "Tệp có quá {limit} dòng",
    "csv.malformed": "Tệp CSV sai cấu trúc tại ô này (chi tiết kỹ thuật: {reason})",
    "xml.malformed":
      "Tệp XML bị hỏng hoặc không phải bảng tính XML tại vị trí này; đề nghị mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng XML Spreadsheet 2003 rồi gửi lại (chi tiết kỹ thuật: {reason})",
    "header.missing": "Không tìm thấy cột bắt buộc: {columns}",
    "header.shifted":
      "Hàng tiêu đề thứ hai (dòng {row}) bị lệch sang trái: các ô “{first}” … “{last}” nằm ở cột {from}–{to} thay vì dưới các nhóm {groups}, nên không đọc được các cột của kế hoạch. Đề nghị mở tệp bằng Excel hoặc LibreOffice, kiểm tra hàng tiêu đề thứ hai (đặt các ô này dưới đúng nhóm), lưu lại rồi gửi lại",
    "header.unknown-column": "Cột không nhận ra, bỏ qua: \"{value}\"",
    "header.unknown-column#duplicate": "Cột trùng tên với một cột đã có, bỏ qua: \"{value}\"",
    "sheet.ignored":
      "Trang tính này cũng có bảng kế hoạch nhưng không được đọc (chỉ đọc trang \"{planSheet}\")",
    "meta.district#missing": "Không xác định được huyện/thành phố gửi kế hoạch",
    "meta.district#unknown": "Không có huyện/thành phố \"{value}\" trong chương trình",
    "meta.district#different": "Đơn vị \"{value}\" khác với \"{other}\" ghi ở ô {otherCell}",
    "meta.district": "Thông tin huyện/thành phố không hợp lệ",
    "meta.year#missing": "Không xác định được năm kế hoạch",
    "meta.year#unreadable": "Năm kế hoạch không đọc được: \"{value}\"",
    "meta.year#outside": "Năm kế hoạch {value} nằm ngoài giai đoạn chương trình {first}–{last}",
    "meta.year#different": "Năm kế hoạch {value} khác với năm {other} ghi ở ô {otherCell}",
    "meta.year": "Năm kế hoạch không hợp lệ",
    "meta.date#missing": "Không có ngày lập/gửi kế hoạch",
    "meta.date#unreadable": "Ngày không đọc được: \"{value}\"",
    "meta.date#different": "Ngày {value} khác với ngày {other} ghi ở ô {otherCell}",
    "meta.date": "Ngày lập kế hoạch không hợp lệ",
    "meta.unit": "Đơn vị tiền ở tiêu đề cột là {value}, khác với \"Đơn vị tính: {other}\" ở ô {otherCell}",
    "plan.empty": "Kế hoạch không có dòng đề án, hoạt động nào",
    "row.ignored": "Dòng này không phải đề án, dòng cộng hay phần ký tên nên không được tính: \"{value}\"",
    "deadline.late": "Kế hoạch năm {year} lập ngày {date}, sau hạn {deadline} theo {basis}",
    "cell.required": "Ô bắt buộc đang trống (cột {column})",
    "cell.type": "Giá trị \"{value}\" không đúng kiểu, cần: {expected}",
    "cell.type#ambiguous":
      "Số \"{value}\" không rõ nghĩa: {vietnamese} (kiểu Việt Nam) hay {english} (kiểu Anh); các số khác trong tệp không giúp phân định, đề nghị ghi rõ",
    "cell.type#finer than 1 đồng": "Số tiền {value} lẻ dưới 1 đồng",
    "cell.type#too large": "Số tiền {value} lớn bất thường (quá một triệu tỷ đồng), có thể gõ nhầm",
    "cell.type#sum too large":
      "Cộng dồn cột {column} đến dòng này vượt số tiền lớn nhất chương trình cộng được chính xác ({limit} đồng): các số tiền chắc chắn có lỗi",
    "content.unknown": "Nội dung \"{value}\" không có trong chương trình khuyến công",
    "content.unit": "Đơn vị tính \"{value}\" không phù hợp với chỉ tiêu {indicator} (cần: {expected})",
    "content.unit#elsewhere":
      "Đơn vị tính \"{value}\" không phù hợp với chỉ tiêu {indicator} (cần: {expected}); đơn vị \"{value}\" thuộc chỉ tiêu {fits}",
    "content.unit#missing":
      "Chỉ tiêu {indicator} đếm theo nhiều đơn vị ({expected}); cần ghi đơn vị tính để biết dòng này tính vào đâu",
    "place.unknown": "Không có xã/phường/thị trấn \"{value}\" thuộc {district}",
    "place.other-district": "\"{value}\" là {commune} thuộc {district}, không thuộc {expectedDistrict}",
    "place.merged": "\"{value}\" đã sáp nhập sau ngày {until}; từ năm {year} là {successor}",
    "place.merged#merged":
      "\"{value}\": từ ngày {from}, {old} đã sáp nhập vào {successor}; kế hoạch năm {year} ghi {successor}",
    "place.merged#renamed":
      "\"{value}\": từ ngày {from}, {old} đổi thành {successor}; kế hoạch năm {year} ghi {successor}",
    "place.other-district#suggestion":
      "\"{value}\" là {commune} thuộc {district}, không thuộc {expectedDistrict}; có phải {suggestion}?",
    "place.other-district#moved":
      "\"{value}\": từ ngày {from}, {old} trở thành {successor} thuộc {district}, không còn thuộc {expectedDistrict}",
    "place.other-district#merged-away":
      "\"{value}\": từ ngày {from}, {old} đã sáp nhập vào {successor} thuộc {district}, không còn thuộc {expectedDistrict}",
    "place.unknown#ambiguous":
      "\"{value}\" không rõ là xã nào khi bỏ dấu: {candidates}; đề nghị ghi đúng dấu tên xã thuộc {district}",
    "place.unknown#not-yet": "\"{value}\": {commune} chỉ có từ ngày {from}, chưa có vào năm kế hoạch {year}",
    "place.unknown#ended": "\"{value}\": {commune} không còn trong danh mục sau ngày {until}",
    "place.type": "\"{value}\" ghi loại đơn vị là \"{written}\", nhưng trong danh mục là {commune}",
    "period.outside#outside": "Thời gian {value} nằm ngoài năm kế hoạch {year}",
    "period.outside#before-start": "Thời gian kết thúc {value} trước thời gian bắt đầu {start}",
    "period.outside": "Thời gian thực hiện không hợp lệ",
    "budget.sum": "Tổng kinh phí {total} ≠ KCQG + KCĐP + Đối ứng + Nguồn khác = {sum} (triệu đồng)",
    "budget.negative": "Số tiền âm: {value} triệu đồng",
    "budget.cap#amount":
      "Kinh phí hỗ trợ {support} triệu đồng vượt mức tối đa {cap} triệu đồng của chỉ tiêu {indicator} theo {basis}",
    "budget.cap#percent":
      "Kinh phí hỗ trợ {support} triệu đồng vượt {cap} tổng kinh phí {total} triệu đồng của chỉ tiêu {indicator} theo {basis}",
    "budget.cap":
      "Kinh phí hỗ trợ {support} triệu đồng vượt mức tối đa của chỉ tiêu {indicator} theo {basis}",
    "budget.cap#approval":
      "Kinh phí KCQG {support} triệu đồng vượt mức tối đa {cap} triệu đồng của chỉ tiêu {indicator} theo {basis}; tại địa bàn ưu tiên mức này chỉ được nâng đến {multiplier} lần ({raised} triệu đồng) khi được cấp có thẩm quyền phê duyệt theo {multiplierBasis}; đề nghị gửi kèm văn bản phê duyệt",
    "budget.cap-unknown":
      "Kế hoạch năm {year} thuộc thời kỳ áp dụng {basis}; chương trình chưa ghi mức hỗ trợ tối đa của văn bản này nên chưa kiểm tra mức hỗ trợ, và không áp dụng mức của văn bản trước",
    "budget.unchecked":
      "Biểu mẫu không có thông tin để kiểm tra các mức hỗ trợ sau, đề nghị đơn vị tự rà soát: {items}",
    "budget.priority-only":
      "Chỉ tiêu {indicator} chỉ được hỗ trợ tại địa bàn khó khăn, đặc biệt khó khăn; {district} không thuộc diện này theo {basis}",
    "budget.envelope":
      "Tổng kinh phí {fund} đề nghị {requested} triệu đồng vượt dự toán năm {year} là {envelope} triệu đồng",
    "total.mismatch": "Dòng tổng ghi {stated} nhưng cộng các dòng được {sum} (triệu đồng, cột {column})",
    "line.duplicate": "Dòng trùng với dòng {otherRow}",
    "cross.duplicate":
      "Cùng đơn vị thụ hưởng và chỉ tiêu cũng có trong kế hoạch của {otherDistrictName} ({otherFile}, dòng {otherRow})",
    "submission.superseded":
      "Đã có bản mới hơn của cùng huyện cho năm này ({supersededBy}); bản này không được tổng hợp",
  ]

  static let english: [String: String] = [
    "file.unreadable": "The file cannot be read: {reason}",
    "file.encoding": "Bytes {bytes} at offset {offset} are not valid {encoding}; this cell is garbled",
    "file.encoding#converted":
      "The file uses the legacy {encoding} encoding and was converted to Unicode; please save as Unicode (UTF-8) next time",
    "csv.malformed": "Malformed CSV: {reason}",
    "file.unreadable#empty": "The file is empty",
    "file.unreadable#larger than the limit": "The file is too large ({size} bytes, limit {limit})",
    "file.unreadable#no such file": "No such file",
    "file.limit":
      "The file crossed the reading limit {reason} ({limit}); reading stopped and the file is refused",
    "file.limit#cell-text":
      "The file delivers far more cell text than its size holds (limit {limit} bytes of cell text, usually one long string repeated); reading stopped and the file is refused",
    "file.limit#cells":
      "The file has more cells than its size allows (limit {limit} cells); reading stopped and the file is refused",
    "file.limit#rows":
      "The file has more rows than its size allows (limit {limit} rows); reading stopped and the file is refused",
    "file.limit#attributes-per-element":
      "An XML element carries more than {limit} attributes; reading stopped and the file is refused",
    "file.limit#shared-strings":
      "The shared string table has more entries than the file's size allows (limit {limit}); reading stopped and the file is refused",
    "file.limit#uncompressed-bytes":
      "The xlsx file inflates to far more than its size holds (limit {limit} bytes); reading stopped and the file is refused",
    "file.limit#markup-rescan":
      "An XML tag, comment or instruction holding '>' runs on far longer than the file's size allows (limit {limit} bytes read again); reading stopped and the file is refused",
    "report.truncated": "{count} more problems are not listed in this report",
    "file.encoding#stopped":
      "Too many bytes that do not decode as {encoding}; the file may not be text, reading stopped",
    "csv.malformed#unterminated-quote":
      "The quote opened in this cell is never closed: the rest of the file ran into one cell",
    "csv.malformed#stray-quote": "A stray quote inside an unquoted cell",
    "csv.malformed#text-after-quote": "Text after the closing quote of a cell",
    "csv.malformed#cell-too-long": "Cell longer than {limit} characters",
    "csv.malformed#too-many-columns": "Row with more than {limit} columns",
    "csv.malformed#too-many-rows": "More than {limit} rows",
    "xml.malformed":
      "The XML is broken, or not an XML spreadsheet, at this place; open the file in Excel or LibreOffice, save it as XML Spreadsheet 2003 and send it again (technical detail: {reason})",
    "header.missing": "Required column not found: {columns}",
    "header.shifted":
      "The second header row (row {row}) is shifted left: the cells “{first}” … “{last}” sit in columns {from}–{to} instead of under the groups {groups}, so the plan's columns cannot be read. Open the file in Excel or LibreOffice, check the second header row (put these cells under their groups), save it and send it again",
    "header.unknown-column": "Unrecognised column, ignored: \"{value}\"",
    "header.unknown-column#duplicate": "Column repeats one already found, ignored: \"{value}\"",
    "sheet.ignored": "This sheet also holds a plan table but was not read (only sheet \"{planSheet}\" is)",
    "meta.district#missing": "The submitting district could not be determined",
    "meta.district#unknown": "No district \"{value}\" in the programme",
    "meta.district#different": "District \"{value}\" differs from \"{other}\" in cell {otherCell}",
    "meta.district": "Invalid district",
    "meta.year#missing": "The plan year could not be determined",
    "meta.year#unreadable": "Unreadable plan year: \"{value}\"",
    "meta.year#outside": "Plan year {value} is outside the programme period {first}–{last}",
    "meta.year#different": "Plan year {value} differs from {other} in cell {otherCell}",
    "meta.year": "Invalid plan year",
    "meta.date#missing": "The submission date is missing",
    "meta.date#unreadable": "Unreadable date: \"{value}\"",
    "meta.date#different": "Date {value} differs from {other} in cell {otherCell}",
    "meta.date": "Invalid submission date",
    "meta.unit": "The money header's unit is {value}, unlike \"Đơn vị tính: {other}\" in cell {otherCell}",
    "plan.empty": "The plan has no line at all",
    "row.ignored":
      "This row is not a plan line, a total or the signature block, so it is not counted: \"{value}\"",
    "deadline.late": "The {year} plan is dated {date}, after the deadline {deadline} under {basis}",
    "cell.required": "Required cell is empty (column {column})",
    "cell.type": "Value \"{value}\" has the wrong type; expected: {expected}",
    "cell.type#ambiguous":
      "Number \"{value}\" is ambiguous: {vietnamese} (Vietnamese style) or {english} (English style); no other number in the file decides it",
    "cell.type#finer than 1 đồng": "Amount {value} is finer than 1 đồng",
    "cell.type#sum too large":
      "The running sum of column {column} passes, at this line, the largest amount the program adds up exactly ({limit} đồng): the amounts must be wrong",
    "cell.type#too large":
      "Amount {value} is implausibly large (over a million billion đồng), probably a typing slip",
    "content.unknown": "Content \"{value}\" is not in the programme",
    "content.unit": "Unit \"{value}\" does not fit indicator {indicator} (expected: {expected})",
    "content.unit#elsewhere":
      "Unit \"{value}\" does not fit indicator {indicator} (expected: {expected}); \"{value}\" is a unit of indicator {fits}",
    "content.unit#missing":
      "Indicator {indicator} counts in several units ({expected}); give the unit so that the line counts towards one",
    "place.unknown": "No commune \"{value}\" in {district}",
    "place.other-district": "\"{value}\" is {commune} of {district}, not of {expectedDistrict}",
    "place.merged": "\"{value}\" was merged (valid until {until}); from {year} it is {successor}",
    "place.merged#merged":
      "\"{value}\": on {from}, {old} was merged into {successor}; the {year} plan should name {successor}",
    "place.merged#renamed":
      "\"{value}\": on {from}, {old} became {successor}; the {year} plan should name {successor}",
    "place.other-district#suggestion":
      "\"{value}\" is {commune} of {district}, not of {expectedDistrict}; did you mean {suggestion}?",
    "place.other-district#moved":
      "\"{value}\": on {from}, {old} became {successor} of {district}; it is no longer in {expectedDistrict}",
    "place.other-district#merged-away":
      "\"{value}\": on {from}, {old} was merged into {successor} of {district}; it is no longer in {expectedDistrict}",
    "place.unknown#ambiguous":
      "\"{value}\" is ambiguous without diacritics: {candidates}; write the name of the commune of {district} with its diacritics",
    "place.unknown#not-yet":
      "\"{value}\": {commune} exists only from {from}, not yet in the plan year {year}",
    "place.unknown#ended": "\"{value}\": {commune} is no longer in the register after {until}",
    "place.type": "\"{value}\" gives the unit type \"{written}\", but the register has {commune}",
    "period.outside#outside": "Time {value} is outside the plan year {year}",
    "period.outside#before-start": "End {value} is before start {start}",
    "period.outside": "Invalid period",
    "budget.sum": "Total {total} ≠ national + local + counterpart + other = {sum} (million đồng)",
    "budget.negative": "Negative amount: {value} million đồng",
    "budget.cap#amount":
      "Support of {support} million đồng exceeds the cap of {cap} million đồng for indicator {indicator} under {basis}",
    "budget.cap#percent":
      "Support of {support} million đồng is more than {cap} of the total cost {total} million đồng for indicator {indicator} under {basis}",
    "budget.cap": "Support of {support} million đồng exceeds the cap for indicator {indicator} under {basis}",
    "budget.cap#approval":
      "National support of {support} million đồng exceeds the cap of {cap} million đồng for indicator {indicator} under {basis}; in a priority district the cap may be raised up to {multiplier} times ({raised} million đồng) only with the competent authority's approval under {multiplierBasis}: attach the approval",
    "budget.cap-unknown":
      "The {year} plan falls under {basis}, whose caps the programme does not hold: support caps were not checked, and the caps of the earlier text were not applied",
    "budget.unchecked":
      "The form does not carry what these caps need, so they were not checked; please review them: {items}",
    "budget.priority-only":
      "Indicator {indicator} may be supported only in difficult districts; {district} is not one under {basis}",
    "budget.envelope":
      "Requested {fund} funds of {requested} million đồng exceed the {year} envelope of {envelope} million đồng",
    "total.mismatch":
      "Total row states {stated} but its lines add up to {sum} (million đồng, column {column})",
    "line.duplicate": "Same line as row {otherRow}",
    "cross.duplicate":
      "The same beneficiary and indicator are also in the plan of {otherDistrictName} ({otherFile}, row {otherRow})",
    "submission.superseded":
      "A newer version from the same district for this year exists ({supersededBy}); this one is not consolidated",
  ]
}
