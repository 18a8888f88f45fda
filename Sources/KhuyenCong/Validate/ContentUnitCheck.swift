/// `content.unit`: a line that names an indicator must use the unit of one of its measures
/// or a synonym ("người" for "lao động"); when the unit belongs to other indicators, the
/// message names them ("'lượt cơ sở' thuộc chỉ tiêu 4.3"). A line naming only a content area
/// is an activity of that area (counted in its budget, never towards a target) unless its
/// unit fits one of the area's measures: it has no unit to get wrong.
public struct ContentUnitCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for line in mapped.submission.lines {
      guard let code = line.indicator, let indicator = context.programme.indicator(code) else { continue }
      if context.content.measureIndex(line.unit, indicator) != nil { continue }
      var expected: [String] = []
      for measure in indicator.measures where !expected.contains(measure.unit) {
        expected.append(measure.unit)
      }
      var values = [
        "indicator": code.rawValue, "expected": expected.joined(separator: ", "),
      ]
      guard let unit = line.unit, !TextKey(unit).isEmpty else {
        // Only an indicator with several measures needs the unit to know what is counted.
        values["reason"] = "missing"
        found.append(
          Diagnostic(
            code: .contentUnit, severity: .error, position: mapped.position(of: line, .unit), values: values))
        continue
      }
      values["value"] = unit
      let fits = context.content.indicatorsFitting(unit)
      if !fits.isEmpty {
        values["reason"] = "elsewhere"
        values["fits"] = fits.map(\.rawValue).joined(separator: ", ")
      }
      found.append(
        Diagnostic(
          code: .contentUnit, severity: .error, position: mapped.position(of: line, .unit), values: values))
    }
    return found
  }
}
