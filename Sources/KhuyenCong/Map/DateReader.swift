/// Reads dates and plan periods as officials write them (SPEC §3, "Dates").
public enum DateReader {
  /// A day from a cell: a spreadsheet date, or text `25/10/2016`, `25-10-2016`,
  /// `2016-10-25`, `ngày 25 tháng 10 năm 2016` (also inside a longer line such as
  /// "Lâm Bình, ngày 25 tháng 10 năm 2016").
  public static func day(from value: CellValue) -> CivilDate? {
    switch value {
    case .dateTime(let dateTime): return dateTime.date
    case .text(let text): return day(from: text)
    case .number(let literal):
      // An xlsx date whose cell lost its date format: a serial day in a plausible range.
      guard let serial = ExactDecimal(literal: literal), serial.isWhole,
        let days = serial.units(atScale: 0), (20_000...80_000).contains(days)
      else { return nil }
      return CivilDate(daysSinceEpoch: Int(days) - 25_569)
    default: return nil
    }
  }

  /// A day from text (see `day(from:)`).
  public static func day(from text: String) -> CivilDate? {
    let key = TextKey(text)
    let words = key.words.map(String.init)
    // "ngày 25 tháng 10 năm 2016"
    if let n = words.firstIndex(of: "ngay"), n + 5 < words.count, words[n + 2] == "thang",
      words[n + 4] == "nam", let d = Int(words[n + 1]), let m = Int(words[n + 3]),
      let y = Int(words[n + 5])
    {
      return CivilDate.valid(year: y, month: m, day: d)
    }
    let numbers = numericRuns(text)
    guard numbers.count == 3 else { return nil }
    if numbers[0].count == 4, let y = Int(numbers[0]), let m = Int(numbers[1]), let d = Int(numbers[2]) {
      return CivilDate.valid(year: y, month: m, day: d)
    }
    if numbers[2].count == 4, let d = Int(numbers[0]), let m = Int(numbers[1]), let y = Int(numbers[2]) {
      return CivilDate.valid(year: y, month: m, day: d)
    }
    return nil
  }

  /// A start or end of a line: a day, a month (`03/2017`, `Tháng 3/2017`, `T3/2017`,
  /// `2017-03`) or a quarter (`Quý II/2017`, `Quý 2/2017`, `Q2/2017`).
  /// A month or quarter written without its year ("Tháng 3", "Quý II") is taken in
  /// `defaultYear`, the plan year, when one is known.
  public static func planTime(from value: CellValue, defaultYear: Int? = nil) -> PlanTime? {
    switch value {
    case .dateTime(let dateTime): return .day(dateTime.date)
    case .number: return day(from: value).map(PlanTime.day)
    case .text(let text):
      if let time = planTime(from: text) { return time }
      guard let defaultYear, !hasYear(text) else { return nil }
      return planTime(from: text + "/" + String(defaultYear))
    default: return nil
    }
  }

  /// Whether `text` holds a four-digit number.
  static func hasYear(_ text: String) -> Bool {
    numericRuns(text).contains { $0.count == 4 }
  }

  /// See `planTime(from:)`.
  public static func planTime(from text: String) -> PlanTime? {
    let words = TextKey(text).words.map(String.init)
    // ISO: "2017-03-15" is a day, "2017-03" a month.
    if let first = words.first, first.count == 4, let y = Int(first), (2...3).contains(words.count),
      words.dropFirst().allSatisfy({ Int($0) != nil })
    {
      if words.count == 3 { return day(from: text).map(PlanTime.day) }
      if let m = Int(words[1]), (1...12).contains(m) { return .month(year: y, month: m) }
      return nil
    }
    guard let yearWord = words.last, yearWord.count == 4, let year = Int(yearWord),
      (1900...9999).contains(year)
    else { return nil }
    let head = Array(words.dropLast())
    // Quarter: "quy ii", "quy 2", "q2", "qii"
    var quarterText: String?
    if head.count == 2, head[0] == "quy" || head[0] == "q" { quarterText = head[1] }
    if head.count == 1, head[0].hasPrefix("q"), !head[0].hasPrefix("quy") {
      quarterText = String(head[0].dropFirst())
    }
    if head.count == 1, head[0].hasPrefix("quy"), head[0].count > 3 {
      quarterText = String(head[0].dropFirst(3))
    }
    if let quarterText {
      guard let quarter = Int(quarterText) ?? romanValue(quarterText), (1...4).contains(quarter) else {
        return nil
      }
      return .quarter(year: year, quarter: quarter)
    }
    // Month: "thang 3", "t3", "3"
    var monthText: String?
    if head.count == 2, head[0] == "thang" || head[0] == "t" { monthText = head[1] }
    if head.count == 1 {
      if head[0].hasPrefix("t"), !head[0].hasPrefix("thang") {
        monthText = String(head[0].dropFirst())
      } else if head[0].hasPrefix("thang"), head[0].count > 5 {
        monthText = String(head[0].dropFirst(5))
      } else {
        monthText = head[0]
      }
    }
    if let monthText, let month = Int(monthText) {
      return (1...12).contains(month) ? .month(year: year, month: month) : nil
    }
    return day(from: text).map(PlanTime.day)
  }

  /// Splits "03/2017 - 12/2017", "Quý II - Quý IV/2017", "Tháng 3 đến tháng 12/2017" into a
  /// start and an end; the year of the end is lent to a start written without one.
  public static func period(from text: String, defaultYear: Int? = nil) -> (start: PlanTime, end: PlanTime)? {
    if let defaultYear, !hasYear(text) {
      return period(from: text + "/" + String(defaultYear))
    }
    let separators = [" - ", " – ", "–", " đến ", " den ", "-"]
    for separator in separators where text.contains(separator) {
      guard let range = text.range(of: separator) else { continue }
      let left = String(text[..<range.lowerBound])
      let right = String(text[range.upperBound...])
      guard let end = planTime(from: right) else { continue }
      let endYear = end.firstDay.year
      if let start = planTime(from: left) ?? planTime(from: left + "/" + String(endYear)) {
        return (start, end)
      }
    }
    guard let single = planTime(from: text) else { return nil }
    return (single, single)
  }

  /// `i`…`xx` as a number.
  static func romanValue(_ text: String) -> Int? {
    let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100]
    var total = 0
    var previous = 0
    for character in text.lowercased().reversed() {
      guard let value = values[character] else { return nil }
      total += value < previous ? -value : value
      previous = max(previous, value)
    }
    return total > 0 ? total : nil
  }

  /// The runs of ASCII digits in `text`.
  static func numericRuns(_ text: String) -> [Substring] {
    text.split { !$0.isASCIIDigitCharacter }
  }
}
