/// `budget.sum`: a line's total equals KCQG + KCĐP + Đối ứng + Nguồn khác, to the đồng.
public struct BudgetSumCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    // Without a total column (`header.missing`) no sum or share can be checked.
    guard mapped.columns[.total] != nil else { return [] }
    return mapped.submission.lines.compactMap { line in
      guard let amounts = line.readableAmounts else { return nil }
      guard amounts.total != amounts.sumOfSources else { return nil }
      return Diagnostic(
        code: .budgetSum, severity: .error, position: mapped.position(of: line, .total),
        values: ["total": amounts.total.trieuText, "sum": amounts.sumOfSources.trieuText])
    }
  }
}
