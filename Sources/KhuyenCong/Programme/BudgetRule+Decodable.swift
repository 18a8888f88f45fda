/// The budget rules decode themselves by their `kind` (issue 8: caps now carry their clause,
/// the plan years they are in force and, for a property no column carries, their markers).
/// An unknown kind is a load error at its line, never skipped: a skipped cap would silently
/// let over-cap support through.
struct BudgetRuleEntry: Decodable {
  var rule: BudgetRule

  /// The rule kinds this program knows, as written in the file.
  static let kinds = ["cap", "priorityOnly", "unchecked"]

  /// Only `kind`, read before the kind's own keys are checked.
  private enum KindKey: String, CodingKey { case kind }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: KindKey.self)
    let kindDecoder = try container.superDecoder(forKey: .kind)
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "cap": rule = .cap(try SupportCap(from: decoder))
    case "priorityOnly": rule = .priorityOnly(try PriorityOnlyRule(from: decoder))
    case "unchecked": rule = .unchecked(try UncheckedRule(from: decoder))
    default:
      throw failure(
        kindDecoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)).kind \"\(kind)\" is not a known rule kind; expected one of: "
          + Self.kinds.joined(separator: ", "))
    }
  }
}

/// An error at the line of the value `decoder` reads.
private func failure(_ decoder: any Decoder, _ reason: String) -> ProgrammeError {
  guard let node = decoder as? JSONNodeDecoder else {
    return ProgrammeError.invalid(file: "", line: 0, reason: reason)
  }
  return node.failure(node.node.line, reason)
}

/// The indicator a rule names, which must be one of the programme's.
private func indicator<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws
  -> IndicatorCode
{
  let value = try container.superDecoder(forKey: key)
  let code = IndicatorCode(rawValue: try container.decode(String.self, forKey: key))
  let known = (value as? JSONNodeDecoder)?.context.indicators ?? []
  guard known.contains(code) else {
    throw failure(
      value,
      "\(JSONNodeDecoder.pathText(value.codingPath)) \"\(code)\" is not an indicator of the programme's content areas"
    )
  }
  return code
}

/// `fromYear` / `toYear`, each optional.
private func years<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, from: Key, to: Key) throws
  -> PlanYearSpan
{
  var span = PlanYearSpan()
  span.fromYear = try container.decodeIfPresent(YearNumber.self, forKey: from)?.year
  span.toYear = try container.decodeIfPresent(YearNumber.self, forKey: to)?.year
  if let first = span.fromYear, let last = span.toYear, last < first {
    throw failure(
      try container.superDecoder(forKey: to),
      "\(JSONNodeDecoder.pathText(container.codingPath + [to])) \(last) is before fromYear \(first)")
  }
  return span
}

/// A fund source: `national`, `local`, `counterpart` or `other`.
struct FundName: Decodable {
  var fund: FundSource

  init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let fund = FundSource(rawValue: text) else {
      throw failure(
        decoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) must be one of "
          + FundSource.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ", found \"\(text)\"")
    }
    self.fund = fund
  }
}

/// An amount of money: `{"amount": "500", "unit": "triệu đồng"}`.
struct MoneyAmount: Decodable {
  var money: Money

  enum CodingKeys: String, CodingKey, CaseIterable { case amount, unit }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let amount = try container.decode(DecimalText.self, forKey: .amount).value
    let unitText = try container.decode(String.self, forKey: .unit)
    let path = JSONNodeDecoder.pathText(decoder.codingPath)
    guard let unit = MoneyUnit.allCases.first(where: { $0.vietnameseName == unitText }) else {
      throw failure(
        try container.superDecoder(forKey: .unit),
        "\(path).unit must be one of "
          + MoneyUnit.allCases.map { "\"\($0.vietnameseName)\"" }.joined(separator: ", ")
          + ", found \"\(unitText)\"")
    }
    let amountDecoder = try container.superDecoder(forKey: .amount)
    guard amount.units >= 0 else { throw failure(amountDecoder, "\(path).amount must not be negative") }
    guard let money = Money(amount, unit: unit) else {
      throw failure(amountDecoder, "\(path).amount is finer than one đồng or too large")
    }
    self.money = money
  }
}

extension SupportCap: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case kind, indicator, fund, maxPercent, maxAmountPerUnit, raisedInPriorityDistricts, basis
    case fromYear, toYear, markers, per
  }

  /// A cap on support from one fund for one indicator: a share of the cost, an amount per
  /// unit of quantity, or both.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    indicator = try KhuyenCong.indicator(container, .indicator)
    fund = try container.decode(FundName.self, forKey: .fund).fund
    maxPercent = try container.decodeIfPresent(DecimalText.self, forKey: .maxPercent)?.value
    if let percent = maxPercent, !(percent > ExactDecimal(units: 0) && percent <= ExactDecimal(units: 100)) {
      throw failure(
        try container.superDecoder(forKey: .maxPercent),
        "\(JSONNodeDecoder.pathText(decoder.codingPath)).maxPercent must be more than 0 and at most 100, found \(percent)"
      )
    }
    maxAmountPerUnit = try container.decodeIfPresent(MoneyAmount.self, forKey: .maxAmountPerUnit)?.money
    guard maxPercent != nil || maxAmountPerUnit != nil else {
      throw failure(
        decoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) caps nothing: give maxPercent, maxAmountPerUnit or both"
      )
    }
    raisedInPriorityDistricts = try container.decode(Bool.self, forKey: .raisedInPriorityDistricts)
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
    years = try KhuyenCong.years(container, from: .fromYear, to: .toYear)
    markers = try container.decodeIfPresent([NonBlankText].self, forKey: .markers)?.map(\.text) ?? []
    per = try container.decodeIfPresent(NonBlankText.self, forKey: .per)?.text ?? ""
  }
}

extension PriorityOnlyRule: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case kind, indicator, basis, fromYear, toYear }

  /// Support for `indicator` only in priority districts.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    indicator = try KhuyenCong.indicator(container, .indicator)
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
    years = try KhuyenCong.years(container, from: .fromYear, to: .toYear)
  }
}

extension UncheckedRule: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case kind, indicator, area, what, why, basis, fromYear, toYear
  }

  /// A cap the form cannot check, for the lines of an indicator, of an area, or every line.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    scope = .everyLine
    if container.contains(.indicator) { scope = .indicator(try KhuyenCong.indicator(container, .indicator)) }
    if container.contains(.area) {
      let areaDecoder = try container.superDecoder(forKey: .area)
      let code = IndicatorCode(rawValue: try container.decode(String.self, forKey: .area))
      let path = JSONNodeDecoder.pathText(areaDecoder.codingPath)
      guard ((areaDecoder as? JSONNodeDecoder)?.context.areas ?? []).contains(code) else {
        throw failure(areaDecoder, "\(path) \"\(code)\" is not a content area of the programme")
      }
      guard case .everyLine = scope else {
        throw failure(
          areaDecoder,
          "\(JSONNodeDecoder.pathText(decoder.codingPath)) gives both indicator and area; give one")
      }
      scope = .areaActivities(code)
    }
    what = try container.decode(NonBlankText.self, forKey: .what).text
    why = try container.decode(NonBlankText.self, forKey: .why).text
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
    years = try KhuyenCong.years(container, from: .fromYear, to: .toYear)
  }
}
