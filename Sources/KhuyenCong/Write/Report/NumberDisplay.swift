/// Numbers as a person reads them: `1.234,5` in Vietnamese, `1,234.5` in English.
public enum NumberDisplay {
  /// `value` with thousands grouping in `language`'s convention.
  public static func text(_ value: ExactDecimal, in language: Language) -> String {
    let plain = value.description
    let negative = plain.hasPrefix("-")
    let digits = negative ? String(plain.dropFirst()) : plain
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    let whole = String(parts[0])
    let group: Character = language == .vi ? "." : ","
    let point = language == .vi ? "," : "."
    var grouped = ""
    for (index, character) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(group) }
      grouped.append(character)
    }
    let fraction = parts.count > 1 ? point + parts[1] : ""
    return (negative ? "-" : "") + grouped + fraction
  }

  /// An amount in triệu đồng, e.g. `1.234,5 triệu đồng` / `1,234.5 million đồng`.
  public static func money(_ money: Money, in language: Language) -> String {
    text(money.trieu, in: language) + (language == .vi ? " triệu đồng" : " million đồng")
  }
}
