/// One rule of SPEC §4 about the file and its title block, checked once the file is mapped
/// (rules about the lines are `LineCheck`s, judged as the lines stream in).
///
/// Checks return every problem they find (all problems of a file in one pass) and never
/// stop at the first.
public protocol SubmissionCheck: Sendable {
  /// The diagnostics `mapped` earns under this rule.
  func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic]
}

/// What every check may consult: the programme, and the district and year the submission
/// turned out to be for (when they could be read).
public struct ValidationContext: Sendable {
  public var programme: Programme
  public var district: District?
  public var planYear: PlanYear?
  public let content: ContentResolver

  /// A context for one submission; `content`: the programme's resolver, when the caller has
  /// one (else built here).
  public init(programme: Programme, district: District?, planYear: PlanYear?, content: ContentResolver? = nil)
  {
    self.programme = programme
    self.district = district
    self.planYear = planYear
    self.content = content ?? ContentResolver(programme: programme)
  }
}
