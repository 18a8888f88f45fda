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

  /// The only indicator of the area one of whose measures `unit` fits; `nil` (an activity
  /// of the area itself, "hoạt động khác") when none or several fit, or no unit is given.
  private func inferIndicator(in area: ContentArea, unit: String?) -> IndicatorCode? {
    guard let unit, !unit.isEmpty else { return nil }
    let fitting = area.indicators.filter { unitFits(unit, $0) }
    return fitting.count == 1 ? fitting[0].code : nil
  }

  /// Whether `unit` is the unit of one of the indicator's measures, one of its aliases, or a
  /// programme-wide synonym of one.
  public func unitFits(_ unit: String, _ indicator: Indicator) -> Bool {
    measureIndex(unit, indicator) != nil
  }

  /// The measure of `indicator` that `unit` picks (its position in `measures`); a missing
  /// unit picks the only measure of a one-measure indicator.
  public func measureIndex(_ unit: String?, _ indicator: Indicator) -> Int? {
    guard let unit, !TextKey(unit).isEmpty else { return indicator.measures.count == 1 ? 0 : nil }
    let key = TextKey(unit)
    for (index, measure) in indicator.measures.enumerated() {
      let own = ([measure.unit] + measure.unitAliases).map { TextKey($0) }
      if own.contains(key) { return index }
      for group in programme.unitSynonyms {
        let keys = group.map { TextKey($0) }
        if keys.contains(key), own.contains(where: keys.contains) { return index }
      }
    }
    return nil
  }

  /// The indicators (in programme order) one of whose measures `unit` fits: the hint for a
  /// line whose unit does not fit the indicator it names ("'lượt cơ sở' thuộc chỉ tiêu 4.3").
  public func indicatorsFitting(_ unit: String) -> [IndicatorCode] {
    programme.indicators.filter { unitFits(unit, $0) }.map(\.code)
  }
}
