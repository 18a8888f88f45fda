/// The report `run` files for a district beside its submission: the check results framed as
/// a note an official can forward as it is, opening with whom it is for and what was checked,
/// closing with what the district should do and by when (issue 8, finding 6). Diagnostic
/// codes stay in the JSON report beside it; the note holds only sentences in its language.
public enum DistrictLetter {
  /// The note for `result`, in `language`.
  public static func text(_ result: SubmissionResult, programme: Programme, language: Language) -> String {
    let vi = language == .vi
    let submission = result.submission
    let district = submission.district.flatMap { programme.district($0) }
    let committee =
      district.map { vi ? "UBND \($0.nameInSentence)" : "the People's Committee of \($0.officialName)" }
      ?? (vi ? "đơn vị gửi tệp" : "the sender of the file")
    var out = ""
    out +=
      vi
      ? "Kính gửi: Ủy ban nhân dân \(district?.nameInSentence ?? "huyện, thành phố gửi kế hoạch")\n"
      : "To: the People's Committee of \(district?.officialName ?? "the submitting district")\n"
    let year = submission.planYear
    let what =
      vi
      ? "kế hoạch khuyến công" + (year.map { " năm \($0)" } ?? "")
      : "industrial-extension plan" + (year.map { " for \($0)" } ?? "")
    // The name as the district sent it, control characters escaped (issue 9): a line break in
    // it must not forge a line of the note.
    let file = TerminalText.escaped(submission.file)
    var checked =
      vi
      ? "Sở Công Thương đã kiểm tra tệp \"\(file)\" (\(what)) theo \(programme.title) (\(programme.basis))"
      : "The Department of Industry and Trade has checked the file \"\(file)\" (\(what)) against the \(programme.id) programme (\(programme.basis))"
    if let year, let period = programme.capPeriods.first(where: { $0.covers(year) }) {
      checked +=
        period.capsGiven
        ? (vi ? " và các mức hỗ trợ theo \(period.basis)" : " and the support caps of \(period.basis)")
        : (vi
          ? "; mức hỗ trợ theo \(period.basis) chưa có trong chương trình nên chưa được kiểm tra"
          : "; the caps of \(period.basis) are not in the programme and were not checked")
    }
    out += checked + ".\n\n"
    out += ValidationReport.text(
      [result], programme: programme, language: language, summary: false, codes: false)
    out += "\n"
    let deadline = year.flatMap {
      DeadlineCheck.deadline(for: $0, district: submission.district, rule: programme.deadline)
    }
    let warnings = result.diagnostics.contains { $0.severity == .warning }
    switch result.status {
    case .rejected:
      if let deadline, let date = submission.submittedOn, date <= deadline.day {
        out +=
          vi
          ? "Đề nghị \(committee) chỉnh sửa các lỗi nêu trên và gửi lại Sở Công Thương trước ngày \(deadline.day.vietnameseText).\n"
          : "Please have \(committee) correct the errors above and send the plan again to the Department by \(deadline.day.vietnameseText).\n"
      } else {
        let due = deadline.map {
          vi
            ? " (hạn gửi kế hoạch là ngày \($0.day.vietnameseText))"
            : " (the plan was due on \($0.day.vietnameseText))"
        }
        out +=
          vi
          ? "Đề nghị \(committee) chỉnh sửa các lỗi nêu trên và gửi lại Sở Công Thương sớm nhất có thể\(due ?? "").\n"
          : "Please have \(committee) correct the errors above and send the plan again to the Department as soon as possible\(due ?? "").\n"
      }
    case .accepted:
      out +=
        vi
        ? "Kế hoạch đã được tiếp nhận và đưa vào kế hoạch khuyến công tổng hợp"
          + (year.map { " năm \($0)" } ?? "") + " của tỉnh.\n"
        : "The plan has been accepted into the province's consolidated plan"
          + (year.map { " for \($0)" } ?? "")
          + ".\n"
      if warnings {
        let by =
          deadline.map { vi ? " trước ngày \($0.day.vietnameseText)" : " by \($0.day.vietnameseText)" } ?? ""
        out +=
          vi
          ? "Đề nghị \(committee) xem các cảnh báo nêu trên; nếu cần điều chỉnh, gửi lại bản mới cho Sở Công Thương\(by).\n"
          : "Please have \(committee) review the warnings above; to change the plan, send a new version to the Department\(by).\n"
      }
    }
    return out
  }
}
