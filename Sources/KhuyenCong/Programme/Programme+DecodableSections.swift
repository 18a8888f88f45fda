/// The other sections of a programme file decode themselves through `JSONNodeDecoder`
/// (issue 8): province, districts, the commune register, the deadline rule and the budget.
/// Their references to other sections (a commune's district, an extension's plan year) are
/// checked against the `DecodingContext` the file has built so far.

/// An error at the line of the value `decoder` reads.
private func refusal(_ decoder: any Decoder, _ reason: String) -> ProgrammeError {
  guard let node = decoder as? JSONNodeDecoder else {
    return ProgrammeError.invalid(file: "", line: 0, reason: reason)
  }
  return node.failure(node.node.line, reason)
}

/// The decoding context of `decoder`.
private func context(_ decoder: any Decoder) -> DecodingContext {
  (decoder as? JSONNodeDecoder)?.context ?? DecodingContext()
}

extension KeyedDecodingContainer {
  /// A whole number in `range`, refused at its line with its path.
  func int(_ key: Key, in range: ClosedRange<Int>) throws -> Int {
    let value = try decode(Int.self, forKey: key)
    guard range.contains(value) else {
      let decoder = try superDecoder(forKey: key)
      throw refusal(
        decoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) must be between \(range.lowerBound) and \(range.upperBound), found \(value)"
      )
    }
    return value
  }

  /// A district code that names one of the programme's districts.
  func district(_ key: Key) throws -> DistrictCode {
    let decoder = try superDecoder(forKey: key)
    let code = DistrictCode(rawValue: try decode(String.self, forKey: key))
    let known = context(decoder).districts
    guard known.contains(code) else {
      throw refusal(
        decoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) \"\(code)\" is not one of the programme's districts ("
          + known.map(\.rawValue).joined(separator: ", ") + ")")
    }
    return code
  }

  /// A plan year inside the programme period.
  func yearInPeriod(_ key: Key) throws -> PlanYear {
    let decoder = try superDecoder(forKey: key)
    let year = PlanYear(rawValue: try int(key, in: 1900...9999))
    if let period = context(decoder).period, !period.contains(year) {
      throw refusal(
        decoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) \(year) is outside the programme period \(period.lowerBound)–\(period.upperBound)"
      )
    }
    return year
  }
}

/// A calendar day written `YYYY-MM-DD`.
struct DayText: Decodable {
  var day: CivilDate

  init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard text.count == 10, let day = CivilDate(iso: text) else {
      throw refusal(
        decoder,
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) must be a date written YYYY-MM-DD, found \"\(text)\""
      )
    }
    self.day = day
  }
}

extension Province: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case code, name }

  /// `{"code": "08", "name": "Tuyên Quang"}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      code: try container.decode(DigitsCode.self, forKey: .code).text,
      name: try container.decode(NonBlankText.self, forKey: .name).text)
  }
}

/// `period`: the first and last plan year, and its basis.
struct ProgrammePeriod: Decodable {
  var firstYear: PlanYear
  var lastYear: PlanYear

  enum CodingKeys: String, CodingKey, CaseIterable { case firstYear, lastYear, basis }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let first = try container.int(.firstYear, in: 1900...9999)
    let last = try container.int(.lastYear, in: 1900...9999)
    _ = try container.decode(NonBlankText.self, forKey: .basis)
    guard first <= last else {
      throw refusal(
        try container.superDecoder(forKey: .lastYear),
        "period.lastYear \(last) is before period.firstYear \(first)")
    }
    firstYear = PlanYear(rawValue: first)
    lastYear = PlanYear(rawValue: last)
  }
}

/// `priorityMultiplier`: at least 1, with its basis.
struct PriorityMultiplier: Decodable {
  var value: ExactDecimal
  var basis: String

  enum CodingKeys: String, CodingKey, CaseIterable { case value, basis }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    value = try container.decode(DecimalText.self, forKey: .value).value
    guard value >= ExactDecimal(units: 1) else {
      throw refusal(
        try container.superDecoder(forKey: .value),
        "priorityMultiplier.value must be at least 1, found \(value)")
    }
    basis = try container.decode(NonBlankText.self, forKey: .basis).text
  }
}

extension District: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case code, name, kind, aliases, priority, priorityBasis }

  /// A submitting unit; a priority district names the basis of its priority.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let code = DistrictCode(rawValue: try container.decode(DigitsCode.self, forKey: .code).text)
    let name = try container.decode(NonBlankText.self, forKey: .name).text
    let aliases = try container.decodeIfPresent([NonBlankText].self, forKey: .aliases)?.map(\.text) ?? []
    let priority = try container.decode(Bool.self, forKey: .priority)
    let priorityBasis = try container.decodeIfPresent(String.self, forKey: .priorityBasis)
    if priority && (priorityBasis ?? "").allSatisfy(\.isWhitespace) {
      throw refusal(
        try container.superDecoder(forKey: .priority),
        "\(JSONNodeDecoder.pathText(decoder.codingPath)) (\(code)) is a priority district but has no priorityBasis (its legal source)"
      )
    }
    self.init(
      code: code, name: name, kind: try container.decode(NonBlankText.self, forKey: .kind).text,
      aliases: aliases,
      priority: priority, priorityBasis: priority ? priorityBasis : nil)
  }
}

