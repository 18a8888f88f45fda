/// A value read from a submission, with the cell it came from.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
  public var value: Value
  public var position: Position

  /// Pairs a value with its place.
  public init(_ value: Value, at position: Position) {
    self.value = value
    self.position = position
  }
}

/// What a submission says about itself: who sends it, for which year, when, in which unit.
///
/// Gathered from the title block of the form layout, the "label: value" rows above a flat
/// header, and the flat layout's meta columns. Every candidate is kept with its cell so the
/// validator can point at disagreements (`meta.district`).
public struct SubmissionMeta: Hashable, Sendable {
  /// Districts named, each with its cell.
  public var districts: [Located<DistrictCode>] = []
  /// Texts given as the district that name no district of the programme.
  public var unknownDistricts: [Located<String>] = []
  public var planYears: [Located<Int>] = []
  /// Plan-year texts that hold no year.
  public var unreadableYears: [Located<String>] = []
  public var dates: [Located<CivilDate>] = []
  /// Date texts that hold no readable date.
  public var unreadableDates: [Located<String>] = []
  public var documentNumber: String?
  public var moneyUnit: Located<MoneyUnit>?

  /// Nothing found yet.
  public init() {}
}

/// Reads the title block and label rows above a plan table.
struct TitleBlockReader {
  let districts: DistrictMatcher
  let provinceName: String

  /// Labels of "label: value" rows, folded.
  private static let districtLabels = [
    "huyen", "district", "don vi", "ma huyen", "huyen thanh pho",
    "don vi gui", "don vi lap",
  ]
  private static let yearLabels = ["nam ke hoach", "plan year", "ke hoach nam", "nam"]
  private static let dateLabels = ["ngay gui", "submitted on", "ngay lap", "ngay", "ngay ky", "ngay trinh"]

  /// Adds what `row` says to `meta`.
  func read(_ row: SheetRow, file: String, sheet: String, into meta: inout SubmissionMeta) {
    var index = 0
    let cells = row.cells
    while index < cells.count {
      let cell = cells[index]
      let position = Position(file: file, sheet: sheet, row: row.number, column: cell.column)
      guard case .text(let raw) = cell.value else {
        index += 1
        continue
      }
      let text = raw.nfcTrimmed
      // "label: value" in one cell, or "label:" followed by the value in the next cell.
      if let colon = text.firstIndex(of: ":") {
        let label = TextKey(text[..<colon])
        var value = String(text[text.index(after: colon)...]).nfcTrimmed
        var valueCell: CellValue = .text(value)
        var valuePosition = position
        if value.isEmpty, index + 1 < cells.count {
          valueCell = cells[index + 1].value
          value = valueCell.displayText.nfcTrimmed
          valuePosition = position.at(column: cells[index + 1].column)
          index += 1
        }
        if readLabel(label, value: value, cell: valueCell, at: valuePosition, whole: text, into: &meta) {
          index += 1
          continue
        }
      }
      readTitleText(text, at: position, into: &meta)
      index += 1
    }
  }

  /// A "label: value" pair; `false` when the label is not one we know.
  private func readLabel(
    _ label: TextKey, value: String, cell: CellValue, at position: Position,
    whole: String, into meta: inout SubmissionMeta
  ) -> Bool {
    // "Đơn vị: triệu đồng" is the money unit, not the sending unit.
    if label.folded == "don vi" || label.folded == "don vi tinh" || label.folded == "dvt",
      let unit = Self.moneyUnit(value)
    {
      meta.moneyUnit = Located(unit, at: position)
      return true
    }
    if Self.districtLabels.contains(label.folded) {
      if let code = districts.exact(value) ?? districts.mentioned(in: value) {
        meta.districts.append(Located(code, at: position))
      } else {
        meta.unknownDistricts.append(Located(value, at: position))
      }
      return true
    }
    if Self.yearLabels.contains(label.folded) {
      if let year = Self.year(in: value) {
        meta.planYears.append(Located(year, at: position))
      } else {
        meta.unreadableYears.append(Located(value, at: position))
      }
      return true
    }
    if Self.dateLabels.contains(label.folded) {
      if let day = DateReader.day(from: cell) ?? DateReader.day(from: value) {
        meta.dates.append(Located(day, at: position))
      } else {
        meta.unreadableDates.append(Located(value, at: position))
      }
      return true
    }
    if label.folded == "so" || label.folded == "so hieu" {
      if meta.documentNumber == nil, !value.isEmpty { meta.documentNumber = value }
      return true
    }
    return false
  }

