/// Maps a parsed programme file onto `Programme`, checking every value and cross-reference.
///
/// One method per section of the file; each throws `ProgrammeError` at the line of the value
/// it refuses. Cross-references (a commune's district, a rule's indicator) are checked after
/// the section they point into has been read, so the message can say what exists.
struct ProgrammeDecoder {
  let file: String

  /// The file format version this decoder reads.
  static let formatVersion = 1

  func programme(_ root: JSONNode) throws(ProgrammeError) -> Programme {
    let top = try JSONObjectReader(
      root, path: "", file: file,
      allowed: [
        "$schema", "formatVersion", "id", "title", "basis", "province", "period", "districts",
        "communes", "deadline", "contentAreas", "unitSynonyms", "budget", "priorityMultiplier",
        "rules", "capPeriods",
      ])
    if let schema = top.optional("$schema") { _ = try top.stringValue(schema, path: "$schema") }
    let version = try top.int("formatVersion", in: Int.min...Int.max)
    guard version == Self.formatVersion else {
      throw top.failure(
        try top.required("formatVersion").line,
        "formatVersion \(version) is not supported; this program reads formatVersion \(Self.formatVersion)")
    }
    let id = try top.text("id")
    let title = try top.text("title")
    let basis = try top.text("basis")
    let province = try self.province(top)
    let (firstYear, lastYear) = try period(top)
    let districts = try self.districts(top)
    let communes = try CommuneRegisterDecoder(file: file).communes(top, districts: districts)
    let deadline = try self.deadline(top, districts: districts, period: firstYear...lastYear)
    let contentAreas = try ContentAreaDecoder(file: file).contentAreas(top)
    let unitSynonyms = try self.unitSynonyms(top)
    let budget = try self.budget(top, period: firstYear...lastYear)
    let multiplier = try top.object("priorityMultiplier", allowed: ["value", "basis"])
    let multiplierNode = try multiplier.required("value")
    let priorityMultiplier = try multiplier.decimalValue(multiplierNode, path: multiplier.path("value"))
    guard priorityMultiplier >= ExactDecimal(units: 1) else {
      throw top.failure(
        multiplierNode.line, "priorityMultiplier.value must be at least 1, found \(priorityMultiplier)")
    }
    let rules = try BudgetRuleDecoder(file: file).rules(
      top, indicators: Set(contentAreas.flatMap(\.indicators).map(\.code)),
      areas: Set(contentAreas.map(\.code)))
    let capPeriods = try BudgetRuleDecoder(file: file).capPeriods(top, period: firstYear...lastYear)
    return Programme(
      id: id, title: title, basis: basis, province: province, districts: districts,
      communes: communes, firstYear: firstYear, lastYear: lastYear, deadline: deadline,
      contentAreas: contentAreas, budget: budget, rules: rules,
      priorityMultiplier: priorityMultiplier, priorityMultiplierBasis: try multiplier.text("basis"),
      unitSynonyms: unitSynonyms, capPeriods: capPeriods)
  }

  // MARK: Sections

  private func province(_ top: JSONObjectReader) throws(ProgrammeError) -> Province {
    let object = try top.object("province", allowed: ["code", "name"])
    return Province(code: try digits(object, "code"), name: try object.text("name"))
  }

  private func period(_ top: JSONObjectReader) throws(ProgrammeError) -> (PlanYear, PlanYear) {
    let object = try top.object("period", allowed: ["firstYear", "lastYear", "basis"])
    let first = try object.int("firstYear", in: 1900...9999)
    let last = try object.int("lastYear", in: 1900...9999)
    _ = try object.text("basis")
    guard first <= last else {
      throw object.failure(
        try object.required("lastYear").line,
        "period.lastYear \(last) is before period.firstYear \(first)")
    }
    return (PlanYear(rawValue: first), PlanYear(rawValue: last))
  }

