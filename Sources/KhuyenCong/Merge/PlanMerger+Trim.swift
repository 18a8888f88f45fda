extension PlanMerger {
  /// `result` with only what merging the plan of `year` reads of it, so that consolidating
  /// years of history holds the lines of one year (issue 7, SPEC §8):
  ///
  /// - an accepted file of `year` keeps its lines (they are the plan);
  /// - an accepted file of an earlier year of the programme keeps, of each line, what the
  ///   five-year progress counts: its indicator, unit and quantity;
  /// - any other file (rejected, or of another year) keeps no line.
  ///
  /// Counts, totals, dates, names and diagnostics stay: the merge chooses versions and
  /// reports rejections with them. `merge` of trimmed results equals `merge` of the results.
  public static func trimmed(_ result: SubmissionResult, for year: PlanYear, programme: Programme)
    -> SubmissionResult
  {
    var result = result
    let submission = result.submission
    guard result.status != .accepted || submission.planYear != year else { return result }
    let lineCount = submission.lineCount
    let totals = submission.totals
    if result.status == .accepted, let planYear = submission.planYear,
      earlierYears(before: year, programme: programme).contains(planYear)
    {
      result.submission.lines = PlanLines(counting: submission.lines.filter { $0.indicator != nil })
    } else {
      result.submission.lines = []
    }
    result.submission.lineCount = lineCount
    result.submission.totals = totals
    return result
  }
}
