/// Programme values that decode themselves through `JSONNodeDecoder` (issue 8: one place to
/// change the programme format). A value's own rules (a non-blank text, a decimal written as
/// a string, a target above zero, a year in range) live in its `init(from:)`; rules across
/// values (codes unique, periods not overlapping) stay with the section that holds them.

/// Where a value sits, for messages: its line and path, when decoded from a programme file.
private func place(_ decoder: any Decoder) -> (line: Int, path: String, fail: (String) -> ProgrammeError) {
  let path = JSONNodeDecoder.pathText(decoder.codingPath)
  guard let node = decoder as? JSONNodeDecoder else {
    return (0, path, { ProgrammeError.invalid(file: "", line: 0, reason: $0) })
  }
  return (node.node.line, path, { node.failure(node.node.line, $0) })
}

/// A string that must not be blank (names, units, legal bases).
struct NonBlankText: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    let (_, path, fail) = place(decoder)
    text = try decoder.singleValueContainer().decode(String.self)
    guard !text.allSatisfy(\.isWhitespace) else { throw fail("\(path) must not be empty") }
  }
}

/// An exact decimal written as a string (`"1.5"`); a JSON number is refused so that no figure
/// passes through binary floating point (STYLE §3).
struct DecimalText: Decodable {
  var value: ExactDecimal

  init(from decoder: any Decoder) throws {
    let (_, path, fail) = place(decoder)
    if let node = decoder as? JSONNodeDecoder, case .number(let literal) = node.node.value {
      throw fail(
        "\(path) must be a decimal string (\"\(literal)\"), not a JSON number, so that it stays exact")
    }
    let text = try decoder.singleValueContainer().decode(String.self)
    guard text.first != "+", !text.contains(where: { $0 == "e" || $0 == "E" }),
      let value = ExactDecimal(literal: text)
    else { throw fail("\(path) must be a decimal number such as \"30\" or \"1.5\", found \"\(text)\"") }
    self.value = value
  }
}

/// A plan year, 1900–9999.
struct YearNumber: Decodable {
  var year: PlanYear

  init(from decoder: any Decoder) throws {
    let (_, path, fail) = place(decoder)
    let value = try decoder.singleValueContainer().decode(Int.self)
    guard (1900...9999).contains(value) else {
      throw fail("\(path) must be between 1900 and 9999, found \(value)")
    }
    year = PlanYear(rawValue: value)
  }
}

extension Measure: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, unit, unitAliases, target
  }

  /// `{"name": …, "unit": …, "unitAliases": […], "target": "10" | null}`; without a name the
  /// indicator's name is given by the indicator (empty here).
  public init(from decoder: any Decoder) throws {
    try self.init(from: decoder, keys: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decodeIfPresent(NonBlankText.self, forKey: .name)?.text ?? ""
  }

  /// Reads `unit`, `unitAliases` and `target` with `keys` (a measure object's own, or those
  /// of an indicator written in the single-measure form); the name is left empty.
  init<Keys: CodingKey>(from decoder: any Decoder, keys: Keys.Type) throws {
    let (_, path, fail) = place(decoder)
    let container = try decoder.container(keyedBy: Keys.self)
    guard let unitKey = Keys(stringValue: "unit"), let aliasesKey = Keys(stringValue: "unitAliases"),
      let targetKey = Keys(stringValue: "target")
    else { throw fail("\(path): a measure needs unit, unitAliases and target keys") }
    let unit = try container.decode(NonBlankText.self, forKey: unitKey).text
    let aliases = try container.decodeIfPresent([NonBlankText].self, forKey: aliasesKey)?.map(\.text) ?? []
    guard container.contains(targetKey) else {
      throw fail("\(path) is missing the required key \"target\" (write null when there is none)")
    }
    let target = try container.decodeIfPresent(DecimalText.self, forKey: targetKey)?.value
    if let target, target <= ExactDecimal(units: 0) {
      throw fail("\(path).target must be greater than zero, found \(target) (write null for no target)")
    }
    self.init(name: "", unit: unit, unitAliases: aliases, target: target)
  }
}

extension CapPeriod: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case fromYear, toYear, basis, capsGiven, reason
  }

  /// `{"fromYear": 2016, "toYear": 2018, "basis": …, "capsGiven": true, "reason": …}`.
  public init(from decoder: any Decoder) throws {
    let (_, path, fail) = place(decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    fromYear = try container.decode(YearNumber.self, forKey: .fromYear).year
    toYear = try container.decode(YearNumber.self, forKey: .toYear).year
    guard fromYear <= toYear else { throw fail("\(path).toYear \(toYear) is before fromYear \(fromYear)") }
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
    capsGiven = try container.decode(Bool.self, forKey: .capsGiven)
    reason = try container.decode(NonBlankText.self, forKey: .reason).text
  }
}
