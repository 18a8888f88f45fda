/// `period.outside`: a line starts and ends inside its plan year, and ends after it starts.
public struct PeriodCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    guard let year = context.planYear?.rawValue else { return [] }
    var found: [Diagnostic] = []
    for line in mapped.submission.lines {
      // A single "Thời gian thực hiện" column reports at that column.
      let startColumn: ColumnKey = mapped.columns[.start] != nil ? .start : .period
      let endColumn: ColumnKey = mapped.columns[.end] != nil ? .end : .period
      if let start = line.start, start.firstDay.year != year || start.lastDay.year != year {
        found.append(
          Diagnostic(
            code: .periodOutside, severity: .error,
            position: mapped.position(of: line, startColumn),
            values: ["value": start.displayText, "year": String(year), "reason": "outside"]))
      }
      if let end = line.end, end.firstDay.year != year || end.lastDay.year != year {
        found.append(
          Diagnostic(
            code: .periodOutside, severity: .error,
            position: mapped.position(of: line, endColumn),
            values: ["value": end.displayText, "year": String(year), "reason": "outside"]))
      }
      if let start = line.start, let end = line.end, end.lastDay < start.firstDay {
        found.append(
          Diagnostic(
            code: .periodOutside, severity: .error,
            position: mapped.position(of: line, endColumn),
            values: [
              "value": end.displayText, "start": start.displayText,
              "year": String(year), "reason": "before-start",
            ]))
      }
    }
    return found
  }
}
