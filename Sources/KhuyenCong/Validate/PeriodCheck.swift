/// `period.outside`: a line starts and ends inside its plan year, and ends after it starts.
struct PeriodCheck: LineCheck {
  var needsDistrictAndYear: Bool { true }

  func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    guard let year = context.validation.planYear?.rawValue else { return [] }
    let line = built.line
    var found: [Diagnostic] = []
    // A single "Thời gian thực hiện" column reports at that column.
    let startColumn: ColumnKey = context.columns[.start] != nil ? .start : .period
    let endColumn: ColumnKey = context.columns[.end] != nil ? .end : .period
    if let start = line.start, start.firstDay.year != year || start.lastDay.year != year {
      found.append(
        Diagnostic(
          code: .periodOutside, severity: .error,
          position: context.position(of: line, startColumn),
          values: ["value": start.displayText, "year": String(year), "reason": "outside"]))
    }
    if let end = line.end, end.firstDay.year != year || end.lastDay.year != year {
      found.append(
        Diagnostic(
          code: .periodOutside, severity: .error,
          position: context.position(of: line, endColumn),
          values: ["value": end.displayText, "year": String(year), "reason": "outside"]))
    }
    if let start = line.start, let end = line.end, end.lastDay < start.firstDay {
      found.append(
        Diagnostic(
          code: .periodOutside, severity: .error,
          position: context.position(of: line, endColumn),
          values: [
            "value": end.displayText, "start": start.displayText,
            "year": String(year), "reason": "before-start",
          ]))
    }
    return found
  }
}
