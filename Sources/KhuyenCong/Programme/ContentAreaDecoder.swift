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
        "code", "name", "unit", "unitAliases", "target", "measures", "basis",
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
    let name = try object.text("name")
    var measures: [Measure] = []
    if let measuresNode = object.optional("measures") {
      // One way to say it: with "measures", the single-measure keys would be a second truth.
      for key in ["unit", "unitAliases", "target"] where object.optional(key) != nil {
        throw object.failure(
          measuresNode.line,
          "\(object.path) has both \"measures\" and \"\(key)\"; give the unit and target inside each measure")
      }
      let nodes = try object.arrayValue(measuresNode, path: object.path("measures"))
      guard !nodes.isEmpty else {
        throw object.failure(measuresNode.line, "\(object.path("measures")) must list at least one measure")
      }
      var unitLines: [String: Int] = [:]
      for (offset, node) in nodes.enumerated() {
        // Each measure decodes itself (Measure: Decodable, through the line-tracking decoder).
        var measure = try JSONNodeDecoder.decode(
          Measure.self, from: node, path: Self.codingPath(object.path("measures") + "[\(offset)]"), file: file
        )
        if measure.name.isEmpty { measure.name = name }
        for unit in [measure.unit] + measure.unitAliases {
          let key = TextKey(unit).folded
          if let first = unitLines[key] {
            throw object.failure(
              node.line,
              "unit \"\(unit)\" of \(object.path("measures"))[\(offset)] is also a unit of another measure of indicator \(text) (line \(first)): a line's unit must pick one measure"
            )
          }
          unitLines[key] = node.line
        }
        measures.append(measure)
      }
    } else {
      measures = [try measure(object, defaultName: name)]
    }
    return Indicator(
      code: IndicatorCode(rawValue: text), name: name, measures: measures, basis: try object.text("basis"))
  }

  /// `contentAreas[0].indicators[1]` as coding keys, for the line-tracking decoder's messages.
  static func codingPath(_ text: String) -> [any CodingKey] {
    var keys: [any CodingKey] = []
    for part in text.split(separator: ".") {
      var rest = Substring(part)
      if let open = rest.firstIndex(of: "[") {
        keys.append(NameKey(String(rest[..<open])))
        rest = rest[open...]
        while let start = rest.firstIndex(of: "["), let end = rest.firstIndex(of: "]"),
          let index = Int(rest[rest.index(after: start)..<end])
        {
          keys.append(IndexKey(index))
          rest = rest[rest.index(after: end)...]
        }
      } else {
        keys.append(NameKey(String(rest)))
      }
    }
    return keys
  }

  /// A measure: `unit`, optional `unitAliases`, `target` (null for none), optional `name`.
  private func measure(_ object: JSONObjectReader, defaultName: String) throws(ProgrammeError) -> Measure {
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
    let name = try object.optionalString("name")
    return Measure(
      name: name ?? defaultName, unit: try object.text("unit"),
      unitAliases: object.optional("unitAliases") == nil ? [] : try object.strings("unitAliases"),
      target: target)
  }
}
