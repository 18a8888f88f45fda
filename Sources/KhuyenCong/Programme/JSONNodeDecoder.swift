/// A `Decoder` over the line-tracking JSON nodes of a programme file: programme types decode
/// themselves with `init(from:)`, and every refusal still names the file, the line and the
/// value's path (`contentAreas[3].indicators[2].measures[1].target`), as `ProgrammeError`.
///
/// Keys a type does not declare are refused when its `CodingKeys` are `CaseIterable` (every
/// programme type's are): a misspelt key must not be silently ignored (STYLE §7).
struct JSONNodeDecoder: Decoder {
  let node: JSONNode
  let file: String
  let codingPath: [any CodingKey]
  /// What values check themselves against (the programme's indicator codes, for a rule).
  var context: DecodingContext = DecodingContext()
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// Decodes `type` from `node`, found at `path` (`rules[2]`) in `file`.
  static func decode<T: Decodable>(
    _ type: T.Type, from node: JSONNode, path: [any CodingKey], file: String,
    context: DecodingContext = DecodingContext()
  ) throws(ProgrammeError) -> T {
    do {
      return try T(from: JSONNodeDecoder(node: node, file: file, codingPath: path, context: context))
    } catch let error as ProgrammeError {
      throw error
    } catch {
      throw ProgrammeError.invalid(file: file, line: node.line, reason: "\(pathText(path)): \(error)")
    }
  }

  /// `contentAreas[3].indicators[2].target`.
  static func pathText(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text.isEmpty ? "the programme" : text
  }

  func failure(_ line: Int, _ reason: String) -> ProgrammeError {
    ProgrammeError.invalid(file: file, line: line, reason: reason)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = node.value else {
      throw failure(node.line, "\(Self.pathText(codingPath)) must be an object, found \(node.kindName)")
    }
    if let declared = Key.self as? any (CodingKey & CaseIterable).Type {
      let names = Self.names(declared)
      if let unknown = members.first(where: { !names.contains($0.key) }) {
        throw failure(
          unknown.keyLine,
          "unknown key \"\(unknown.key)\"" + (codingPath.isEmpty ? "" : " in " + Self.pathText(codingPath))
            + "; expected one of: " + names.joined(separator: ", "))
      }
    }
    return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, members: members))
  }

  private static func names<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] {
    K.allCases.map(\.stringValue)
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = node.value else {
      throw failure(node.line, "\(Self.pathText(codingPath)) must be an array, found \(node.kindName)")
    }
    return UnkeyedContainer(decoder: self, elements: elements)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(decoder: self) }

  /// The decoder of a value inside this one.
  func child(_ node: JSONNode, key: any CodingKey) -> JSONNodeDecoder {
    JSONNodeDecoder(node: node, file: file, codingPath: codingPath + [key], context: context)
  }

  // MARK: Scalars

  func string() throws -> String {
    guard case .string(let value) = node.value else {
      throw failure(node.line, "\(Self.pathText(codingPath)) must be a string, found \(node.kindName)")
    }
    return value
  }

  func bool() throws -> Bool {
    guard case .bool(let value) = node.value else {
      throw failure(node.line, "\(Self.pathText(codingPath)) must be true or false, found \(node.kindName)")
    }
    return value
  }

  func int() throws -> Int {
    guard case .number(let literal) = node.value, let value = Int(literal) else {
      throw failure(node.line, "\(Self.pathText(codingPath)) must be a whole number, found \(node.kindName)")
    }
    return value
  }

  var isNull: Bool {
    if case .null = node.value { return true }
    return false
  }
}

/// What decoded values may check themselves against: codes declared elsewhere in the file.
struct DecodingContext: Sendable {
  var indicators: Set<IndicatorCode> = []
  var areas: Set<IndicatorCode> = []
  /// The districts, in programme order (named in messages).
  var districts: [DistrictCode] = []
  /// The programme period, once read.
  var period: ClosedRange<PlanYear>?
}

