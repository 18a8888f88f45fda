/// Excel serial dates (days since an epoch, the fraction being the time of day) to civil
/// date-times, computed exactly from the decimal literal the file stores: no `Double`.
enum XLSXSerialDate {
  /// The 1900 system counts from 1899-12-30 (serial 1 is 1900-01-01) and, like Lotus 1-2-3,
  /// has a fictitious 1900-02-29 at serial 60; the 1904 system (`date1904`) counts from
  /// 1904-01-01 and has no such day.
  ///
  /// - Returns: `nil` when `literal` is not a decimal number, is negative, is serial 60 of
  ///   the 1900 system (a day that does not exist), or lies after 9999-12-31.
  static func dateTime(serial literal: Substring, date1904: Bool) -> CivilDateTime? {
    guard let (days, milliseconds) = split(literal) else { return nil }
    var dayNumber = days
    var total = milliseconds
    if total >= 86_400_000 {
      // Rounding 23:59:59.9996 up reaches the next midnight.
      total -= 86_400_000
      dayNumber += 1
    }
    let epoch: CivilDate
    if date1904 {
      epoch = CivilDate(year: 1904, month: 1, day: 1)
    } else if dayNumber == 60 {
      return nil
    } else if dayNumber < 60 {
      // Before the fictitious day, serial 1 is 1900-01-01; serial 0 (a time alone) is
      // shown by Excel as "1900-01-00": we give it the 1899-12-31 that precedes day 1.
      epoch = CivilDate(year: 1899, month: 12, day: 31)
    } else {
      epoch = CivilDate(year: 1899, month: 12, day: 30)
    }
    let day = CivilDate(daysSinceEpoch: epoch.daysSinceEpoch + dayNumber)
    guard day.year <= 9999 else { return nil }
    return CivilDateTime(
      year: day.year, month: day.month, day: day.day, hour: total / 3_600_000,
      minute: total / 60_000 % 60, second: total / 1000 % 60, millisecond: total % 1000)
  }

  /// Whole days and the fraction as milliseconds rounded half up, from `123.4567` or `1.5E+3`.
  private static func split(_ literal: Substring) -> (Int, Int)? {
    // A whole number of days (a date without a time: nearly every date cell), from its bytes:
    // what the general reading below gives it, without the `String`s and arrays it makes
    // (10 500 instructions a cell).
    var whole = 0
    var wholeDigits = 0
    for byte in literal.utf8 {
      guard byte >= 0x30 && byte <= 0x39, wholeDigits < 8 else {
        wholeDigits = -1
        break
      }
      whole = whole * 10 + Int(byte - 0x30)
      wholeDigits += 1
    }
    if wholeDigits > 0 { return whole <= 3_000_000 ? (whole, 0) : nil }
    var text = Substring(literal.filter { $0 != " " })
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
      guard let value = Int(text[text.index(after: e)...].drop { $0 == "+" }), abs(value) < 20
      else { return nil }
      exponent = value
      text = text[..<e]
    }
    if text.first == "+" { text = text.dropFirst() }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return nil }
    var digits = Array(parts[0].utf8)
    var pointAt = digits.count
    if parts.count == 2 { digits += Array(parts[1].utf8) }
    guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    pointAt += exponent
    if pointAt < 0 {
      digits = Array(repeating: 0x30, count: -pointAt) + digits
      pointAt = 0
    }
    if pointAt > digits.count {
      digits += Array(repeating: 0x30, count: pointAt - digits.count)
    }
    var days = 0
    for digit in digits[..<pointAt] {
      days = days * 10 + Int(digit - 0x30)
      guard days <= 3_000_000 else { return nil }
    }
    // fraction × 86 400 000 by long multiplication from the last digit: what carries out of
    // the first digit is the whole milliseconds, the first digit left decides the rounding.
    var fraction = digits[pointAt...].map { Int($0 - 0x30) }
    var carry = 0
    for index in fraction.indices.reversed() {
      let product = fraction[index] * 86_400_000 + carry
      fraction[index] = product % 10
      carry = product / 10
    }
    let roundUp = (fraction.first ?? 0) >= 5
    return (days, carry + (roundUp ? 1 : 0))
  }
}
