/// Typed, checked access to one JSON object of a programme file.
///
/// Every accessor throws `ProgrammeError.invalid` with the line of the offending value and a
/// reason that names the value's path (`districts[2].code`), so a person can find it without
/// counting. Keys not in `allowed` are refused on creation: a misspelt key must not be
/// silently ignored (STYLE §7).
struct JSONObjectReader {
  let file: String
  /// Where this object sits (`deadline`, `contentAreas[0].indicators[1]`); empty at the root.
  let path: String
  /// The line of the object's opening brace, where "missing key" errors point.
  let line: Int
  private let members: [String: JSONMember]

  /// Wraps `node`, which must be an object whose keys are all in `allowed` (`nil` only to
  /// peek at a discriminating key before the real check, as for a rule's `kind`).
  init(_ node: JSONNode, path: String, file: String, allowed: [String]?) throws(ProgrammeError) {
    self.file = file
    self.path = path
    self.line = node.line
    guard case .object(let list) = node.value else {
      throw ProgrammeError.invalid(
        file: file, line: node.line,
        reason: "\(path.isEmpty ? "the programme" : path) must be an object, found \(node.kindName)")
    }
    var members: [String: JSONMember] = [:]
    for member in list {
      if let allowed, !allowed.contains(member.key) {
        throw ProgrammeError.invalid(
          file: file, line: member.keyLine,
          reason: "unknown key \"\(member.key)\"\(path.isEmpty ? "" : " in " + path); expected one of: "
            + allowed.joined(separator: ", "))
      }
      members[member.key] = member
    }
    self.members = members
  }

  /// The full path of `key`, for messages.
  func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// An error at `line` about the value at `path`.
  func failure(_ line: Int, _ reason: String) -> ProgrammeError {
    ProgrammeError.invalid(file: file, line: line, reason: reason)
  }

  /// The value of `key`, which must be present and not null.
  func required(_ key: String) throws(ProgrammeError) -> JSONNode {
    guard let member = members[key] else {
      throw failure(line, "\(path.isEmpty ? "the programme" : path) is missing the required key \"\(key)\"")
    }
    if case .null = member.node.value {
      throw failure(member.node.line, "\(path(key)) must not be null")
    }
    return member.node
  }

  /// The value of `key`, which must be present; `nil` when it is null. For values whose
  /// absence is more likely a mistake than a choice (an indicator's target).
  func nullable(_ key: String) throws(ProgrammeError) -> JSONNode? {
    guard let member = members[key] else {
      throw failure(
        line,
        "\(path.isEmpty ? "the programme" : path) is missing the required key \"\(key)\" (write null when there is none)"
      )
    }
    if case .null = member.node.value { return nil }
    return member.node
  }

  /// The value of `key`, or `nil` when it is absent or null.
  func optional(_ key: String) -> JSONNode? {
    guard let node = members[key]?.node else { return nil }
    if case .null = node.value { return nil }
    return node
  }

  // MARK: Typed values

  func string(_ key: String) throws(ProgrammeError) -> String {
    try stringValue(try required(key), path: path(key))
  }

  func optionalString(_ key: String) throws(ProgrammeError) -> String? {
    guard let node = optional(key) else { return nil }
    return try stringValue(node, path: path(key))
  }

  /// A string that must not be empty or blank (names, codes, legal bases).
  func text(_ key: String) throws(ProgrammeError) -> String {
    let node = try required(key)
    let value = try stringValue(node, path: path(key))
    guard !value.allSatisfy(\.isWhitespace) else {
      throw failure(node.line, "\(path(key)) must not be empty")
    }
    return value
  }

  func stringValue(_ node: JSONNode, path: String) throws(ProgrammeError) -> String {
    guard case .string(let value) = node.value else {
      throw failure(node.line, "\(path) must be a string, found \(node.kindName)")
    }
    return value
  }

  func bool(_ key: String) throws(ProgrammeError) -> Bool {
    let node = try required(key)
    guard case .bool(let value) = node.value else {
      throw failure(node.line, "\(path(key)) must be true or false, found \(node.kindName)")
    }
    return value
  }

