/// Decimal literals read from their UTF-8 bytes: no `Character`, no `Substring`, no
/// allocation (the literal of every number cell of a plan passes here).
extension ExactDecimal {
  /// What `init?(literal:)` reads (see there), from the bytes of the literal. Every scalar of
  /// a valid literal is ASCII, so a byte that is not is simply not part of one.
  static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    var end = b.count
    var exponent = 0
    if let e = b.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) {
      var i = e + 1
      while i < b.count && b[i] == UInt8(ascii: "+") { i += 1 }
      guard let value = parseInt(b, from: i), abs(value) < 40 else { return nil }
      exponent = value
      end = e
    }
    var start = 0
    var negative = false
    if start < end && b[start] == UInt8(ascii: "-") {
      negative = true
      start += 1
    } else if start < end && b[start] == UInt8(ascii: "+") {
      start += 1
    }
    var dot = -1
    for i in start..<end where b[i] == UInt8(ascii: ".") {
      guard dot < 0 else { return nil }  // three parts
      dot = i
    }
    let wholeEnd = dot < 0 ? end : dot
    let fractionCount = dot < 0 ? 0 : end - dot - 1
    guard !(wholeEnd == start && (dot < 0 || fractionCount == 0)) else { return nil }
    var units = Int64(0)
    var leading = true
    for i in start..<end where i != dot {
      let byte = b[i]
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      if leading && byte == UInt8(ascii: "0") { continue }
      leading = false
      let (m, o1) = units.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
      guard !o1, !o2 else { return nil }
      units = a
    }
    var scale = fractionCount - exponent
    while scale < 0 {
      let (m, o) = units.multipliedReportingOverflow(by: 10)
      guard !o else { return nil }
      units = m
      scale += 1
    }
    guard scale <= 18 else { return nil }
    return ExactDecimal(units: negative ? -units : units, scale: scale).normalized
  }

  /// `Int(text)` of the bytes from `start`: one optional sign, then at least one digit.
  private static func parseInt(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    var negative = false
    if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
      negative = b[i] == UInt8(ascii: "-")
      i += 1
    }
    guard i < b.count else { return nil }
    var value = 0
    while i < b.count {
      let byte = b[i]
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let digit = Int(byte - UInt8(ascii: "0"))
      let (a, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
      guard !o1, !o2 else { return nil }
      value = a
      i += 1
    }
    return value
  }

  /// `parse(utf8:)` of any text.
  static func parse(_ text: some StringProtocol) -> ExactDecimal? {
    if let done = text.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) { return done }
    return Array(text.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
  }
}

extension ExactDecimal {
  /// `init?(literal:)` by `Character`, as it was before `parse(utf8:)`: the reference the
  /// byte parser is tested against.
  static func characterParsed(_ literal: some StringProtocol) -> ExactDecimal? {
    var text = Substring(literal)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
      guard let value = Int(text[text.index(after: e)...].drop { $0 == "+" }), abs(value) < 40
      else { return nil }
      exponent = value
      text = text[..<e]
    }
    var negative = false
    if text.first == "-" {
      negative = true
      text = text.dropFirst()
    } else if text.first == "+" {
      text = text.dropFirst()
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
    else { return nil }
    var digits = String(parts[0])
    var scale = 0
    if parts.count == 2 {
      digits += parts[1]
      scale = parts[1].count
    }
    guard digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
    let trimmed = digits.drop { $0 == "0" }
    scale -= exponent
    var units = Int64(0)
    for character in trimmed {
      guard let digit = character.wholeNumberValue else { return nil }
      let (m, o1) = units.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(digit))
      guard !o1, !o2 else { return nil }
      units = a
    }
    while scale < 0 {
      let (m, o) = units.multipliedReportingOverflow(by: 10)
      guard !o else { return nil }
      units = m
      scale += 1
    }
    guard scale <= 18 else { return nil }
    return ExactDecimal(units: negative ? -units : units, scale: scale).normalized
  }
}
