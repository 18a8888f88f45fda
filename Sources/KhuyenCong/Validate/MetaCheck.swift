/// `meta.district`, `meta.year`, `meta.date`: who sends the plan, for which year, when
/// (SPEC §4). The title block and the rows must agree.
public struct MetaCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let meta = mapped.meta
    let file = mapped.submission.file
    let sheetPosition = Position(file: file, sheet: mapped.submission.sheet)
    for unknown in meta.unknownDistricts {
      found.append(
        Diagnostic(
          code: .metaDistrict, severity: .error, position: unknown.position,
          values: ["value": unknown.value, "reason": "unknown"]))
    }
    if let first = meta.districts.first {
      for other in meta.districts.dropFirst() where other.value != first.value {
        found.append(
          Diagnostic(
            code: .metaDistrict, severity: .error, position: other.position,
            values: [
              "value": name(other.value, context), "reason": "different",
              "other": name(first.value, context), "otherCell": first.position.cellReference,
            ]))
      }
    } else if meta.unknownDistricts.isEmpty {
      found.append(
        Diagnostic(
          code: .metaDistrict, severity: .error, position: sheetPosition,
          values: ["reason": "missing"]))
    }
    for unreadable in meta.unreadableYears {
      found.append(
        Diagnostic(
          code: .metaYear, severity: .error, position: unreadable.position,
          values: ["value": unreadable.value, "reason": "unreadable"]))
    }
    if let first = meta.planYears.first {
      let programme = context.programme
      if !programme.covers(PlanYear(rawValue: first.value)) {
        found.append(
          Diagnostic(
            code: .metaYear, severity: .error, position: first.position,
            values: [
              "value": String(first.value), "reason": "outside",
              "first": programme.firstYear.description, "last": programme.lastYear.description,
            ]))
      }
      for other in meta.planYears.dropFirst() where other.value != first.value {
        found.append(
          Diagnostic(
            code: .metaYear, severity: .error, position: other.position,
            values: [
              "value": String(other.value), "reason": "different", "other": String(first.value),
              "otherCell": first.position.cellReference,
            ]))
      }
    } else if meta.unreadableYears.isEmpty {
      found.append(
        Diagnostic(
          code: .metaYear, severity: .error, position: sheetPosition,
          values: ["reason": "missing"]))
    }
    for unreadable in meta.unreadableDates {
      found.append(
        Diagnostic(
          code: .metaDate, severity: .error, position: unreadable.position,
          values: ["value": unreadable.value, "reason": "unreadable"]))
    }
    if meta.dates.isEmpty && meta.unreadableDates.isEmpty {
      found.append(
        Diagnostic(
          code: .metaDate, severity: .error, position: sheetPosition,
          values: ["reason": "missing"]))
    }
    if let first = meta.dates.first {
      for other in meta.dates.dropFirst() where other.value != first.value {
        found.append(
          Diagnostic(
            code: .metaDate, severity: .error, position: other.position,
            values: [
              "value": other.value.vietnameseText, "reason": "different",
              "other": first.value.vietnameseText, "otherCell": first.position.cellReference,
            ]))
      }
    }
    return found
  }

  private func name(_ code: DistrictCode, _ context: ValidationContext) -> String {
    context.programme.district(code)?.officialName ?? code.rawValue
  }
}
