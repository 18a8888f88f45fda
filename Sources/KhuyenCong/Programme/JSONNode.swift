/// One JSON value of a programme file, with the line it starts on.
///
/// Kept as a small tree (not `Any`) so the mapping into `Programme` can name the line of
/// every value it refuses (SPEC §2). Numbers keep their literal text: a figure is never
/// turned into a `Double` on the way in (STYLE §3).
struct JSONNode: Hashable, Sendable {
  /// 1-based line of the value's first character.
  var line: Int
  var value: Value

  /// The kinds of JSON value.
  enum Value: Hashable, Sendable {
    /// Members in file order (duplicate keys are refused by the parser).
    case object([JSONMember])
    case array([JSONNode])
    /// NFC-normalised text.
    case string(String)
    /// The number exactly as written (`2016`, `-1`, `1.5e3`).
    case number(String)
    case bool(Bool)
    case null
  }

  /// What a person calls this kind of value in an error message.
  var kindName: String {
    switch value {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "a boolean"
    case .null: return "null"
    }
  }
}

/// One `"key": value` pair of a JSON object.
struct JSONMember: Hashable, Sendable {
  var key: String
  /// The line of the key, where an "unknown key" error points.
  var keyLine: Int
  var node: JSONNode
}
