/// How much of a file's diagnostics a report keeps (issue 9, SPEC §4 `report.truncated`).
///
/// A hostile or broken file can raise one problem per row: a million `row.ignored`, each
/// echoing a 32 767-character cell, made 395 MB of reports. So a file keeps at most
/// `maxPerFile` diagnostics (errors first in line when one would be dropped, so the verdict
/// never changes) and then one `report.truncated` counting the rest; every value taken from a
/// file is cut to `maxValueCharacters` with its line breaks shown as `↵`; and the text report
/// shows at most `maxPerCodeInText` of one code.
public enum DiagnosticBounds {
  /// Diagnostics kept per file (JSON report, store reports, results).
  public static let maxPerFile = 1_000
  /// Diagnostics of one code the text report shows for one file.
  public static let maxPerCodeInText = 20
  /// Characters kept of one value.
  public static let maxValueCharacters = 200
  /// Codes whose values come from the programme alone, never from a file (the Department's
  /// own text, finite): kept whole. `budget.unchecked` lists every cap the form cannot check
  /// with its clause and reason, which a cut would lose.
  public static let programmeValueCodes: Set<DiagnosticCode> = [.budgetUnchecked]

  /// `diagnostics` (already in report order) cut to `limit`, with one `report.truncated`
  /// (info) at the end counting what was left out, including the counts of any
  /// `report.truncated` raised earlier (the mapper's, for `row.ignored`). An error is kept
  /// whenever one exists, so a rejected file stays rejected.
  public static func bounded(_ diagnostics: [Diagnostic], file: String, limit: Int = maxPerFile)
    -> [Diagnostic]
  {
    var leftOut = 0
    var kept: [Diagnostic] = []
    kept.reserveCapacity(min(diagnostics.count, limit))
    var droppedError: Diagnostic?
    for diagnostic in diagnostics {
      if diagnostic.code == .reportTruncated {
        leftOut += Int(diagnostic.values["count"] ?? "") ?? 0
      } else if kept.count < limit {
        kept.append(diagnostic.withBoundedValues())
      } else {
        leftOut += 1
        if droppedError == nil && diagnostic.severity == .error { droppedError = diagnostic }
      }
    }
    if let droppedError, !kept.contains(where: { $0.severity == .error }), !kept.isEmpty {
      kept[kept.count - 1] = droppedError.withBoundedValues()
    }
    if leftOut > 0 {
      kept.append(
        Diagnostic(
          code: .reportTruncated, severity: .info, position: Position(file: file),
          values: ["count": String(leftOut), "limit": String(limit)]))
    }
    return kept
  }

  /// `text` as one line of at most `maxValueCharacters` characters: line breaks shown as `↵`,
  /// other control characters escaped (`\x1B`), and `…` where it was cut.
  public static func boundedValue(_ text: String) -> String {
    var out = ""
    var count = 0
    for character in text {
      if count == maxValueCharacters {
        out += "…"
        break
      }
      out += TerminalText.escaped(character, lineBreak: "↵")
      count += 1
    }
    return out
  }
}

extension Diagnostic {
  /// The same diagnostic with every value cut and escaped (`DiagnosticBounds.boundedValue`).
  public func withBoundedValues() -> Diagnostic {
    guard !DiagnosticBounds.programmeValueCodes.contains(code) else { return self }
    var copy = self
    for (key, value) in values where TerminalText.needsBounding(value) {
      copy.values[key] = DiagnosticBounds.boundedValue(value)
    }
    return copy
  }
}