  /// A whole JSON number in `range` (days, months, years, offsets).
  func int(_ key: String, in range: ClosedRange<Int>) throws(ProgrammeError) -> Int {
    let node = try required(key)
    guard case .number(let literal) = node.value else {
      throw failure(node.line, "\(path(key)) must be a whole number, found \(node.kindName)")
    }
    guard let value = Int(literal) else {
      throw failure(node.line, "\(path(key)) must be a whole number, found \(literal)")
    }
    guard range.contains(value) else {
      throw failure(
        node.line, "\(path(key)) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
    }
    return value
  }

  /// An exact decimal written as a string (`"1.5"`, `"30"`); a JSON number is refused so
  /// that no figure passes through binary floating point (STYLE §3).
  func decimal(_ key: String) throws(ProgrammeError) -> ExactDecimal {
    try decimalValue(try required(key), path: path(key))
  }

  func optionalDecimal(_ key: String) throws(ProgrammeError) -> ExactDecimal? {
    guard let node = optional(key) else { return nil }
    return try decimalValue(node, path: path(key))
  }

  func decimalValue(_ node: JSONNode, path: String) throws(ProgrammeError) -> ExactDecimal {
    switch node.value {
    case .string(let text):
      guard text.first != "+", !text.contains(where: { $0 == "e" || $0 == "E" }),
        let value = ExactDecimal(literal: text)
      else {
        throw failure(
          node.line, "\(path) must be a decimal number such as \"30\" or \"1.5\", found \"\(text)\"")
      }
      return value
    case .number(let literal):
      throw failure(
        node.line,
        "\(path) must be a decimal string (\"\(literal)\"), not a JSON number, so that it stays exact")
    default:
      throw failure(node.line, "\(path) must be a decimal string, found \(node.kindName)")
    }
  }

  /// An amount of money: `{"amount": "500", "unit": "triệu đồng"}`.
  func money(_ key: String) throws(ProgrammeError) -> Money {
    try moneyValue(try required(key), path: path(key))
  }

  func optionalMoney(_ key: String) throws(ProgrammeError) -> Money? {
    guard let node = optional(key) else { return nil }
    return try moneyValue(node, path: path(key))
  }

  func moneyValue(_ node: JSONNode, path: String) throws(ProgrammeError) -> Money {
    let object = try JSONObjectReader(node, path: path, file: file, allowed: ["amount", "unit"])
    let amountNode = try object.required("amount")
    let amount = try object.decimalValue(amountNode, path: object.path("amount"))
    let unitNode = try object.required("unit")
    let unitText = try object.stringValue(unitNode, path: object.path("unit"))
    guard let unit = MoneyUnit.allCases.first(where: { $0.vietnameseName == unitText }) else {
      throw failure(
        unitNode.line,
        "\(object.path("unit")) must be one of "
          + MoneyUnit.allCases.map { "\"\($0.vietnameseName)\"" }.joined(separator: ", ")
          + ", found \"\(unitText)\"")
    }
    guard amount.units >= 0 else {
      throw failure(amountNode.line, "\(object.path("amount")) must not be negative")
    }
    guard let money = Money(amount, unit: unit) else {
      throw failure(amountNode.line, "\(object.path("amount")) is finer than one đồng or too large")
    }
    return money
  }

  /// A calendar day written `YYYY-MM-DD`.
  func date(_ key: String) throws(ProgrammeError) -> CivilDate {
    try dateValue(try required(key), path: path(key))
  }

  func optionalDate(_ key: String) throws(ProgrammeError) -> CivilDate? {
    guard let node = optional(key) else { return nil }
    return try dateValue(node, path: path(key))
  }

  func dateValue(_ node: JSONNode, path: String) throws(ProgrammeError) -> CivilDate {
    let text = try stringValue(node, path: path)
    guard text.count == 10, let day = CivilDate(iso: text) else {
      throw failure(node.line, "\(path) must be a date written YYYY-MM-DD, found \"\(text)\"")
    }
    return day
  }

  /// The elements of an array.
  func array(_ key: String) throws(ProgrammeError) -> [JSONNode] {
    try arrayValue(try required(key), path: path(key))
  }

  /// The elements of an optional array; empty when absent.
  func optionalArray(_ key: String) throws(ProgrammeError) -> [JSONNode] {
    guard let node = optional(key) else { return [] }
    return try arrayValue(node, path: path(key))
  }

  func arrayValue(_ node: JSONNode, path: String) throws(ProgrammeError) -> [JSONNode] {
    guard case .array(let elements) = node.value else {
      throw failure(node.line, "\(path) must be an array, found \(node.kindName)")
    }
    return elements
  }

  /// An array of non-empty strings (aliases, unit aliases).
  func strings(_ key: String) throws(ProgrammeError) -> [String] {
    let elements = try array(key)
    var values: [String] = []
    for (offset, node) in elements.enumerated() {
      let value = try stringValue(node, path: "\(path(key))[\(offset)]")
      guard !value.allSatisfy(\.isWhitespace) else {
        throw failure(node.line, "\(path(key))[\(offset)] must not be empty")
      }
      values.append(value)
    }
    return values
  }

  /// The object at `key`, checked against its allowed keys.
  func object(_ key: String, allowed: [String]) throws(ProgrammeError) -> JSONObjectReader {
    try JSONObjectReader(try required(key), path: path(key), file: file, allowed: allowed)
  }
}
