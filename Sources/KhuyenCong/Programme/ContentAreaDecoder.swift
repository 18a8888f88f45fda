/// Reads the content areas and their indicators (section II of the decision, SPEC §2).
///
/// Indicators are nested in their area, and an indicator's code names its area (`3.3` is
/// in area `3`): one listed under another area is refused rather than moved.
struct ContentAreaDecoder {
  let file: String

  func contentAreas(_ top: JSONObjectReader) throws(ProgrammeError) -> [ContentArea] {
    let nodes = try top.array("contentAreas")
    guard !nodes.isEmpty else {
      throw top.failure(
        try top.required("contentAreas").line, "contentAreas must list at least one content area")
    }
    var areas: [ContentArea] = []
    var areaLines: [IndicatorCode: Int] = [:]
    var indicatorLines: [IndicatorCode: Int] = [:]
    for (offset, node) in nodes.enumerated() {
      let object = try JSONObjectReader(
        node, path: "contentAreas[\(offset)]", file: file,
        allowed: [
          "code", "name", "aliases", "basis", "indicators",
        ])
      let codeNode = try object.required("code")
      let code = IndicatorCode(rawValue: try ProgrammeDecoder(file: file).digits(object, "code"))
      if let first = areaLines[code] {
        throw object.failure(
          codeNode.line, "content area code \(code) is used twice (first on line \(first))")
      }
      areaLines[code] = codeNode.line
      var indicators: [Indicator] = []
      for (index, indicatorNode) in try object.array("indicators").enumerated() {
        let indicator = try self.indicator(
          indicatorNode, path: object.path("indicators") + "[\(index)]", area: code)
        if let first = indicatorLines[indicator.code] {
          throw object.failure(
            indicatorNode.line, "indicator code \(indicator.code) is used twice (first on line \(first))")
        }
        indicatorLines[indicator.code] = indicatorNode.line
        indicators.append(indicator)
      }
      areas.append(
        ContentArea(
          code: code, name: try object.text("name"),
          aliases: object.optional("aliases") == nil ? [] : try object.strings("aliases"),
          basis: try object.text("basis"), indicators: indicators))
    }
    return areas
  }

  private func indicator(_ node: JSONNode, path: String, area: IndicatorCode) throws(ProgrammeError)
    -> Indicator
  {
    let object = try JSONObjectReader(
      node, path: path, file: file,
      allowed: [
        "code", "name", "unit", "unitAliases", "target", "basis",
      ])
    let codeNode = try object.required("code")
    let text = try object.stringValue(codeNode, path: object.path("code"))
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) })
    else {
      throw object.failure(
        codeNode.line, "\(object.path("code")) must be an indicator code such as \"3.3\", found \"\(text)\"")
    }
    guard parts[0] == area.rawValue else {
      throw object.failure(
        codeNode.line,
        "indicator \(text) belongs to content area \(parts[0]) by its code, but is listed under content area \(area)"
      )
    }
    var target: ExactDecimal?
    if let targetNode = try object.nullable("target") {
      let value = try object.decimalValue(targetNode, path: object.path("target"))
      guard value > ExactDecimal(units: 0) else {
        throw object.failure(
          targetNode.line,
          "\(object.path("target")) must be greater than zero, found \(value) (write null for no target)")
      }
      target = value
    }
    return Indicator(
      code: IndicatorCode(rawValue: text), name: try object.text("name"), unit: try object.text("unit"),
      unitAliases: object.optional("unitAliases") == nil ? [] : try object.strings("unitAliases"),
      target: target, basis: try object.text("basis"))
  }
}
