/// Content areas and indicators decode themselves through `JSONNodeDecoder` (issue 8): an
/// indicator gives `measures`, or for one measure `unit`/`unitAliases`/`target`, never both.

/// A code of ASCII digits written as a string (`"071"`, `"3"`).
struct DigitsCode: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    text = try decoder.singleValueContainer().decode(String.self)
    guard !text.isEmpty, text.allSatisfy(\.isASCIIDigitCharacter) else {
      let path = JSONNodeDecoder.pathText(decoder.codingPath)
      let reason = "\(path) must be a code of digits written as a string (\"071\"), found \"\(text)\""
      guard let node = decoder as? JSONNodeDecoder else {
        throw ProgrammeError.invalid(file: "", line: 0, reason: reason)
      }
      throw node.failure(node.node.line, reason)
    }
  }
}

extension ContentArea: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case code, name, aliases, basis, indicators, activities }

  /// `{"code": "3", "name": …, "aliases": […], "basis": …, "indicators": […]}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    code = IndicatorCode(rawValue: try container.decode(DigitsCode.self, forKey: .code).text)
    name = try container.decode(NonBlankText.self, forKey: .name).text
    aliases = try container.decodeIfPresent([NonBlankText].self, forKey: .aliases)?.map(\.text) ?? []
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
    indicators = try container.decode([Indicator].self, forKey: .indicators)
    activities = try container.decodeIfPresent([NonBlankText].self, forKey: .activities)?.map(\.text) ?? []
  }
}

extension Indicator: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case code, name, unit, unitAliases, target, measures, basis
  }

  /// `{"code": "4.3", "name": …, "measures": [{…}, {…}], "basis": …}`, or with `unit`,
  /// `unitAliases` and `target` for a single measure.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let codeDecoder = try container.superDecoder(forKey: .code)
    let text = try container.decode(String.self, forKey: .code)
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else {
      throw (codeDecoder as? JSONNodeDecoder).map {
        $0.failure(
          $0.node.line,
          "\(JSONNodeDecoder.pathText(codeDecoder.codingPath)) must be an indicator code such as \"3.3\", found \"\(text)\""
        )
      } ?? ProgrammeError.invalid(file: "", line: 0, reason: "bad indicator code \(text)")
    }
    code = IndicatorCode(rawValue: text)
    name = try container.decode(NonBlankText.self, forKey: .name).text
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
    if container.contains(.measures) {
      // One way to say it: with "measures", the single-measure keys would be a second truth.
      for key in [CodingKeys.unit, .unitAliases, .target] where container.contains(key) {
        let measuresDecoder = try container.superDecoder(forKey: .measures)
        let path = JSONNodeDecoder.pathText(decoder.codingPath)
        let reason =
          "\(path) has both \"measures\" and \"\(key.stringValue)\"; give the unit and target inside each measure"
        throw (measuresDecoder as? JSONNodeDecoder).map { $0.failure($0.node.line, reason) }
          ?? ProgrammeError.invalid(file: "", line: 0, reason: reason)
      }
      measures = try container.decode([Measure].self, forKey: .measures)
      guard !measures.isEmpty else {
        let measuresDecoder = try container.superDecoder(forKey: .measures)
        let reason = "\(JSONNodeDecoder.pathText(measuresDecoder.codingPath)) must list at least one measure"
        throw (measuresDecoder as? JSONNodeDecoder).map { $0.failure($0.node.line, reason) }
          ?? ProgrammeError.invalid(file: "", line: 0, reason: reason)
      }
      for index in measures.indices where measures[index].name.isEmpty { measures[index].name = name }
    } else {
      // The single-measure form: the indicator object is its own measure.
      var measure = try Measure(from: decoder, keys: SingleMeasureKeys.self)
      measure.name = name
      measures = [measure]
    }
  }

  /// The keys of the single-measure form, read from the indicator object itself.
  private enum SingleMeasureKeys: String, CodingKey { case unit, unitAliases, target }
}
