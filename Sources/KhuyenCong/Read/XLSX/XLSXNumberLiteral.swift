/// Number literals as a spreadsheet shows them: at most 15 significant digits.
///
/// Excel and LibreOffice hold numbers as binary doubles and show at most 15 significant
/// digits, but writers store more: Gnumeric writes `2095.3899999999999999` for the 2095.39
/// a district typed, Excel `0.10000000000000001` for 0.1. Rounding the decimal text to 15
/// significant digits (on the digits, no `Double`) gives back what the district saw and typed.
enum XLSXNumberLiteral {
  /// The most significant digits a spreadsheet shows (Excel's precision).
  static let significantDigits = 15

  /// `literal` itself when it has at most 15 significant digits, else rounded half up to 15
  /// and written without trailing zeros: `2095.3899999999999999` → `2095.39`.
  /// The caller has checked `literal` with `XLSXCellDecoder.isNumberLiteral`.
  static func displayed(_ literal: Substring) -> String {
    var text = literal
    var negative = false
    if text.first == "-" || text.first == "+" {
      negative = text.first == "-"
      text = text.dropFirst()
    }
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
      guard let value = Int(text[text.index(after: e)...].drop { $0 == "+" }) else {
        return String(literal)
      }
      exponent = value
      text = text[..<e]
    }
    let whole = text.prefix { $0 != "." }
    let fraction = text.dropFirst(whole.count).dropFirst()
    var digits = Array((whole + fraction).utf8).map { Int($0) - 48 }
    // The decimal point sits after `point` digits of `digits`.
    var point = whole.count + exponent
    while digits.first == 0 {
      digits.removeFirst()
      point -= 1
    }
    guard digits.count > significantDigits else { return String(literal) }
    let roundUp = digits[significantDigits] >= 5
    digits.removeLast(digits.count - significantDigits)
    if roundUp {
      var index = digits.count - 1
      while index >= 0 {
        digits[index] += 1
        if digits[index] < 10 { break }
        digits[index] = 0
        index -= 1
      }
      if index < 0 {
        digits.insert(1, at: 0)
        point += 1
      }
    }
    while digits.last == 0 { digits.removeLast() }
    let characters = digits.map { Character(Unicode.Scalar(UInt8(48 + $0))) }
    let sign = negative ? "-" : ""
    if point > 21 || point < -20 {
      // Far from 1: keep scientific notation, as the writer did.
      let mantissa =
        characters.count > 1
        ? String(characters[0]) + "." + String(characters[1...]) : String(characters)
      let power = point - 1
      return sign + mantissa + "E" + (power < 0 ? "-" : "+") + String(abs(power))
    }
    if point <= 0 {
      return sign + "0." + String(repeating: "0", count: -point) + String(characters)
    }
    if point >= characters.count {
      return sign + String(characters) + String(repeating: "0", count: point - characters.count)
    }
    return sign + String(characters[..<point]) + "." + String(characters[point...])
  }
}