extension Commune: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case code, name, kind, district, validFrom, validTo, successor
  }

  /// The kinds of commune-level unit.
  static let kinds = ["xã", "phường", "thị trấn"]

  /// One version of a commune: its district must be one of the programme's.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let code = CommuneCode(rawValue: try container.decode(DigitsCode.self, forKey: .code).text)
    let kind = try container.decode(String.self, forKey: .kind)
    guard Self.kinds.contains(kind) else {
      let kindDecoder = try container.superDecoder(forKey: .kind)
      throw refusal(
        kindDecoder,
        "\(JSONNodeDecoder.pathText(kindDecoder.codingPath)) must be one of "
          + Self.kinds.map { "\"\($0)\"" }.joined(separator: ", ") + ", found \"\(kind)\"")
    }
    let validFrom = try container.decodeIfPresent(DayText.self, forKey: .validFrom)?.day
    let validTo = try container.decodeIfPresent(DayText.self, forKey: .validTo)?.day
    if let from = validFrom, let to = validTo, to < from {
      let path = JSONNodeDecoder.pathText(decoder.codingPath)
      throw refusal(
        try container.superDecoder(forKey: .validTo),
        "\(path).validTo \(to) is before \(path).validFrom \(from)")
    }
    let successor = try container.decodeIfPresent(DigitsCode.self, forKey: .successor).map {
      CommuneCode(rawValue: $0.text)
    }
    let name = try container.decode(NonBlankText.self, forKey: .name).text
    self.init(
      code: code, name: name, kind: kind, district: try container.district(.district),
      validFrom: validFrom, validTo: validTo, successor: successor)
  }
}

extension DeadlineExtension: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case district, planYear, until, basis }

  /// A later deadline for one district, for one plan year of the period or every year.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let district = try container.district(.district)
    let planYear = container.contains(.planYear) ? try container.yearInPeriod(.planYear) : nil
    self.init(
      district: district, planYear: planYear, until: try container.decode(DayText.self, forKey: .until).day,
      basis: try container.decode(NonBlankText.self, forKey: .basis).text)
  }
}

extension DeadlineRule: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case day, month, yearOffset, inclusive, latePolicy, extensions, basis, firstPlanYear
  }

  /// When a plan is due, what a late one gets, and from which plan year the rule binds.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let month = try container.int(.month, in: 1...12)
    // A leap year, so 29 February is accepted as a deadline day.
    let day = try container.int(.day, in: 1...CivilDate.daysInMonth(year: 2000, month: month))
    let yearOffset = try container.int(.yearOffset, in: -5...5)
    let inclusive = try container.decode(Bool.self, forKey: .inclusive)
    let policyText = try container.decode(String.self, forKey: .latePolicy)
    guard let latePolicy = LatePolicy(rawValue: policyText) else {
      throw refusal(
        try container.superDecoder(forKey: .latePolicy),
        "deadline.latePolicy must be \"reject\" or \"warn\", found \"\(policyText)\"")
    }
    let extensions = try container.decodeIfPresent([DeadlineExtension].self, forKey: .extensions) ?? []
    // Before or inside the period: a later period keeps a rule that has bound since 2017.
    let firstPlanYear =
      container.contains(.firstPlanYear)
      ? PlanYear(rawValue: try container.int(.firstPlanYear, in: 1900...9999)) : nil
    self.init(
      month: month, day: day, yearOffset: yearOffset, inclusive: inclusive, latePolicy: latePolicy,
      extensions: extensions, basis: try container.decode(NonBlankText.self, forKey: .basis).text,
      firstPlanYear: firstPlanYear)
  }
}

extension AnnualEnvelope: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case planYear, fund, amount, basis }

  /// How much one fund may give in one plan year of the period.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      planYear: try container.yearInPeriod(.planYear),
      fund: try container.decode(FundName.self, forKey: .fund).fund,
      amount: try container.decode(MoneyAmount.self, forKey: .amount).money,
      basis: try container.decode(NonBlankText.self, forKey: .basis).text)
  }
}

extension BudgetFigures: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case total, activities, national, local, premises, annualEnvelopes, basis
  }

  /// Section IV of the decision: the programme's money, and optional annual envelopes.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func money(_ key: CodingKeys) throws -> Money {
      try container.decode(MoneyAmount.self, forKey: key).money
    }
    self.init(
      total: try money(.total), activities: try money(.activities), national: try money(.national),
      local: try money(.local), premises: try money(.premises),
      annualEnvelopes: try container.decodeIfPresent([AnnualEnvelope].self, forKey: .annualEnvelopes) ?? [],
      basis: try container.decode(NonBlankText.self, forKey: .basis).text)
  }
}