/// A member name, as a coding key.
struct NameKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// An index in an array, as a coding key.
struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { "\(intValue ?? 0)" }
  init(_ index: Int) { intValue = index }
  init?(intValue: Int) { self.intValue = intValue }
  init?(stringValue: String) { nil }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: JSONNodeDecoder
  let members: [JSONMember]
  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

  private func member(_ key: Key) throws -> JSONNode {
    guard let member = members.first(where: { $0.key == key.stringValue }) else {
      throw decoder.failure(
        decoder.node.line,
        "\(JSONNodeDecoder.pathText(codingPath)) is missing the required key \"\(key.stringValue)\"")
    }
    return member.node
  }

  private func child(_ key: Key) throws -> JSONNodeDecoder { decoder.child(try member(key), key: key) }

  func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).int() }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let child = try child(key)
    if type == String.self, let value = try child.string() as? T { return value }
    if type == Bool.self, let value = try child.bool() as? T { return value }
    if type == Int.self, let value = try child.int() as? T { return value }
    return try T(from: child)
  }

  // The other fixed-width types a programme never uses: refused with the path.
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw inexact(key) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw inexact(key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw inexact(key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw inexact(key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw inexact(key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw inexact(key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw inexact(key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw inexact(key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw inexact(key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw inexact(key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw inexact(key) }

  private func inexact(_ key: Key) -> ProgrammeError {
    decoder.failure(decoder.node.line, "\(key.stringValue): this programme format has no such number")
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    return try decode(type, forKey: key)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
  let decoder: JSONNodeDecoder
  let elements: [JSONNode]
  var currentIndex = 0
  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  init(decoder: JSONNodeDecoder, elements: [JSONNode]) {
    self.decoder = decoder
    self.elements = elements
  }

  private mutating func next() throws -> JSONNodeDecoder {
    guard !isAtEnd else {
      throw decoder.failure(decoder.node.line, "\(JSONNodeDecoder.pathText(codingPath)) has too few elements")
    }
    defer { currentIndex += 1 }
    return decoder.child(elements[currentIndex], key: IndexKey(currentIndex))
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, case .null = elements[currentIndex].value else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let child = try next()
    if type == String.self, let value = try child.string() as? T { return value }
    if type == Bool.self, let value = try child.bool() as? T { return value }
    if type == Int.self, let value = try child.int() as? T { return value }
    return try T(from: child)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next().unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleValue: SingleValueDecodingContainer {
  let decoder: JSONNodeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.isNull }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
  func decode(_ type: String.Type) throws -> String { try decoder.string() }
  func decode(_ type: Int.Type) throws -> Int { try decoder.int() }
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if type == String.self, let value = try decoder.string() as? T { return value }
    if type == Bool.self, let value = try decoder.bool() as? T { return value }
    if type == Int.self, let value = try decoder.int() as? T { return value }
    return try T(from: decoder)
  }
  func decode(_ type: Double.Type) throws -> Double { throw inexact() }
  func decode(_ type: Float.Type) throws -> Float { throw inexact() }
  func decode(_ type: Int8.Type) throws -> Int8 { throw inexact() }
  func decode(_ type: Int16.Type) throws -> Int16 { throw inexact() }
  func decode(_ type: Int32.Type) throws -> Int32 { throw inexact() }
  func decode(_ type: Int64.Type) throws -> Int64 { throw inexact() }
  func decode(_ type: UInt.Type) throws -> UInt { throw inexact() }
  func decode(_ type: UInt8.Type) throws -> UInt8 { throw inexact() }
  func decode(_ type: UInt16.Type) throws -> UInt16 { throw inexact() }
  func decode(_ type: UInt32.Type) throws -> UInt32 { throw inexact() }
  func decode(_ type: UInt64.Type) throws -> UInt64 { throw inexact() }

  private func inexact() -> ProgrammeError {
    decoder.failure(
      decoder.node.line, "\(JSONNodeDecoder.pathText(codingPath)): this programme format has no such number")
  }
}
