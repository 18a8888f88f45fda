/// `total.mismatch`: the file's own total and subtotal rows equal the sums of their lines.
///
/// Lines stream in with the group the mapper put them in (each section or total row closes
/// one); the check keeps one running sum per group, and compares each declared total with
/// the sum of its groups at the end.
struct TotalRowCheck: LineCheck {
  private struct GroupSum {
    var amounts = FundTotals.zero
    var lines = 0
    /// Whether a line of the group has an amount that could not be read.
    var unreadable = false
  }

  private var groups: [GroupSum] = []

  mutating func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    if built.group >= groups.count {
      groups += Array(repeating: GroupSum(), count: built.group + 1 - groups.count)
    }
    groups[built.group].lines += 1
    if let amounts = built.line.readableAmounts {
      groups[built.group].amounts += amounts
    } else {
      groups[built.group].unreadable = true
    }
    return []
  }

  func finish(_ mapped: MappedSubmission, in context: LineContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for declared in mapped.declaredTotals {
      // The groups it covers that received a line: a total can close groups that none did
      // (sections with no line under them), past the end of `groups`. Clamping the other way
      // round returned such a range unchanged and trapped on the slice (found by the pipeline
      // fuzzer: a form with two empty sections and their total).
      let covered = declared.lineGroups.clamped(to: groups.indices)
      if !declared.amountsAreReadable || groups[covered].contains(where: \.unreadable) { continue }
      let sum = groups[covered].reduce(into: FundTotals.zero) { $0 += $1.amounts }
      let lines = groups[covered].reduce(0) { $0 + $1.lines }
      for fund in FundColumn.allCases {
        guard let stated = declared.amounts[fund], stated.value != fund.amount(in: sum) else { continue }
        found.append(
          Diagnostic(
            code: .totalMismatch, severity: .error, position: stated.position,
            values: [
              "stated": stated.value.trieuText, "sum": fund.amount(in: sum).trieuText,
              "column": fund.rawValue, "section": declared.section ?? "",
              "lines": String(lines),
            ]))
      }
    }
    return found
  }
}
