/// `content.unit`: the line's unit must be the indicator's unit or one of its synonyms
/// ("người" for "lao động"); a line with an area but no indicator must use a unit of one of
/// the area's indicators.
public struct ContentUnitCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for line in mapped.submission.lines {
      guard let unit = line.unit, let areaCode = line.contentArea,
        let area = context.programme.contentArea(areaCode)
      else { continue }
      let candidates =
        line.indicator.flatMap { context.programme.indicator($0) }.map { [$0] }
        ?? area.indicators
      guard !candidates.isEmpty, !candidates.contains(where: { context.content.unitFits(unit, $0) })
      else { continue }
      found.append(
        Diagnostic(
          code: .contentUnit, severity: .error, position: mapped.position(of: line, .unit),
          values: [
            "value": unit, "indicator": (line.indicator ?? areaCode).rawValue,
            "expected": candidates.map(\.unit).joined(separator: ", "),
          ]))
    }
    return found
  }
}
