/// What `khuyencong validate` prints: the text an official reads, or the JSON of SPEC §6.
public enum ValidationReport {
  /// One line per problem, grouped by file, with a summary (issue 3).
  /// `summary`: whether to close with the count of accepted and rejected files; `codes`:
  /// whether each line shows its diagnostic code (`[budget.sum]`), for the Department's staff.
  public static func text(
    _ results: [SubmissionResult], programme: Programme, language: Language, summary: Bool = true,
    codes: Bool = true
  ) -> String {
    let vi = language == .vi
    var out = ""
    for result in results {
      let submission = result.submission
      out += "== \(TerminalText.escaped(submission.file))\n"
      var facts: [String] = []
      if let code = submission.district {
        facts.append(programme.district(code)?.officialName ?? code.rawValue)
      }
      if let year = submission.planYear {
        facts.append((vi ? "kế hoạch năm " : "plan year ") + year.description)
      }
      if let date = submission.submittedOn { facts.append((vi ? "ngày " : "dated ") + date.vietnameseText) }
      facts.append(
        "\(submission.lineCount) " + (vi ? "dòng" : submission.lineCount == 1 ? "line" : "lines"))
      facts.append((vi ? "tổng " : "total ") + NumberDisplay.money(submission.totals.total, in: language))
      out += "   " + facts.joined(separator: " · ") + "\n"
      let errors = result.diagnostics.filter { $0.severity == .error }.count
      let warnings = result.diagnostics.filter { $0.severity == .warning }.count
      let verdict: String
      switch (result.status, vi) {
      case (.accepted, true): verdict = "ĐƯỢC CHẤP NHẬN"
      case (.rejected, true): verdict = "BỊ TỪ CHỐI"
      case (.accepted, false): verdict = "ACCEPTED"
      case (.rejected, false): verdict = "REJECTED"
      }
      out +=
        "   \(verdict) ("
        + (vi
          ? "\(errors) lỗi, \(warnings) cảnh báo"
          : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        + ")\n"
      // At most `maxPerCodeInText` of one code: the rest are counted after the list.
      var shown: [DiagnosticCode: Int] = [:]
      var unshown: [DiagnosticCode: Int] = [:]
      for diagnostic in result.diagnostics {
        let count = shown[diagnostic.code, default: 0]
        guard count < DiagnosticBounds.maxPerCodeInText else {
          unshown[diagnostic.code, default: 0] += 1
          continue
        }
        shown[diagnostic.code] = count + 1
        let place = diagnostic.position.cellReference(in: language)
        let line =
          "   " + MessageCatalog.severity(diagnostic.severity, in: language)
          + (place.isEmpty ? "" : "  " + place) + (codes ? "  [" + diagnostic.code.rawValue + "]" : "")
          + "  " + MessageCatalog.message(diagnostic, in: language)
        out += TerminalText.escaped(line) + "\n"
      }
      if codes {
        for (code, count) in unshown.sorted(by: { $0.key < $1.key }) {
          out +=
            (vi ? "   … và \(count) vấn đề khác cùng loại [" : "   … and \(count) more of the same [")
            + code.rawValue + "]\n"
        }
      } else if !unshown.isEmpty {
        // Without codes (a note to a district) the kinds are not named: one line says how many.
        let count = unshown.values.reduce(0, +)
        out +=
          (vi
            ? "   … và \(count) vấn đề khác cùng loại với những vấn đề trên"
            : "   … and \(count) more of the same kinds as above") + "\n"
      }
    }
    guard summary else { return out }
    let accepted = results.filter { $0.status == .accepted }.count
    let rejected = results.count - accepted
    out +=
      vi
      ? "Tổng cộng: \(accepted) tệp được chấp nhận, \(rejected) tệp bị từ chối.\n"
      : "Summary: \(accepted) accepted, \(rejected) rejected.\n"
    return out
  }
}

extension ValidationReport {
  /// The JSON of SPEC §6: `{"submissions":[…],"summary":{"accepted","rejected"}}`, money as
  /// decimal strings in triệu đồng, columns as letters, messages in `language`.
  public static func json(_ results: [SubmissionResult], language: Language) -> String {
    let submissions: [JSONValue] = results.map { result in
      let submission = result.submission
      // The same diagnostic object as plan-N.json, so a tool reads both alike.
      let diagnostics = result.diagnostics.map {
        PlanJSONWriter.diagnostic($0) { MessageCatalog.message($0, in: language) }
      }
      return .object([
        ("file", .string(submission.file)),
        ("status", .string(result.status.rawValue)),
        ("district", .string(submission.district?.rawValue)),
        ("planYear", submission.planYear.map { .number($0.description) } ?? .null),
        ("lines", .number(String(submission.lineCount))),
        ("totals", PlanJSONWriter.totals(submission.totals)),
        ("diagnostics", .array(diagnostics)),
      ])
    }
    let accepted = results.filter { $0.status == .accepted }.count
    let document = JSONValue.object([
      ("submissions", .array(submissions)),
      (
        "summary",
        .object([
          ("accepted", .number(String(accepted))),
          ("rejected", .number(String(results.count - accepted))),
        ])
      ),
    ])
    return String(decoding: document.bytes(), as: UTF8.self)
  }
}
