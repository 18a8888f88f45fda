/// `content.unit`: a line that names an indicator must use the unit of one of its measures
/// or a synonym ("người" for "lao động"); when the unit belongs to other indicators, the
/// message names them ("'lượt cơ sở' thuộc chỉ tiêu 4.3"). A line naming only a content area
/// is an activity of that area (counted in its budget, never towards a target) unless its
/// unit fits one of the area's measures: it has no unit to get wrong.
struct ContentUnitCheck: LineCheck {
  func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    let line = built.line
    let content = context.validation.content
    guard let code = line.indicator, let indicator = context.programme.indicator(code),
      content.measureIndex(line.unit, indicator) == nil
    else { return [] }
    var expected: [String] = []
    for measure in indicator.measures where !expected.contains(measure.unit) {
      expected.append(measure.unit)
    }
    var values = [
      "indicator": code.rawValue, "expected": expected.joined(separator: ", "),
    ]
    if let unit = line.unit, !TextKey(unit).isEmpty {
      values["value"] = unit
      let fits = content.indicatorsFitting(unit)
      if !fits.isEmpty {
        values["reason"] = "elsewhere"
        values["fits"] = fits.map(\.rawValue).joined(separator: ", ")
      }
    } else {
      // Only an indicator with several measures needs the unit to know what is counted.
      values["reason"] = "missing"
    }
    return [
      Diagnostic(
        code: .contentUnit, severity: .error, position: context.position(of: line, .unit), values: values)
    ]
  }
}
