import KhuyenCong

/// Who has and has not submitted a year's plan, from the store (`khuyencong status`).
///
/// Built by the same merge as the plan, from the stored copies, so it says exactly what the
/// plan says: the version that counts per district, the errors of a rejected one, the missing.
public struct StoreStatus: Sendable {
  /// The plan year shown.
  public var year: PlanYear
  /// The plan of that year as the store's files give it now.
  public var plan: ConsolidatedPlan
  /// Files received for that year (and files whose year could not be read).
  public var received: [LedgerEntry]
  /// Recorded files whose stored copy is missing (not in `plan`).
  public var missingCopies: [LedgerEntry]
  /// Inbox files refused unread for their size: rejected, year and district unknown, so
  /// listed under every year.
  public var refused: [OversizedFile] = []

  /// How many errors a rejected district shows.
  public static let errorsShown = 3

  /// The status of `year`, or of the latest year in the ledger that the programme covers (a
  /// file naming 2022 in a 2016–2020 programme does not hide the current year); `nil` when the
  /// ledger has no year.
  /// With `judgementKey`, files judged under it are not read again (nothing is written).
  public static func load(
    store: Store, ledger: Ledger, programme: Programme, year: PlanYear?,
    judgementKey: JudgementKey? = nil
  )
    throws(IntakeError) -> StoreStatus?
  {
    let years = try ledger.years()
    guard let year = year ?? years.last(where: programme.covers) ?? years.last else { return nil }
    let entries = try ledger.entries()
    let relevant = entries.filter { $0.planYear.map { $0 <= year } ?? true }
    var cache: [String: SubmissionResult] = [:]
    let names = StoredSubmissions.mergeNames(entries)
    let stored = try StoredSubmissions.validate(
      relevant, store: store, programme: programme,
      names: names, cache: &cache,
      judgements: judgementKey.map { .init(ledger: ledger, key: $0, keepsNew: false) })
    // The same arrival order as the plans `run` writes, so status says what the plan says.
    let plan = PlanMerger.merge(
      results: stored.results, year: year, programme: programme,
      arrival: StoredSubmissions.arrival(entries, names: names))
    return StoreStatus(
      year: year, plan: plan,
      received: entries.filter { $0.planYear == year || $0.planYear == nil },
      missingCopies: stored.missing, refused: try ledger.oversizedFiles())
  }

  /// The status as text, one block per district (priority districts first), then the counts.
  public func text(language: Language) -> String {
    let vi = language == .vi
    var out = vi ? "Kế hoạch khuyến công năm \(year)\n" : "Industrial-extension plans for \(year)\n"
    for district in plan.districts {
      let priority = district.priority ? (vi ? " (ưu tiên)" : " (priority)") : ""
      out += "  \(district.code) \(district.officialName)\(priority): "
      switch district.status {
      case .accepted:
        out +=
          (vi ? "đã nộp, được chấp nhận" : "accepted") + " — " + TerminalText.escaped(district.file ?? "")
        var facts: [String] = []
        if let date = district.submittedOn { facts.append((vi ? "ngày " : "dated ") + date.vietnameseText) }
        facts.append("\(district.lineCount) " + (vi ? "dòng" : district.lineCount == 1 ? "line" : "lines"))
        facts.append((vi ? "tổng " : "total ") + NumberDisplay.money(district.totals.total, in: language))
        out += ", " + facts.joined(separator: ", ") + "\n"
        if !district.supersededFiles.isEmpty {
          out +=
            "      " + (vi ? "thay cho: " : "supersedes: ")
            + TerminalText.escaped(district.supersededFiles.joined(separator: ", "))
            + "\n"
        }
      case .rejected:
        out += (vi ? "BỊ TỪ CHỐI" : "REJECTED") + " — " + TerminalText.escaped(district.file ?? "")
        if let date = district.submittedOn { out += (vi ? ", ngày " : ", dated ") + date.vietnameseText }
        out += "\n"
        out += Self.errorLines(district.diagnostics, language: language)
      case .missing:
        out += (vi ? "chưa nộp" : "missing") + "\n"
      }
    }
    for rejection in plan.unattributedRejections {
      out +=
        "  " + (vi ? "không rõ huyện/năm: " : "district or year unknown: ")
        + TerminalText.escaped(rejection.file)
        + (vi ? " — BỊ TỪ CHỐI\n" : " — REJECTED\n")
      out += Self.errorLines(rejection.diagnostics, language: language)
    }
    for file in refused {
      out +=
        "  " + (vi ? "không rõ huyện/năm: " : "district or year unknown: ") + TerminalText.escaped(file.name)
        + (vi ? " — BỊ TỪ CHỐI\n" : " — REJECTED\n")
      out += Self.errorLines([file.diagnostic], language: language)
    }
    for entry in missingCopies {
      out +=
        "  " + (vi ? "LỖI: thiếu bản lưu " : "ERROR: stored copy missing: ")
        + TerminalText.escaped(entry.storedPath + " (\(entry.originalName))") + "\n"
    }
    let accepted = plan.districts.filter { $0.status == .accepted }.count
    let rejected = plan.districts.filter { $0.status == .rejected }.count
    let missing = plan.districts.filter { $0.status == .missing }.count
    let files = received.count + refused.count
    out +=
      vi
      ? "Tổng cộng: \(accepted) huyện được chấp nhận, \(rejected) bị từ chối, \(missing) chưa nộp (trong \(plan.districts.count) huyện); \(files) tệp đã nhận.\n"
      : "Summary: \(accepted) districts accepted, \(rejected) rejected, \(missing) missing (of \(plan.districts.count)); \(files) files received.\n"
    return out
  }

  /// The first errors of a rejected file, one per line, with the cell.
  static func errorLines(_ diagnostics: [Diagnostic], language: Language) -> String {
    var out = ""
    let errors = diagnostics.filter { $0.severity == .error }
    for diagnostic in errors.prefix(errorsShown) {
      let place = diagnostic.position.cellReference
      out +=
        "      "
        + TerminalText.escaped(
          (place.isEmpty ? "" : place + "  ") + "[\(diagnostic.code.rawValue)]  "
            + MessageCatalog.message(diagnostic, in: language)) + "\n"
    }
    if errors.count > errorsShown {
      out +=
        "      … "
        + (language == .vi
          ? "và \(errors.count - errorsShown) lỗi khác" : "and \(errors.count - errorsShown) more errors")
        + "\n"
    }
    return out
  }
}
