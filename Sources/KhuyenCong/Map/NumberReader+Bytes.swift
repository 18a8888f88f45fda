/// `NumberReader.read` on the bytes of ASCII text: the numbers of a plan are ASCII, and this
/// path gives exactly what the `Character` path gives them, without building a `String` per
/// step. Text with any other scalar (a no-break space, `−`) takes the `Character` path.
extension NumberReader {
  /// The reading of `raw` when it is ASCII; `nil` when it is not.
  static func readASCII(_ raw: String) -> Reading? {
    var text: [UInt8] = []
    text.reserveCapacity(raw.utf8.count)
    for byte in raw.utf8 {
      if byte >= 0x80 { return nil }
      // `Character.isWhitespace` among ASCII: tab, line feed, vertical tab, form feed, CR, space.
      if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
      text.append(byte)
    }
    return text.withUnsafeBufferPointer { read(bytes: $0) }
  }

  private static let dot = UInt8(ascii: ".")
  private static let comma = UInt8(ascii: ",")

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func read(bytes all: UnsafeBufferPointer<UInt8>) -> Reading {
    var text = all[...]
    var negative = false
    if text.first == UInt8(ascii: "(") && text.last == UInt8(ascii: ")") && text.count > 2 {
      negative = true
      text = text.dropFirst().dropLast()
    }
    if text.first == UInt8(ascii: "-") {
      if negative { return .invalid }
      negative = true
      text = text.dropFirst()
    } else if text.first == UInt8(ascii: "+") {
      text = text.dropFirst()
    }
    guard let first = text.first, text.allSatisfy({ isDigit($0) || $0 == dot || $0 == comma }),
      isDigit(first) || first == dot || first == comma
    else { return .invalid }
    var dots = 0
    var commas = 0
    for byte in text {
      if byte == dot { dots += 1 } else if byte == comma { commas += 1 }
    }
    func decimal(_ whole: some Collection<UInt8>, _ fraction: some Collection<UInt8>) -> ExactDecimal? {
      var literal: [UInt8] = negative ? [UInt8(ascii: "-")] : []
      if whole.isEmpty { literal.append(UInt8(ascii: "0")) } else { literal += whole }
      if !fraction.isEmpty {
        literal.append(dot)
        literal += fraction
      }
      return literal.withUnsafeBufferPointer { ExactDecimal.parse(utf8: $0) }
    }
    func groupsAreThousands(_ part: Slice<UnsafeBufferPointer<UInt8>>, separator: UInt8) -> Bool {
      let groups = part.split(separator: separator, omittingEmptySubsequences: false)
      guard let first = groups.first, (1...3).contains(first.count) else { return false }
      return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
    switch (dots, commas) {
    case (0, 0):
      return decimal(text, EmptyCollection()).map { .value($0, evidence: nil) } ?? .invalid
    case (_, _) where dots > 0 && commas > 0:
      guard let lastDot = text.lastIndex(of: dot), let lastComma = text.lastIndex(of: comma) else {
        return .invalid
      }
      let decimalIsComma = lastComma > lastDot
      let groupSeparator = decimalIsComma ? dot : comma
      let split = decimalIsComma ? lastComma : lastDot
      let whole = text[..<split]
      let fraction = text[(split + 1)...]
      guard (decimalIsComma ? commas : dots) == 1,
        groupsAreThousands(whole, separator: groupSeparator),
        let value = decimal(whole.filter { $0 != groupSeparator }, fraction)
      else { return .invalid }
      return .value(value, evidence: decimalIsComma ? .vietnamese : .english)
    default:
      let separator = dots > 0 ? dot : comma
      let count = max(dots, commas)
      let groupingConvention: NumberConvention = separator == dot ? .vietnamese : .english
      let decimalConvention: NumberConvention = separator == dot ? .english : .vietnamese
      if count > 1 {
        guard groupsAreThousands(text, separator: separator),
          let value = decimal(text.filter { $0 != separator }, EmptyCollection())
        else { return .invalid }
        return .value(value, evidence: groupingConvention)
      }
      guard let at = text.firstIndex(of: separator) else { return .invalid }
      let whole = text[..<at]
      let fraction = text[(at + 1)...]
      guard let asDecimal = decimal(whole, fraction) else { return .invalid }
      let isZero = whole.count == 1 && whole.first == UInt8(ascii: "0")
      if fraction.count == 3 && (1...3).contains(whole.count) && !isZero {
        guard let asGrouped = decimal(Array(whole) + Array(fraction), EmptyCollection()) else {
          return .invalid
        }
        return decimalConvention == .vietnamese
          ? .ambiguous(vietnamese: asDecimal, english: asGrouped)
          : .ambiguous(vietnamese: asGrouped, english: asDecimal)
      }
      return .value(asDecimal, evidence: decimalConvention)
    }
  }
}
