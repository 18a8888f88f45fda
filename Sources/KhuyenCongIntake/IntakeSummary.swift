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

  /// An inbox entry the run does not read, and why (SPEC §7 reads regular files only).
  public struct Skipped: Hashable, Sendable {
    /// Why an entry is not read.
    public enum Reason: String, Hashable, Sendable {
      /// Its name starts with a dot: an editor's lock file, a half-uploaded file, a system file.
      case hidden
      /// A subfolder: the job does not descend into subfolders.
      case folder
      /// A symbolic link: never followed, so no link can make the job copy a file from outside
      /// the inbox.
      case symbolicLink
      /// A socket, FIFO or device.
      case notRegularFile
      /// A file with more than one hard link: its bytes also live under another name, perhaps
      /// outside the inbox, so it is not taken (issue 9), as a symbolic link is not followed.
      case hardLink
    }

    /// The entry's name in the inbox.
    public var name: String
    public var reason: Reason

    /// Creates a record of a skipped entry.
    public init(name: String, reason: Reason) {
      self.name = name
      self.reason = reason
    }
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
    /// A file could not be filed (copied, reported, moved into place); the other files were.
    /// It stays where it was (the inbox, or `incoming/`) and the next run tries again.
    case notFiled(path: String, reason: String)
    /// Stored files judged under another programme or program are validated again, and every
    /// plan rebuilt (the one reason the store reads its files again, issue 9).
    case revalidating(count: Int)
    /// An inbox file's name is not UTF-8: it is filed and reported under a lossless escaped
    /// form (each byte that is not UTF-8, and each `%`, as `%XX`; see `InboxListing`).
    case nameEscaped(name: String)
    /// A ledger row's stored path would lead out of the store: not followed (issue 9).
    case pathRefused(path: String, reason: String)

    /// Whether it says stored files are validated again.
    public var isRevalidation: Bool {
      if case .revalidating = self { return true }
      return false
    }

    /// Whether it makes the run fail (exit 2): a loss, or work left undone.
    public var isError: Bool {
      switch self {
      case .restored, .extraCopy, .revalidating, .nameEscaped: return false
      case .lost, .unreadable, .planSkipped, .planFailed, .notFiled, .pathRefused: return true
      }
    }
  }

  /// Files filed in this run, in order.
  public var filed: [Filed] = []
  /// Inbox files refused unread for their size (rejected, `file.unreadable`), in this run.
  public var refused: [OversizedFile] = []
  /// Inbox files already in the ledger (skipped).
  public var alreadyKnown = 0
  /// Inbox entries not read (hidden, subfolders, symbolic links, special files), by name.
  public var skipped: [Skipped] = []
  /// Inbox files still being written (modified within the last seconds, or changing while
  /// read): left for the next run.
  public var waiting: [String] = []
  /// Plans written in this run, with their folder relative to the store.
  public var plansWritten: [PlanYear] = []
  /// Problems and repairs.
  public var notices: [Notice] = []

  /// An empty summary.
  public init() {}

  /// Nothing filed, refused, written, repaired or wrong: the run changed nothing. (Skipped and
  /// waiting entries change nothing.)
  public var isNothingNew: Bool {
    filed.isEmpty && refused.isEmpty && plansWritten.isEmpty && notices.isEmpty
  }
  /// At least one file filed or refused in this run is rejected (exit 1).
  public var hasRejected: Bool { !refused.isEmpty || filed.contains { $0.entry.status == .rejected } }
  /// At least one notice is an error (exit 2).
  public var hasErrors: Bool { notices.contains(where: \.isError) }

  /// The lines for the person (or the cron mail) reading the run's output.
  public func text(programme: Programme, language: Language) -> String {
    let vi = language == .vi
    var out = ""
    for entry in skipped { out += Self.text(entry, language: language) + "\n" }
    for name in waiting {
      out +=
        vi
        ? "đang chờ: \(TerminalText.escaped(name)) còn đang được ghi; lần chạy sau sẽ nhận\n"
        : "waiting: \(TerminalText.escaped(name)) is still being written; the next run takes it\n"
    }
    guard !isNothingNew else { return out + (vi ? "không có gì mới\n" : "nothing new\n") }
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
      // Names come from the district: a line break or an escape sequence in one must not
      // forge a line or rewrite the operator's terminal.
      out +=
        TerminalText.escaped(
          "\(origin): \(entry.originalName): \(verdict) · " + facts.joined(separator: " · ")
            + " → \(entry.storedPath)") + "\n"
    }
    for file in refused {
      let message = MessageCatalog.message(file.diagnostic, in: language)
      out +=
        (vi
          ? "mới: \(TerminalText.escaped(file.name)): BỊ TỪ CHỐI [file.unreadable] "
          : "new: \(TerminalText.escaped(file.name)): REJECTED [file.unreadable] ")
        + message + (vi ? " · không chép vào kho\n" : " · not copied to the store\n")
    }
    for notice in notices { out += Self.text(notice, language: language) + "\n" }
    for year in plansWritten {
      out +=
        (vi ? "đã ghi kế hoạch \(year): " : "plan \(year) written: ")
        + Store.planFolder(year) + "/plan-\(year).{xml,csv,json,html}\n"
    }
    let accepted = filed.filter { $0.entry.status == .accepted }.count
    let rejected = filed.count - accepted + refused.count
    let newCount = filed.count + refused.count
    out +=
      vi
      ? "Tổng cộng: \(newCount) tệp mới (\(accepted) được chấp nhận, \(rejected) bị từ chối), \(alreadyKnown) tệp đã có.\n"
      : "Summary: \(newCount) new files (\(accepted) accepted, \(rejected) rejected), \(alreadyKnown) already known.\n"
    return out
  }

  /// One notice as a line of text.
  public static func text(_ notice: Notice, language: Language) -> String {
    TerminalText.escaped(unescapedText(notice, language: language))
  }

  private static func unescapedText(_ notice: Notice, language: Language) -> String {
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
    case .notFiled(let path, let reason):
      return vi
        ? "LỖI: chưa nhận được \(path): \(reason); các tệp khác vẫn được nhận, lần chạy sau sẽ thử lại"
        : "ERROR: \(path) could not be filed: \(reason); the other files were, the next run tries again"
    case .revalidating(let count):
      return vi
        ? "chương trình khuyến công hoặc phiên bản phần mềm đã thay đổi: kiểm tra lại \(count) tệp đã lưu và tổng hợp lại mọi kế hoạch"
        : "the programme or the program changed: validating \(count) stored files again and rebuilding every plan"
    case .pathRefused(let path, let reason):
      return vi
        ? "LỖI: sổ ghi đường dẫn \(path) ra ngoài kho (\(reason)); không dùng, hãy kiểm tra sổ"
        : "ERROR: the ledger records the path \(path), which leads out of the store (\(reason)); not used, check the ledger"
    case .nameEscaped(let name):
      return vi
        ? "lưu ý: tên tệp không phải UTF-8; đã nhận dưới tên \(name) (mỗi byte lạ ghi thành %XX)"
        : "note: a file name is not UTF-8; filed as \(name) (each byte that is not UTF-8 written %XX)"
    }
  }

  /// One skipped inbox entry as a line of text.
  public static func text(_ skipped: Skipped, language: Language) -> String {
    let vi = language == .vi
    let why: String
    switch (skipped.reason, vi) {
    case (.hidden, true): why = "tệp ẩn"
    case (.hidden, false): why = "hidden file"
    case (.folder, true): why = "thư mục con: không đọc thư mục con"
    case (.folder, false): why = "folder: subfolders are not read"
    case (.symbolicLink, true): why = "liên kết tượng trưng: không đi theo"
    case (.symbolicLink, false): why = "symbolic link: not followed"
    case (.notRegularFile, true): why = "không phải tệp thường"
    case (.notRegularFile, false): why = "not a regular file"
    case (.hardLink, true):
      why = "tệp có nhiều liên kết cứng: nội dung còn mang tên khác, có thể ngoài hộp thư; không nhận"
    case (.hardLink, false):
      why =
        "more than one hard link: its bytes also live under another name, perhaps outside the inbox; not taken"
    }
    return (vi ? "bỏ qua: " : "skipped: ") + TerminalText.escaped(skipped.name) + " (" + why + ")"
  }
}
