import KhuyenCong

/// What one `run` did, as data; `text(programme:language:)` makes the lines the CLI prints.
public struct IntakeSummary: Hashable, Sendable {
  /// How a file came to be filed in this run.
  public enum Origin: String, Hashable, Sendable {
    /// Found in the inbox.
    case inbox
    /// Left in the store by an interrupted run, finished now.
    case recovered
  }

  /// A file filed (copied, reported, recorded) in this run.
  public struct Filed: Hashable, Sendable {
    public var entry: LedgerEntry
    public var origin: Origin
  }

  /// Something a person must look at; none of it is about a district's data.
  public enum Notice: Hashable, Sendable {
    /// A recorded file's stored copy is gone and no inbox file has its bytes.
    case lost(LedgerEntry)
    /// A recorded file's stored copy was gone and has been copied again from the inbox.
    case restored(LedgerEntry)
    /// An inbox file could not be read; it is tried again next run.
    case unreadable(path: String, reason: String)
    /// A file in the store holds the same bytes as a recorded file stored elsewhere: left as is.
    case extraCopy(path: String, recordedAt: String)
    /// A plan could not be rebuilt because some of its stored files are missing; it stays stale.
    case planSkipped(year: PlanYear, missing: [String])
    /// A plan could not be written; it stays stale and the next run tries again.
    case planFailed(year: PlanYear, reason: String)

    /// Whether it makes the run fail (exit 2): a loss, or work left undone.
    public var isError: Bool {
      switch self {
      case .restored, .extraCopy: return false
      case .lost, .unreadable, .planSkipped, .planFailed: return true
      }
    }
  }

  /// Files filed in this run, in order.
  public var filed: [Filed] = []
  /// Inbox files already in the ledger (skipped).
  public var alreadyKnown = 0
  /// Plans written in this run, with their folder relative to the store.
  public var plansWritten: [PlanYear] = []
  /// Problems and repairs.
  public var notices: [Notice] = []

  /// An empty summary.
  public init() {}

  /// Nothing filed, written, repaired or wrong: the run changed nothing.
  public var isNothingNew: Bool { filed.isEmpty && plansWritten.isEmpty && notices.isEmpty }
  /// At least one file filed in this run is rejected (exit 1).
  public var hasRejected: Bool { filed.contains { $0.entry.status == .rejected } }
  /// At least one notice is an error (exit 2).
  public var hasErrors: Bool { notices.contains(where: \.isError) }

  /// The lines for the person (or the cron mail) reading the run's output.
  public func text(programme: Programme, language: Language) -> String {
    let vi = language == .vi
    guard !isNothingNew else { return vi ? "không có gì mới\n" : "nothing new\n" }
    var out = ""
    for item in filed {
      let entry = item.entry
      var facts: [String] = []
      if let code = entry.district { facts.append(programme.district(code)?.officialName ?? code.rawValue) }
      if let year = entry.planYear { facts.append(String(year.rawValue)) }
      facts.append("\(entry.lineCount) " + (vi ? "dòng" : entry.lineCount == 1 ? "line" : "lines"))
      facts.append(NumberDisplay.money(entry.totals.total, in: language))
      let verdict: String
      switch (entry.status, vi) {
      case (.accepted, true): verdict = "được chấp nhận"
      case (.rejected, true): verdict = "BỊ TỪ CHỐI (\(entry.errorCount) lỗi)"
      case (.accepted, false): verdict = "accepted"
      case (.rejected, false):
        verdict = "REJECTED (\(entry.errorCount) " + (entry.errorCount == 1 ? "error)" : "errors)")
      }
      let origin: String
      switch (item.origin, vi) {
      case (.inbox, true): origin = "mới"
      case (.inbox, false): origin = "new"
      case (.recovered, true): origin = "hoàn tất (lần chạy trước bị ngắt)"
      case (.recovered, false): origin = "finished (an earlier run was interrupted)"
      }
      out +=
        "\(origin): \(entry.originalName): \(verdict) · " + facts.joined(separator: " · ")
        + " → \(entry.storedPath)\n"
    }
    for notice in notices { out += Self.text(notice, language: language) + "\n" }
    for year in plansWritten {
      out +=
        (vi ? "đã ghi kế hoạch \(year): " : "plan \(year) written: ")
        + Store.planFolder(year) + "/plan-\(year).{xml,csv,json,html}\n"
    }
    let accepted = filed.filter { $0.entry.status == .accepted }.count
    let rejected = filed.count - accepted
    out +=
      vi
      ? "Tổng cộng: \(filed.count) tệp mới (\(accepted) được chấp nhận, \(rejected) bị từ chối), \(alreadyKnown) tệp đã có.\n"
      : "Summary: \(filed.count) new files (\(accepted) accepted, \(rejected) rejected), \(alreadyKnown) already known.\n"
    return out
  }

  /// One notice as a line of text.
  public static func text(_ notice: Notice, language: Language) -> String {
    let vi = language == .vi
    switch notice {
    case .lost(let entry):
      return vi
        ? "LỖI: mất bản lưu \(entry.storedPath) của \(entry.originalName) (sha256 \(entry.sha256)) và hộp thư không còn tệp này; hãy đặt lại tệp vào hộp thư"
        : "ERROR: the stored copy \(entry.storedPath) of \(entry.originalName) (sha256 \(entry.sha256)) is missing and no inbox file has its bytes; put the file back in the inbox"
    case .restored(let entry):
      return vi
        ? "đã chép lại bản lưu bị mất \(entry.storedPath) từ hộp thư"
        : "restored the missing stored copy \(entry.storedPath) from the inbox"
    case .unreadable(let path, let reason):
      return vi ? "LỖI: không đọc được \(path): \(reason)" : "ERROR: cannot read \(path): \(reason)"
    case .extraCopy(let path, let recordedAt):
      return vi
        ? "lưu ý: \(path) trùng nội dung với \(recordedAt) đã ghi sổ; để nguyên"
        : "note: \(path) has the same bytes as the recorded \(recordedAt); left as is"
    case .planSkipped(let year, let missing):
      return vi
        ? "LỖI: chưa tổng hợp lại kế hoạch \(year): thiếu bản lưu " + missing.joined(separator: ", ")
        : "ERROR: plan \(year) not rebuilt: stored copies missing: " + missing.joined(separator: ", ")
    case .planFailed(let year, let reason):
      return vi
        ? "LỖI: không ghi được kế hoạch \(year): \(reason)"
        : "ERROR: plan \(year) could not be written: \(reason)"
    }
  }
}
