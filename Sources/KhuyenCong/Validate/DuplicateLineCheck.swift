/// `line.duplicate`: the same line twice in one submission would be counted twice.
///
/// Lines are the same when content, activity, beneficiary, place and every amount agree
/// (text compared case-, diacritic- and spacing-insensitively).
public struct DuplicateLineCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  private struct Key: Hashable {
    var content: String
    var activity: TextKey
    var beneficiary: TextKey
    var place: TextKey
    var amounts: FundTotals
  }

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    var first: [Key: Int] = [:]  // the row of each line's first occurrence
    var found: [Diagnostic] = []
    for line in mapped.submission.lines {
      let key = Key(
        content: (line.indicator ?? line.contentArea)?.rawValue ?? TextKey(line.contentText).folded,
        activity: TextKey(line.activity), beneficiary: TextKey(line.beneficiary ?? ""),
        place: TextKey(line.place ?? ""), amounts: line.amounts)
      if let earlier = first[key] {
        found.append(
          Diagnostic(
            code: .lineDuplicate, severity: .error, position: line.source,
            values: ["activity": line.activity, "otherRow": String(earlier)]))
      } else {
        first[key] = line.source.row ?? 0
      }
    }
    return found
  }
}
