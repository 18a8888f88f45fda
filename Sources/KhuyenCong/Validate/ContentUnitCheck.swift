/// `content.unit`: a line that names an indicator must use the unit of one of its measures
/// or a synonym ("người" for "lao động"); when the unit belongs to other indicators, the
/// message names them ("'lượt cơ sở' thuộc chỉ tiêu 4.3"). A line naming only a content area
/// is an activity of that area (counted in its budget, never towards a target) unless its
/// unit fits one of the area's measures: it has no unit to get wrong.
struct ContentUnitCheck: LineCheck {
  private struct Written: MemoKey {
    var indicator: IndicatorCode
    var unit: String?

    /// By bytes (`TextBytes`): `String`'s own hash normalises a Vietnamese unit each time.
    var memoHash: UInt64 {
      TextBytes.mix(TextBytes(indicator.rawValue).memoHash, unit.map { TextBytes($0).memoHash } ?? 0)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
      // The programme's codes are ASCII: `==` compares them at once. A unit comes from the file.
      lhs.indicator == rhs.indicator && (lhs.unit == nil) == (rhs.unit == nil)
        && TextBytes.sameBytes(lhs.unit ?? "", rhs.unit ?? "")
    }
  }

  /// The diagnostic's values for each indicator and unit met (nil: the unit fits): a plan
  /// writes the same few pairs on every line.
  private var outcomes = Memo<Written, [String: String]?>()

  mutating func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    let line = built.line
    guard let code = line.indicator else { return [] }
    let values = outcomes.value(for: Written(indicator: code, unit: line.unit)) { written in
      Self.problem(written.indicator, unit: written.unit, in: context)
    }
    guard let values else { return [] }
    return [
      Diagnostic(
        code: .contentUnit, severity: .error, position: context.position(of: line, .unit), values: values)
    ]
  }

  /// The values of `content.unit` for `unit` on a line of indicator `code`, or nil when it fits.
  private static func problem(_ code: IndicatorCode, unit: String?, in context: LineContext) -> [String:
    String]?
  {
    let content = context.validation.content
    guard let indicator = context.programme.indicator(code), content.measureIndex(unit, indicator) == nil
    else { return nil }
    var expected: [String] = []
    for measure in indicator.measures where !expected.contains(measure.unit) {
      expected.append(measure.unit)
    }
    var values = [
      "indicator": code.rawValue, "expected": expected.joined(separator: ", "),
    ]
    if let unit, !TextKey(unit).isEmpty {
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
    return values
  }
}
