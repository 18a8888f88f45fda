/// Maps a parsed programme file onto `Programme`, checking every value and cross-reference.
///
/// Every section decodes itself (`Decodable`, through `JSONNodeDecoder` over the
/// line-tracking nodes, issue 8): a change of the format is a change of the type it describes.
/// What spans several values stays here, section by section, at the line of the value refused:
/// codes and spellings unique, the commune register's versions, and references into sections
/// read before (a commune's district, a rule's indicator), so the message can say what exists.
struct ProgrammeDecoder {
  let file: String

  /// The file format version this decoder reads.
  static let formatVersion = 1

  /// The keys of the top-level object.
  enum TopKeys: String, CodingKey, CaseIterable {
    case schema = "$schema"
    case formatVersion, id, title, basis, province, period, districts, communes, deadline, contentAreas
    case unitSynonyms, budget, priorityMultiplier, rules, capPeriods
  }

  /// The top-level object: its keys checked, its values by key.
  struct TopLevel {
    let file: String
    let root: JSONNode
    let members: [String: JSONMember]

    init(_ root: JSONNode, file: String) throws(ProgrammeError) {
      self.file = file
      self.root = root
      // Refuses a non-object and unknown keys, with their lines.
      do {
        _ = try JSONNodeDecoder(node: root, file: file, codingPath: []).container(keyedBy: TopKeys.self)
      } catch let error as ProgrammeError {
        throw error
      } catch {
        throw ProgrammeError.invalid(file: file, line: root.line, reason: "\(error)")
      }
      var members: [String: JSONMember] = [:]
      if case .object(let list) = root.value { for member in list { members[member.key] = member } }
      self.members = members
    }

    func failure(_ line: Int, _ reason: String) -> ProgrammeError {
      ProgrammeError.invalid(file: file, line: line, reason: reason)
    }

    /// The value of `key`; `nil` when absent or null.
    func node(_ key: TopKeys) -> JSONNode? {
      guard let node = members[key.rawValue]?.node else { return nil }
      if case .null = node.value { return nil }
      return node
    }

    func required(_ key: TopKeys) throws(ProgrammeError) -> JSONNode {
      guard let node = node(key) else {
        throw failure(root.line, "the programme is missing the required key \"\(key.rawValue)\"")
      }
      return node
    }

    /// Decodes the value of `key` as `T`.
    func decode<T: Decodable>(_ type: T.Type, _ key: TopKeys, context: DecodingContext = DecodingContext())
      throws(ProgrammeError) -> T
    {
      try JSONNodeDecoder.decode(
        type, from: try required(key), path: [NameKey(key.rawValue)], file: file, context: context)
    }

    /// The elements of the array at `key` (`[]` when an optional one is absent).
    func array(_ key: TopKeys, required: Bool = true) throws(ProgrammeError) -> [JSONNode] {
      guard let node = required ? try self.required(key) : self.node(key) else { return [] }
      guard case .array(let elements) = node.value else {
        throw failure(node.line, "\(key.rawValue) must be an array, found \(node.kindName)")
      }
      return elements
    }
  }

  func programme(_ root: JSONNode) throws(ProgrammeError) -> Programme {
    let top = try TopLevel(root, file: file)
    if top.node(.schema) != nil { _ = try top.decode(String.self, .schema) }
    let version = try top.decode(Int.self, .formatVersion)
    guard version == Self.formatVersion else {
      throw top.failure(
        try top.required(.formatVersion).line,
        "formatVersion \(version) is not supported; this program reads formatVersion \(Self.formatVersion)")
    }
    let id = try top.decode(NonBlankText.self, .id).text
    let title = try top.decode(NonBlankText.self, .title).text
    let basis = try top.decode(NonBlankText.self, .basis).text
    let province = try top.decode(Province.self, .province)
    let period = try top.decode(ProgrammePeriod.self, .period)
    var context = DecodingContext()
    context.period = period.firstYear...period.lastYear
    let districts = try self.districts(top)
    context.districts = districts.map(\.code)
    let communes = try CommuneRegisterDecoder(file: file).communes(top, context: context)
    let deadline = try top.decode(DeadlineRule.self, .deadline, context: context)
    let contentAreas = try ContentAreaDecoder(file: file).contentAreas(top)
    context.indicators = Set(contentAreas.flatMap(\.indicators).map(\.code))
    context.areas = Set(contentAreas.map(\.code))
    let unitSynonyms = try self.unitSynonyms(top)
    let budget = try top.decode(BudgetFigures.self, .budget, context: context)
    let multiplier = try top.decode(PriorityMultiplier.self, .priorityMultiplier)
    let rules = try BudgetRuleDecoder(file: file).rules(top, context: context)
    let capPeriods = try BudgetRuleDecoder(file: file).capPeriods(top)
    return Programme(
      id: id, title: title, basis: basis, province: province, districts: districts,
      communes: communes, firstYear: period.firstYear, lastYear: period.lastYear, deadline: deadline,
      contentAreas: contentAreas, budget: budget, rules: rules,
      priorityMultiplier: multiplier.value, priorityMultiplierBasis: multiplier.basis,
      unitSynonyms: unitSynonyms, capPeriods: capPeriods)
  }

  // MARK: Sections with checks across values

  /// The districts: codes unique, and no spelling names two districts, or matching a
  /// submission's district would be a guess.
  private func districts(_ top: TopLevel) throws(ProgrammeError) -> [District] {
    let nodes = try top.array(.districts)
    guard !nodes.isEmpty else {
      throw top.failure(try top.required(.districts).line, "districts must list at least one district")
    }
    var districts: [District] = []
    var codeLines: [DistrictCode: Int] = [:]
    var spellings: [String: DistrictCode] = [:]
    for (offset, node) in nodes.enumerated() {
      let district = try JSONNodeDecoder.decode(
        District.self, from: node, path: [NameKey("districts"), IndexKey(offset)], file: file)
      let code = district.code
      let codeLine = ContentAreaDecoder.member("code", of: node)?.line ?? node.line
      if let first = codeLines[code] {
        throw top.failure(codeLine, "district code \(code) is used twice (first on line \(first))")
      }
      codeLines[code] = codeLine
      for spelling in [district.name] + district.aliases {
        let key = spelling.lowercased()
        if let other = spellings[key], other != code {
          throw top.failure(
            node.line, "districts[\(offset)] (\(code)): \"\(spelling)\" already names district \(other)")
        }
        spellings[key] = code
      }
      districts.append(district)
    }
    return districts
  }

  /// Groups of at least two units that mean the same for every indicator.
  private func unitSynonyms(_ top: TopLevel) throws(ProgrammeError) -> [[String]] {
    var groups: [[String]] = []
    for (offset, node) in try top.array(.unitSynonyms, required: false).enumerated() {
      let group = try JSONNodeDecoder.decode(
        [String].self, from: node, path: [NameKey("unitSynonyms"), IndexKey(offset)], file: file)
      guard group.count >= 2 else {
        throw top.failure(
          node.line, "unitSynonyms[\(offset)] must list at least two units that mean the same")
      }
      groups.append(group)
    }
    return groups
  }
}
