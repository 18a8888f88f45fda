/// `budget.sum`: a line's total equals KCQG + KCĐP + Đối ứng + Nguồn khác, to the đồng.
struct BudgetSumCheck: LineCheck {
  func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    // Without a total column (`header.missing`) no sum or share can be checked.
    guard context.columns[.total] != nil, let amounts = built.line.readableAmounts,
      amounts.total != amounts.sumOfSources
    else { return [] }
    return [
      Diagnostic(
        code: .budgetSum, severity: .error, position: context.position(of: built.line, .total),
        values: ["total": amounts.total.trieuText, "sum": amounts.sumOfSources.trieuText])
    ]
  }
}
