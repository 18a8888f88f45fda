extension PlanMerger {
  /// The quantities the accepted plans of `years` (earlier years of the period) planned, per
  /// measure: the version that counts is chosen by the same on-time-first rule as for year N,
  /// so progress counts what each year's plan did.
  static func quantities(
    in years: [PlanYear], results: [SubmissionResult], programme: Programme,
    lateFiles: Set<String>, arrival: [String: Int]
  ) -> [MeasureKey: ExactDecimal] {
    let resolver = ContentResolver(programme: programme)
    var quantities: [MeasureKey: ExactDecimal] = [:]
    for year in years {
      var byDistrict: [DistrictCode: [Submission]] = [:]
      for result in results where result.status == .accepted && result.submission.planYear == year {
        guard let code = result.submission.district else { continue }  // reported in its own year
        byDistrict[code, default: []].append(result.submission)
      }
      for code in byDistrict.keys.sorted() {
        guard let versions = byDistrict[code],
          let winner = latest(versions.filter { !lateFiles.contains($0.file) }, arrival: arrival)
            ?? latest(versions, arrival: arrival)
        else { continue }
        for line in winner.lines {
          guard let indicator = line.indicator else { continue }
          let key = measureKey(of: line, indicator: indicator, programme: programme, resolver: resolver)
          let sum = quantities[key, default: .zero]
          quantities[key] = sum.adding(line.quantity ?? .zero) ?? sum
        }
      }
    }
    return quantities
  }
}
