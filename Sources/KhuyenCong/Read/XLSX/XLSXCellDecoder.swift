/// Turns one `<c>` (its `t`, its style, its `<v>` or `<is>` text) into a `CellValue`.
struct XLSXCellDecoder {
  /// The shared string table, NFC.
  var sharedStrings: XLSXStringTable
  var styles: XLSXStyles
  var date1904: Bool

  /// The raw content of one cell element.
  struct RawCell {
    /// `t`: `s`, `str`, `inlineStr`, `b`, `e`, `n` (the default) or `d`.
    var type: String?
    /// `s`, the index into `cellXfs`.
    var style: Int
    /// The bytes of `<v>`, if there was one.
    var value: [UInt8]?
    /// The bytes of the `<t>` runs of `<is>`, if there was one.
    var inline: [UInt8]?
  }

  /// A cell's value, with the number of its text (`Cell.textID`) when it is one of the first
  /// `TextInterner.maxEntries` shared strings: the string's index is its number.
  struct Decoded {
    var value: CellValue
    var textID: Int32?

    init(_ value: CellValue) { self.value = value }

    init(shared text: String, at index: Int) {
      value = .text(text)
      textID = index < TextInterner.maxEntries ? Int32(index) : nil
    }
  }

  /// The value, or why the cell cannot be read (`reason`, and the text found).
  func decode(_ cell: RawCell) -> Result<Decoded, XLSXCellProblem> {
    let type = cell.type ?? "n"
    if type == "inlineStr" {
      // Some writers put the text of an inline-string cell in `<v>`.
      guard let bytes = cell.inline ?? cell.value else { return .success(Decoded(.empty)) }
      return .success(Decoded(.text(XLSXPartParser.text(bytes))))
    }
    guard let bytes = cell.value else { return .success(Decoded(.empty)) }
    // A shared string's index, digits only (nearly every text cell): no `String` made.
    if type == "s", !bytes.isEmpty, bytes.count <= 9,
      bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    {
      let index = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      if let text = sharedStrings.text(at: index) { return .success(Decoded(shared: text, at: index)) }
    }
    // A plain decimal of at most 15 digits (nearly every number cell) is shown as written, or
    // is a date by its style: what the general path below gives it, without the `String`s it
    // makes to trim, check and round the text.
    if type == "n", Self.isPlainDecimal(bytes) {
      let literal = String(decoding: bytes, as: UTF8.self)
      if styles.isDate(style: cell.style),
        let date = XLSXSerialDate.dateTime(serial: literal[...], date1904: date1904)
      {
        return .success(Decoded(.dateTime(date)))
      }
      return .success(Decoded(.number(literal)))
    }
    let text = XLSXPartParser.text(bytes)
    let trimmed = Self.trimmed(text)
    switch type {
    case "s":
      guard let index = Int(trimmed), let shared = sharedStrings.text(at: index) else {
        return .failure(XLSXCellProblem(reason: "no such shared string", value: text))
      }
      return .success(Decoded(shared: shared, at: index))
    case "str":
      return .success(Decoded(.text(text)))
    case "b":
      switch trimmed {
      case "1", "true": return .success(Decoded(.boolean(true)))
      case "0", "false": return .success(Decoded(.boolean(false)))
      default:
        return .failure(XLSXCellProblem(reason: "not a boolean", value: text, expected: "Boolean"))
      }
    case "e":
      return .success(Decoded(.error(String(trimmed))))
    case "d":
      guard let date = Self.isoDateTime(trimmed) else {
        return .failure(
          XLSXCellProblem(reason: "not an ISO 8601 date", value: text, expected: "DateTime"))
      }
      return .success(Decoded(.dateTime(date)))
    case "n":
      if trimmed.isEmpty { return .success(Decoded(.empty)) }
      guard Self.isNumberLiteral(trimmed) else {
        return .failure(XLSXCellProblem(reason: "not a number", value: text, expected: "Number"))
      }
      if styles.isDate(style: cell.style),
        let date = XLSXSerialDate.dateTime(serial: trimmed, date1904: date1904)
      {
        return .success(Decoded(.dateTime(date)))
      }
      return .success(Decoded(.number(XLSXNumberLiteral.displayed(trimmed))))
    default:
      return .failure(XLSXCellProblem(reason: "unknown cell type t=\"\(type)\"", value: text))
    }
  }