  private func districts(_ top: JSONObjectReader) throws(ProgrammeError) -> [District] {
    let nodes = try top.array("districts")
    guard !nodes.isEmpty else {
      throw top.failure(try top.required("districts").line, "districts must list at least one district")
    }
    var districts: [District] = []
    var codeLines: [DistrictCode: Int] = [:]
    // Lower-cased name or alias -> the district that claims it: one spelling must not
    // name two districts, or matching a submission's district would be a guess.
    var spellings: [String: DistrictCode] = [:]
    for (offset, node) in nodes.enumerated() {
      let object = try JSONObjectReader(
        node, path: "districts[\(offset)]", file: file,
        allowed: [
          "code", "name", "kind", "aliases", "priority", "priorityBasis",
        ])
      let code = DistrictCode(rawValue: try digits(object, "code"))
      let codeLine = try object.required("code").line
      if let first = codeLines[code] {
        throw object.failure(codeLine, "district code \(code) is used twice (first on line \(first))")
      }
      codeLines[code] = codeLine
      let name = try object.text("name")
      let aliases = object.optional("aliases") == nil ? [] : try object.strings("aliases")
      for spelling in [name] + aliases {
        let key = spelling.lowercased()
        if let other = spellings[key], other != code {
          throw object.failure(
            node.line, "\(object.path) (\(code)): \"\(spelling)\" already names district \(other)")
        }
        spellings[key] = code
      }
      let priority = try object.bool("priority")
      let priorityBasis = try object.optionalString("priorityBasis")
      if priority && (priorityBasis ?? "").allSatisfy(\.isWhitespace) {
        throw object.failure(
          try object.required("priority").line,
          "\(object.path) (\(code)) is a priority district but has no priorityBasis (its legal source)")
      }
      districts.append(
        District(
          code: code, name: name, kind: try object.text("kind"), aliases: aliases,
          priority: priority, priorityBasis: priority ? priorityBasis : nil))
    }
    return districts
  }

  private func deadline(_ top: JSONObjectReader, districts: [District], period: ClosedRange<PlanYear>)
    throws(ProgrammeError) -> DeadlineRule
  {
    let object = try top.object(
      "deadline",
      allowed: [
        "day", "month", "yearOffset", "inclusive", "latePolicy", "extensions", "basis", "firstPlanYear",
      ])
    let month = try object.int("month", in: 1...12)
    // A leap year, so 29 February is accepted as a deadline day.
    let day = try object.int("day", in: 1...CivilDate.daysInMonth(year: 2000, month: month))
    let yearOffset = try object.int("yearOffset", in: -5...5)
    let inclusive = try object.bool("inclusive")
    let policyNode = try object.required("latePolicy")
    let policyText = try object.stringValue(policyNode, path: object.path("latePolicy"))
    guard let latePolicy = LatePolicy(rawValue: policyText) else {
      throw object.failure(
        policyNode.line, "deadline.latePolicy must be \"reject\" or \"warn\", found \"\(policyText)\"")
    }
    var extensions: [DeadlineExtension] = []
    for (offset, node) in try object.optionalArray("extensions").enumerated() {
      let item = try JSONObjectReader(
        node, path: "deadline.extensions[\(offset)]", file: file,
        allowed: ["district", "planYear", "until", "basis"])
      let district = try districtReference(item, "district", districts: districts)
      var planYear: PlanYear?
      if item.optional("planYear") != nil {
        let year = PlanYear(rawValue: try item.int("planYear", in: 1900...9999))
        guard period.contains(year) else {
          throw item.failure(
            try item.required("planYear").line,
            "\(item.path("planYear")) \(year) is outside the programme period \(period.lowerBound)–\(period.upperBound)"
          )
        }
        planYear = year
      }
      extensions.append(
        DeadlineExtension(
          district: district, planYear: planYear, until: try item.date("until"), basis: try item.text("basis")
        ))
    }
    var firstPlanYear: PlanYear?
    if object.optional("firstPlanYear") != nil {
      // Before or inside the period: a later period keeps a rule that has bound since 2017.
      firstPlanYear = PlanYear(rawValue: try object.int("firstPlanYear", in: 1900...9999))
    }
    return DeadlineRule(
      month: month, day: day, yearOffset: yearOffset, inclusive: inclusive, latePolicy: latePolicy,
      extensions: extensions, basis: try object.text("basis"), firstPlanYear: firstPlanYear)
  }

