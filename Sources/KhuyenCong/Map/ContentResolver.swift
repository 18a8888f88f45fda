/// Resolves the content cell of a line ("3.3", "3", "KC3", "Tổ chức đào tạo nghề…") to the
/// programme's indicator and content area.
public struct ContentResolver: Sendable {
  private let programme: Programme
  private var byName: [String: IndicatorCode] = [:]
  private var areaByName: [String: IndicatorCode] = [:]

  /// A resolver for `programme`'s content areas and indicators.
  public init(programme: Programme) {
    self.programme = programme
    for area in programme.contentAreas {
      for name in [area.name] + area.aliases { areaByName[TextKey(name).folded] = area.code }
      for indicator in area.indicators { byName[TextKey(indicator.name).folded] = indicator.code }
    }
  }

  /// The indicator (when the text or the unit pins one) and the area; `nil` if the text names
  /// no content of the programme.
  public func resolve(_ text: String, unit: String?) -> (indicator: IndicatorCode?, area: IndicatorCode)? {
    let key = TextKey(text)
    guard let first = key.words.first else { return nil }
    var code = String(first)
    for prefix in ["kc", "nd", "nhom"] where code.hasPrefix(prefix) && code.count > prefix.count {
      code = String(code.dropFirst(prefix.count))
    }
    if key.words.count > 1, ["kc", "nd", "nhom", "noi dung"].contains(String(first)) {
      code = String(key.words[1])
    }
    let candidate = IndicatorCode(rawValue: code)
    if let indicator = programme.indicator(candidate) { return (indicator.code, indicator.contentArea) }
    if let area = programme.contentArea(candidate) {
      return (inferIndicator(in: area, unit: unit), area.code)
    }
    if let indicator = byName[key.folded], let found = programme.indicator(indicator) {
      return (found.code, found.contentArea)
    }
    if let areaCode = areaByName[key.folded], let area = programme.contentArea(areaCode) {
      return (inferIndicator(in: area, unit: unit), area.code)
    }
    return nil
  }

  /// The area's only indicator, or the only one whose unit fits `unit`.
  private func inferIndicator(in area: ContentArea, unit: String?) -> IndicatorCode? {
    if area.indicators.count == 1 { return area.indicators[0].code }
    guard let unit, !unit.isEmpty else { return nil }
    let fitting = area.indicators.filter { unitFits(unit, $0) }
    return fitting.count == 1 ? fitting[0].code : nil
  }

  /// Whether `unit` is the indicator's unit, one of its aliases, or a programme-wide synonym.
  public func unitFits(_ unit: String, _ indicator: Indicator) -> Bool {
    let key = TextKey(unit)
    let own = ([indicator.unit] + indicator.unitAliases).map { TextKey($0) }
    if own.contains(key) { return true }
    for group in programme.unitSynonyms {
      let keys = group.map { TextKey($0) }
      if keys.contains(key), own.contains(where: keys.contains) { return true }
    }
    return false
  }
}