  /// Free title text: "KẾ HOẠCH KHUYẾN CÔNG NĂM 2017", "HUYỆN LÂM BÌNH",
  /// "Lâm Bình, ngày 25 tháng 10 năm 2016", "(Đơn vị tính: triệu đồng)".
  private func readTitleText(_ text: String, at position: Position, into meta: inout SubmissionMeta) {
    let key = TextKey(text)
    let words = key.words
    // "Căn cứ Quyết định số 69/QĐ-UBND ngày 10 tháng 3 năm 2016", "(Kèm theo Kế hoạch số …)":
    // lines citing another document give neither the plan year nor the date.
    let citesDocument = words.contains("so") || ["can", "kem", "thuc", "theo"].contains(words.first ?? "")
    if !citesDocument, key.contains(words: TextKey("ke hoach")),
      let n = words.lastIndex(of: "nam"), n + 1 < words.count, words[n + 1].count == 4,
      let year = Int(words[n + 1]), n < 2 || words[n - 2] != "thang"
    {
      meta.planYears.append(Located(year, at: position))
    }
    if !citesDocument, Self.isPlaceAndDateLine(words), let day = DateReader.day(from: text) {
      meta.dates.append(Located(day, at: position))
      if let code = districts.placeOfDateLine(text, provinceName: provinceName) {
        meta.districts.append(Located(code, at: position))
      }
    } else if !citesDocument, let code = districts.mentioned(in: text) {
      meta.districts.append(Located(code, at: position))
    } else if Self.isUnitHeading(key) {
      // "HUYỆN HÀ TIÊN" under "ỦY BAN NHÂN DÂN": a district heading naming no district.
      meta.unknownDistricts.append(Located(text, at: position))
    }
    if meta.moneyUnit == nil, key.contains(words: TextKey("don vi tinh")), let unit = Self.moneyUnit(text) {
      meta.moneyUnit = Located(unit, at: position)
    }
  }

  /// "Lâm Bình, ngày 25 tháng 10 năm 2016" or "ngày 25 tháng 10 năm 2016": a short place name,
  /// then the date.
  static func isPlaceAndDateLine(_ words: [Substring]) -> Bool {
    guard let n = words.firstIndex(of: "ngay"), n <= 5, n + 2 < words.count, words[n + 2] == "thang" else {
      return false
    }
    return true
  }

  /// Whether a title line is the heading of a district's People's Committee.
  static func isUnitHeading(_ key: TextKey) -> Bool {
    for prefix in [
      "huyen", "ubnd huyen", "uy ban nhan dan huyen", "thanh pho", "ubnd thanh pho",
      "uy ban nhan dan thanh pho",
    ] where key.folded.hasPrefix(prefix + " ") {
      return key.words.count <= prefix.split(separator: " ").count + 3
    }
    return false
  }

  /// A four-digit year in `text`.
  static func year(in text: String) -> Int? {
    TextKey(text).words.lazy.compactMap { $0.count == 4 ? Int($0) : nil }.first
  }

  /// The money unit `text` names, looking at its last words ("… triệu đồng").
  static func moneyUnit(_ text: String) -> MoneyUnit? {
    let key = TextKey(text)
    // "1.000 đồng", "1.000.000 đồng", "1000đ": a multiple of the đồng.
    let digits = text.filter(\.isASCIIDigitCharacter)
    if !digits.isEmpty, key.words.last == "dong" || key.words.last == "d" || key.folded.hasSuffix("d") {
      switch digits {
      case "1": return .dong
      case "1000": return .nghinDong
      case "1000000": return .trieuDong
      case "1000000000": return .tyDong
      default: return nil
      }
    }
    if key.contains(words: TextKey("trieu dong")) || key.contains(words: TextKey("tr dong"))
      || key.contains(words: TextKey("trieu"))
    {
      return .trieuDong
    }
    if key.contains(words: TextKey("nghin dong")) || key.contains(words: TextKey("ngan dong")) {
      return .nghinDong
    }
    if key.contains(words: TextKey("ty dong")) { return .tyDong }
    if key.words.last == "dong" || key.folded == "vnd" || key.words.last == "vnd" { return .dong }
    return nil
  }
}