  /// `-?[0-9]+(\.[0-9]+)?` with at most `XLSXNumberLiteral.significantDigits` digits: a number
  /// literal that `XLSXNumberLiteral.displayed` returns unchanged.
  static func isPlainDecimal(_ bytes: some Sequence<UInt8>) -> Bool {
    var digits = 0
    var point = -1
    var first = true
    for byte in bytes {
      defer { first = false }
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digits += 1
      } else if byte == UInt8(ascii: "."), point < 0, digits > 0 {
        point = digits
      } else if byte == UInt8(ascii: "-"), first {
        continue
      } else {
        return false
      }
    }
    return digits > 0 && digits <= XLSXNumberLiteral.significantDigits && point != digits
  }

  /// Without leading and trailing spaces, tabs and line breaks.
  static func trimmed(_ text: String) -> Substring {
    let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n"
    }
    var rest = text[...]
    while let first = rest.first, isSpace(first) { rest = rest.dropFirst() }
    while let last = rest.last, isSpace(last) { rest = rest.dropLast() }
    return rest
  }

  /// `-12.5`, `1E-3`, `2095.3899999999999999` (Gnumeric writes 21 digits): the xsd:double
  /// lexical form without INF/NaN.
  static func isNumberLiteral(_ text: Substring) -> Bool {
    var scalars = text.unicodeScalars[...]
    if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
    let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
    let whole = scalars.prefix(while: isDigit)
    scalars = scalars.dropFirst(whole.count)
    var fractionCount = 0
    if scalars.first == "." {
      scalars = scalars.dropFirst()
      let fraction = scalars.prefix(while: isDigit)
      fractionCount = fraction.count
      scalars = scalars.dropFirst(fractionCount)
    }
    guard whole.count + fractionCount > 0 else { return false }
    if scalars.first == "E" || scalars.first == "e" {
      scalars = scalars.dropFirst()
      if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
      let exponent = scalars.prefix(while: isDigit)
      guard !exponent.isEmpty else { return false }
      scalars = scalars.dropFirst(exponent.count)
    }
    return scalars.isEmpty
  }

  /// `2016-10-25`, `2016-10-25T08:27:48`, `2016-10-25T08:27:48.123Z` (`t="d"` cells).
  static func isoDateTime(_ text: Substring) -> CivilDateTime? {
    var rest = text
    if rest.last == "Z" { rest = rest.dropLast() }
    let parts = rest.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    guard let date = CivilDate(iso: parts[0]) else { return nil }
    var result = CivilDateTime(year: date.year, month: date.month, day: date.day)
    guard parts.count == 2 else { return result }
    let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
      (0...23).contains(hour), (0...59).contains(minute)
    else { return nil }
    let seconds = clock[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let second = Int(seconds[0]), (0...59).contains(second) else { return nil }
    var millisecond = 0
    if seconds.count == 2 {
      let digits = String(seconds[1].prefix(3))
      guard !digits.isEmpty, let value = Int(digits) else { return nil }
      millisecond = value * [100, 10, 1][digits.count - 1]
    }
    result.hour = hour
    result.minute = minute
    result.second = second
    result.millisecond = millisecond
    return result
  }
}

/// Why one cell could not be read.
struct XLSXCellProblem: Error, Hashable {
  var reason: String
  /// The text found in the cell.
  var value: String
  /// For text that does not fit its declared type, the type (`Number`, `Boolean`,
  /// `DateTime`): the text is then kept and reported as `cell.type`, as the SpreadsheetML
  /// reader does. `nil` for a cell that cannot be read at all (`xml.malformed`).
  var expected: String? = nil
}
