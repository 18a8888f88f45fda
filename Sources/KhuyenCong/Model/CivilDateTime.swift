/// A date and time on the civil calendar with no time zone, as spreadsheets store them.
///
/// SpreadsheetML writes `2016-10-25T00:00:00.000`; xlsx stores serial days since 1899-12-30.
/// Neither carries a zone, so neither do we: a plan dated 30/10 is dated 30/10 everywhere.
public struct CivilDateTime: Hashable, Comparable, Sendable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  public var millisecond: Int

  /// Creates a date-time; the caller guarantees the fields are in range.
  public init(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
    millisecond: Int = 0
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.millisecond = millisecond
  }

  /// The calendar day alone.
  public var date: CivilDate { CivilDate(year: year, month: month, day: day) }

  /// Whether the time of day is midnight (a pure date).
  public var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 && millisecond == 0 }

  /// `2016-10-25` for a pure date, `2016-10-25T08:27:48.765` otherwise.
  public var isoText: String {
    guard !isMidnight else { return date.isoText }
    var text = date.isoText + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
    if millisecond != 0 { text += "." + pad(millisecond, 3) }
    return text
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    if lhs.date != rhs.date { return lhs.date < rhs.date }
    return (lhs.hour, lhs.minute, lhs.second, lhs.millisecond)
      < (rhs.hour, rhs.minute, rhs.second, rhs.millisecond)
  }
}

/// A calendar day (proleptic Gregorian), used for deadlines, validity dates and periods.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// Creates a day; use `CivilDate.valid(year:month:day:)` for unchecked input.
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day if it exists on the calendar (`31/02` does not), else `nil`.
  public static func valid(year: Int, month: Int, day: Int) -> CivilDate? {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= daysInMonth(year: year, month: month)
    else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2]), let day = CivilDate.valid(year: y, month: m, day: d)
    else { return nil }
    self = day
  }

  /// Number of days in a month of a year.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    default:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    }
  }

  /// Days since 1970-01-01 (negative before), for date arithmetic without Foundation.
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The day `days` days after 1970-01-01.
  public init(daysSinceEpoch days: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// `2016-10-25`.
  public var isoText: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
  /// `25/10/2016`, as Vietnamese officials write dates.
  public var vietnameseText: String { pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4) }
  public var description: String { isoText }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// Zero-pads a non-negative number to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
