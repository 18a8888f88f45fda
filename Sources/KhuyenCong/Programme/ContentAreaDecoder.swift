/// Reads the content areas and their indicators (section II of the decision, SPEC §2).
///
/// Each area decodes itself (`ContentArea: Decodable`, through `JSONNodeDecoder`); what
/// spans several values is checked here, at the line of the value refused: area and indicator
/// codes are unique, an indicator's code names its area (`3.3` is in area `3`: one listed
/// under another area is refused rather than moved), and no unit belongs to two measures of
/// one indicator (a line's unit must pick one measure).
struct ContentAreaDecoder {
  let file: String

  func contentAreas(_ top: ProgrammeDecoder.TopLevel) throws(ProgrammeError) -> [ContentArea] {
    let nodes = try top.array(.contentAreas)
    guard !nodes.isEmpty else {
      throw top.failure(
        try top.required(.contentAreas).line, "contentAreas must list at least one content area")
    }
    var areas: [ContentArea] = []
    var areaLines: [IndicatorCode: Int] = [:]
    var indicatorLines: [IndicatorCode: Int] = [:]
    for (offset, node) in nodes.enumerated() {
      let area = try JSONNodeDecoder.decode(
        ContentArea.self, from: node, path: [NameKey("contentAreas"), IndexKey(offset)], file: file)
      let codeLine = Self.member("code", of: node)?.line ?? node.line
      if let first = areaLines[area.code] {
        throw failure(codeLine, "content area code \(area.code) is used twice (first on line \(first))")
      }
      areaLines[area.code] = codeLine
      let indicatorNodes = Self.member("indicators", of: node).map(Self.elements) ?? []
      for (indicator, indicatorNode) in zip(area.indicators, indicatorNodes) {
        let code = indicator.code.rawValue
        let area = area.code.rawValue
        let prefix = String(code.prefix { $0 != "." })
        guard prefix == area else {
          throw failure(
            Self.member("code", of: indicatorNode)?.line ?? indicatorNode.line,
            "indicator \(code) belongs to content area \(prefix) by its code, but is listed under content area \(area)"
          )
        }
        if let first = indicatorLines[indicator.code] {
          throw failure(indicatorNode.line, "indicator code \(code) is used twice (first on line \(first))")
        }
        indicatorLines[indicator.code] = indicatorNode.line
        try checkUnits(indicator, node: indicatorNode, path: "contentAreas[\(offset)]")
      }
      areas.append(area)
    }
    return areas
  }

  /// No unit or alias in two measures of one indicator.
  private func checkUnits(_ indicator: Indicator, node: JSONNode, path: String) throws(ProgrammeError) {
    guard indicator.measures.count > 1 else { return }
    let measureNodes = Self.member("measures", of: node).map(Self.elements) ?? []
    var unitLines: [String: Int] = [:]
    for (offset, (measure, measureNode)) in zip(indicator.measures, measureNodes).enumerated() {
      for unit in [measure.unit] + measure.unitAliases {
        let key = TextKey(unit).folded
        if let first = unitLines[key] {
          throw failure(
            measureNode.line,
            "unit \"\(unit)\" of measures[\(offset)] is also a unit of another measure of indicator \(indicator.code) (line \(first)): a line's unit must pick one measure"
          )
        }
        unitLines[key] = measureNode.line
      }
    }
  }

  private func failure(_ line: Int, _ reason: String) -> ProgrammeError {
    ProgrammeError.invalid(file: file, line: line, reason: reason)
  }

  /// The value of `key` in an object node.
  static func member(_ key: String, of node: JSONNode) -> JSONNode? {
    guard case .object(let members) = node.value else { return nil }
    return members.first { $0.key == key }?.node
  }

  /// The elements of an array node.
  static func elements(_ node: JSONNode) -> [JSONNode] {
    guard case .array(let elements) = node.value else { return [] }
    return elements
  }
}
