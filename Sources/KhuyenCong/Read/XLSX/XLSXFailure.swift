import KhuyenCongXML

/// A problem that stops reading one part of an xlsx file, carried out as its diagnostic.
struct XLSXFailure: Error {
  /// What the district is told, with the part named in `values["part"]`.
  var diagnostic: Diagnostic

  /// `file.unreadable` for a part that is missing, too large or damaged.
  static func unreadable(file: String, part: String?, reason: String) -> XLSXFailure {
    var values = ["reason": reason]
    if let part { values["part"] = part }
    return XLSXFailure(
      diagnostic: Diagnostic(
        code: .fileUnreadable, severity: .error, position: Position(file: file), values: values))
  }

  /// `file.unreadable` for a part the zip could not give whole: too large or damaged.
  static func package(_ failure: XLSXPackage.Failure, file: String, part: String) -> XLSXFailure {
    switch failure {
    case .tooLarge(let limit):
      return .unreadable(
        file: file, part: part, reason: "expands to more than \(limit) bytes (limit)")
    case .damaged(let reason):
      return .unreadable(file: file, part: part, reason: reason)
    }
  }

  /// `xml.malformed` for a part libxml2 refused, at the line where it stopped.
  static func malformed(file: String, part: String, sheet: String? = nil, reader: XMLPullReader)
    -> XLSXFailure
  {
    let issue = reader.failure
    let line = issue.map(\.line) ?? reader.line
    return XLSXFailure(
      diagnostic: Diagnostic(
        code: .xmlMalformed, severity: .error,
        position: Position(file: file, sheet: sheet, line: line > 0 ? line : nil),
        values: ["part": part, "reason": issue?.message ?? "malformed XML"]))
  }
}
