/// `deadline.late`: a plan for year N is due on or before the programme's day of year N−1
/// (30 October in Decision 69/QĐ-UBND, mục V.4), or the district's extension; the late
/// policy decides the severity (SPEC §2). Plans for years before the rule's first plan year
/// are not judged by it.
public struct DeadlineCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  /// The last on-time day for `district`'s plan of `year`, and whether it is an extension.
  public static func deadline(for year: PlanYear, district: DistrictCode?, rule: DeadlineRule)
    -> (day: CivilDate, extended: Bool)?
  {
    let dueYear = year.rawValue + rule.yearOffset
    guard var day = CivilDate.valid(year: dueYear, month: rule.month, day: rule.day) else { return nil }
    if !rule.inclusive { day = CivilDate(daysSinceEpoch: day.daysSinceEpoch - 1) }
    let extensions = rule.extensions.filter {
      $0.district == district && ($0.planYear == nil || $0.planYear == year)
    }
    if let latest = extensions.map(\.until).max(), latest > day { return (latest, true) }
    return (day, false)
  }

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    guard let year = context.planYear,
      // A rule binds from its first plan year (Decision 69 of 10/3/2016: the 2017 plans on).
      context.programme.deadline.firstPlanYear.map({ $0 <= year }) ?? true,
      let submitted = mapped.meta.dates.first,
      let due = Self.deadline(
        for: year, district: context.district?.code,
        rule: context.programme.deadline),
      submitted.value > due.day
    else { return [] }
    let severity: Severity = context.programme.deadline.latePolicy == .reject ? .error : .warning
    return [
      Diagnostic(
        code: .deadlineLate, severity: severity, position: submitted.position,
        values: [
          "date": submitted.value.vietnameseText, "deadline": due.day.vietnameseText,
          "year": year.description, "extended": due.extended ? "yes" : "no",
          "basis": context.programme.deadline.basis,
        ])
    ]
  }
}
