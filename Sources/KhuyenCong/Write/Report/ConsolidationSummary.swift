/// What `khuyencong consolidate` tells the person who ran it: where the files are, and each
/// district's state, priority districts first.
public enum ConsolidationSummary {
  /// The summary text.
  /// `results` are every file given: those of other years are named too, so none goes unmentioned.
  public static func text(
    _ plan: ConsolidatedPlan, results: [SubmissionResult], programme: Programme,
    folder: String, files: [String], language: Language
  ) -> String {
    let vi = language == .vi
    var out =
      vi
      ? "Kế hoạch khuyến công năm \(plan.planYear) của tỉnh \(programme.province.name): \(plan.lines.count) dòng, tổng "
      : "Industrial-extension plan \(plan.planYear) of \(programme.province.name) province: \(plan.lines.count) lines, total "
    out += NumberDisplay.money(plan.totals.total, in: language) + "\n"
    for district in plan.districts {
      let state: String
      switch (district.status, vi) {
      case (.accepted, true): state = "đã tổng hợp"
      case (.rejected, true): state = "bị từ chối"
      case (.missing, true): state = "chưa nộp"
      case (.accepted, false): state = "consolidated"
      case (.rejected, false): state = "rejected"
      case (.missing, false): state = "missing"
      }
      let priority = district.priority ? (vi ? " (ưu tiên)" : " (priority)") : ""
      out += "  \(district.code) \(district.officialName)\(priority): \(state)"
      if let file = district.file { out += " — \(file)" }
      if district.status == .accepted {
        out +=
          ", \(district.lineCount) " + (vi ? "dòng, " : "lines, ")
          + NumberDisplay.money(district.totals.total, in: language)
      }
      out += "\n"
    }
    for rejected in plan.unattributedRejections + plan.otherRejections {
      let first = rejected.diagnostics.first
      out +=
        "  " + (vi ? "bị từ chối: " : "rejected: ") + rejected.file
        + (first.map {
          " [\($0.code)] " + $0.position.cellReference(in: language) + " "
            + MessageCatalog.message($0, in: language)
        } ?? "")
        + (rejected.diagnostics.count > 1
          ? (vi
            ? " (và \(rejected.diagnostics.count - 1) lỗi khác)"
            : " (and \(rejected.diagnostics.count - 1) more)") : "")
        + "\n"
    }
    for diagnostic in plan.diagnostics where diagnostic.severity >= .warning {
      out +=
        "  " + MessageCatalog.severity(diagnostic.severity, in: language) + " [\(diagnostic.code)] "
        + diagnostic.position.file
        + (diagnostic.position.cellReference.isEmpty
          ? "" : " " + diagnostic.position.cellReference(in: language))
        + ": " + MessageCatalog.message(diagnostic, in: language) + "\n"
    }
    for result in results
    where result.submission.planYear != plan.planYear && result.submission.planYear != nil {
      let year = result.submission.planYear?.description ?? "?"
      let state = result.status == .accepted ? (vi ? "hợp lệ" : "accepted") : (vi ? "bị từ chối" : "rejected")
      out +=
        "  " + (vi ? "kế hoạch năm \(year) (\(state)): " : "plan for \(year) (\(state)): ")
        + result.submission.file
        + (plan.earlierYears.contains(where: { $0.description == year }) && result.status == .accepted
          ? (vi ? ", tính vào tiến độ 5 năm" : ", counted in five-year progress") : "") + "\n"
    }
    out += (vi ? "Đã ghi vào \(folder): " : "Written to \(folder): ") + files.joined(separator: ", ") + "\n"
    return out
  }
}
