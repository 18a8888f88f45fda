extension Programme {
  /// Loads a programme definition from its JSON text (format: `schemas/programme.schema.json`).
  ///
  /// The file is checked in full before anything is used: syntax, keys, types, codes that
  /// refer to one another, dates and periods. The first problem found is thrown with the
  /// line of the offending value.
  ///
  /// - Parameters:
  ///   - json: the file's bytes, UTF-8 (a byte-order mark is allowed).
  ///   - file: the name to put in errors (`programme-2021.json`).
  /// - Returns: the programme, every figure exact.
  /// - Throws: `ProgrammeError.invalid(file:line:reason:)`.
  public static func load(json: [UInt8], file: String) throws(ProgrammeError) -> Programme {
    let root: JSONNode
    do {
      root = try LineTrackingJSONParser.parse(json)
    } catch {
      throw ProgrammeError.invalid(file: file, line: error.line, reason: "invalid JSON: " + error.reason)
    }
    return try ProgrammeDecoder(file: file).programme(root)
  }
}