  private func unitSynonyms(_ top: JSONObjectReader) throws(ProgrammeError) -> [[String]] {
    var groups: [[String]] = []
    for (offset, node) in try top.optionalArray("unitSynonyms").enumerated() {
      let path = "unitSynonyms[\(offset)]"
      let elements = try top.arrayValue(node, path: path)
      guard elements.count >= 2 else {
        throw top.failure(node.line, "\(path) must list at least two units that mean the same")
      }
      var group: [String] = []
      for (index, element) in elements.enumerated() {
        group.append(try top.stringValue(element, path: "\(path)[\(index)]"))
      }
      groups.append(group)
    }
    return groups
  }

  private func budget(_ top: JSONObjectReader, period: ClosedRange<PlanYear>) throws(ProgrammeError)
    -> BudgetFigures
  {
    let object = try top.object(
      "budget",
      allowed: [
        "total", "activities", "national", "local", "premises", "annualEnvelopes", "basis",
      ])
    var envelopes: [AnnualEnvelope] = []
    for (offset, node) in try object.optionalArray("annualEnvelopes").enumerated() {
      let item = try JSONObjectReader(
        node, path: "budget.annualEnvelopes[\(offset)]", file: file,
        allowed: ["planYear", "fund", "amount", "basis"])
      let year = PlanYear(rawValue: try item.int("planYear", in: 1900...9999))
      guard period.contains(year) else {
        throw item.failure(
          try item.required("planYear").line,
          "\(item.path("planYear")) \(year) is outside the programme period \(period.lowerBound)–\(period.upperBound)"
        )
      }
      envelopes.append(
        AnnualEnvelope(
          planYear: year, fund: try fund(item, "fund"), amount: try item.money("amount"),
          basis: try item.text("basis")))
    }
    return BudgetFigures(
      total: try object.money("total"), activities: try object.money("activities"),
      national: try object.money("national"), local: try object.money("local"),
      premises: try object.money("premises"), annualEnvelopes: envelopes,
      basis: try object.text("basis"))
  }

  // MARK: Shared value checks

  /// A code made of ASCII digits only (GSO codes: `08`, `071`, `02266`).
  func digits(_ object: JSONObjectReader, _ key: String) throws(ProgrammeError) -> String {
    let node = try object.required(key)
    let value = try object.stringValue(node, path: object.path(key))
    guard !value.isEmpty, value.allSatisfy(\.isASCIIDigitCharacter) else {
      throw object.failure(
        node.line,
        "\(object.path(key)) must be a code of digits written as a string (\"071\"), found \"\(value)\"")
    }
    return value
  }

  /// A district code that must name one of `districts`.
  func districtReference(_ object: JSONObjectReader, _ key: String, districts: [District])
    throws(ProgrammeError) -> DistrictCode
  {
    let node = try object.required(key)
    let code = DistrictCode(rawValue: try object.stringValue(node, path: object.path(key)))
    guard districts.contains(where: { $0.code == code }) else {
      throw object.failure(
        node.line,
        "\(object.path(key)) \"\(code)\" is not one of the programme's districts ("
          + districts.map(\.code.rawValue).joined(separator: ", ") + ")")
    }
    return code
  }

  /// A fund source name (`national`, `local`, `counterpart`, `other`).
  func fund(_ object: JSONObjectReader, _ key: String) throws(ProgrammeError) -> FundSource {
    let node = try object.required(key)
    let text = try object.stringValue(node, path: object.path(key))
    guard let fund = FundSource(rawValue: text) else {
      throw object.failure(
        node.line,
        "\(object.path(key)) must be one of "
          + FundSource.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ", found \"\(text)\"")
    }
    return fund
  }
}
