/// How a file writes numbers in text cells: `1.234,5` (Vietnamese) or `1,234.5` (English).
public enum NumberConvention: String, Hashable, Sendable {
  case vietnamese
  case english
}

/// Reads numbers typed as text, exactly (SPEC §3, "Numbers in either convention").
///
/// Hand-written because the choice between `1.234,5` and `1,234.5` is made per file from
/// the file's own values, which no number formatter does, and because money must never pass
/// through floating point.
public enum NumberReader {
  /// What one text says about itself.
  public enum Reading: Hashable, Sendable {
    /// A value that means the same in both conventions, or whose form tells its convention.
    case value(ExactDecimal, evidence: NumberConvention?)
    /// A value such as `27,377` or `1.500` that means one thing in each convention.
    case ambiguous(vietnamese: ExactDecimal, english: ExactDecimal)
    /// Not a number.
    case invalid
  }

  /// Reads `text`: an optional sign, digits with `.`/`,` separators and spaces as grouping.
  public static func read(_ raw: String) -> Reading {
    if let reading = readASCII(raw) { return reading }
    return readCharacters(raw)
  }

  /// `read` by `Character`, for text that is not ASCII.
  static func readCharacters(_ raw: String) -> Reading {
    var text = raw.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    var negative = false
    if text.hasPrefix("(") && text.hasSuffix(")") && text.count > 2 {
      // Accountants write negative amounts in parentheses.
      negative = true
      text = String(text.dropFirst().dropLast())
    }
    if text.hasPrefix("-") || text.hasPrefix("−") {
      // "(-15)" says negative twice: a slip, not a positive amount.
      if negative { return .invalid }
      negative = true
      text = String(text.dropFirst())
    } else if text.hasPrefix("+") {
      text = String(text.dropFirst())
    }
    guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "." || $0 == "," }),
      text.first?.isASCIIDigitCharacter == true || text.first == "." || text.first == ","
    else { return .invalid }
    let dots = text.filter { $0 == "." }.count
    let commas = text.filter { $0 == "," }.count
    func decimal(intPart: String, fraction: String) -> ExactDecimal? {
      ExactDecimal(
        literal: (negative ? "-" : "") + (intPart.isEmpty ? "0" : intPart)
          + (fraction.isEmpty ? "" : "." + fraction))
    }
    func groupsAreThousands(_ part: Substring, separator: Character) -> Bool {
      let groups = part.split(separator: separator, omittingEmptySubsequences: false)
      guard let first = groups.first, (1...3).contains(first.count) else { return false }
      return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
    switch (dots, commas) {
    case (0, 0):
      return decimal(intPart: text, fraction: "").map { .value($0, evidence: nil) } ?? .invalid
    case (_, _) where dots > 0 && commas > 0:
      guard let lastDot = text.lastIndex(of: "."), let lastComma = text.lastIndex(of: ",") else {
        return .invalid
      }
      let decimalIsComma = lastComma > lastDot
      let decimalSeparator: Character = decimalIsComma ? "," : "."
      let groupSeparator: Character = decimalIsComma ? "." : ","
      let split = decimalIsComma ? lastComma : lastDot
      let whole = text[..<split]
      let fraction = text[text.index(after: split)...]
      guard text.filter({ $0 == decimalSeparator }).count == 1,
        groupsAreThousands(whole, separator: groupSeparator),
        let value = decimal(intPart: whole.filter { $0 != groupSeparator }, fraction: String(fraction))
      else { return .invalid }
      return .value(value, evidence: decimalIsComma ? .vietnamese : .english)
    default:
      let separator: Character = dots > 0 ? "." : ","
      let count = max(dots, commas)
      // The convention in which this separator groups thousands.
      let groupingConvention: NumberConvention = separator == "." ? .vietnamese : .english
      let decimalConvention: NumberConvention = separator == "." ? .english : .vietnamese
      if count > 1 {
        guard groupsAreThousands(Substring(text), separator: separator),
          let value = decimal(intPart: text.filter { $0 != separator }, fraction: "")
        else { return .invalid }
        return .value(value, evidence: groupingConvention)
      }
      let parts = text.split(separator: separator, omittingEmptySubsequences: false)
      let whole = String(parts[0])
      let fraction = String(parts[1])
      guard let asDecimal = decimal(intPart: whole, fraction: fraction) else { return .invalid }
      if fraction.count == 3 && (1...3).contains(whole.count) && whole != "0" {
        guard let asGrouped = decimal(intPart: whole + fraction, fraction: "") else { return .invalid }
        return decimalConvention == .vietnamese
          ? .ambiguous(vietnamese: asDecimal, english: asGrouped)
          : .ambiguous(vietnamese: asGrouped, english: asDecimal)
      }
      return .value(asDecimal, evidence: decimalConvention)
    }
  }

  /// The convention a file's readings point to, or `nil` when they say nothing or disagree.
  public static func convention(from readings: [Reading]) -> NumberConvention? {
    var seen: Set<NumberConvention> = []
    for case .value(_, let evidence?) in readings { seen.insert(evidence) }
    return seen.count == 1 ? seen.first : nil
  }
}
