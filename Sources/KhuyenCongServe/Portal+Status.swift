import Foundation
import Hummingbird
import KhuyenCong
import KhuyenCongIntake

/// One district's row of the status table (issue 10): public.
struct DistrictStatusRow: Sendable, Encodable {
  var code: String
  var name: String
  var priority: Bool
  /// `accepted`, `rejected`, `late` (rejected for its date), `submitted` (nothing filed yet,
  /// but a file submitted through the portal waits for the next run), `missing`.
  var status: String
  /// The file that counts (the accepted version, or the rejected one shown).
  var file: String?
  /// Its date (ISO 8601).
  var submittedOn: String?
  /// When the latest file of the district for the year was received by `run`.
  var lastReceivedAt: String?
  /// Files received for the year.
  var filesReceived: Int
  /// Files submitted through the portal that `run` has not read yet.
  var waitingForRun: Int
  /// Total budget of the version that counts, in triệu đồng (a decimal string).
  var total: String?
}

/// The status of a year as the portal shows it.
struct PortalStatus: Sendable, Encodable {
  var planYear: Int?
  var districts: [DistrictStatusRow]
}

/// `GET /status`, `POST /status` (with a token: the district's own files and reports),
/// `POST /file` (a stored file or its report) and `GET /api/status` (issue 10).
extension Portal {
  /// The year asked for: `nil` for the latest; `.failure` when the text is not a year.
  static func year(_ text: Substring?) -> Result<PlanYear?, Never>? {
    guard let text, !text.isEmpty else { return .success(nil) }
    guard let year = Int(text), (1900...2200).contains(year) else { return nil }
    return .success(PlanYear(rawValue: year))
  }

  /// Builds the status of `year` from the ledger, within the gate: from the judgements `run`
  /// kept (issue 9), reading a stored copy again only where none was kept for this programme
  /// and program, as `khuyencong status` does.
  func loadStatus(year: PlanYear?) async throws -> (PortalStatus, StoreStatus?, [LedgerEntry]) {
    guard let ledger = try ledgerAccess.ledger() else {
      return (PortalStatus(planYear: year?.rawValue, districts: emptyRows()), nil, [])
    }
    let store = store
    let programme = programme
    let judgementKey = settings.judgementKey
    let loaded: Result<StoreStatus?, IntakeError> = try await gate.run {
      Result { () throws(IntakeError) -> StoreStatus? in
        try StoreStatus.load(
          store: store, ledger: ledger, programme: programme, year: year, judgementKey: judgementKey)
      }
    }
    let status = try loaded.get()
    let entries = try ledger.entries()
    let waiting = waitingFiles(readNames: (try? ledger.inboxNamesRead()) ?? [])
    guard let status else {
      return (PortalStatus(planYear: year?.rawValue, districts: emptyRows(waiting: waiting)), nil, entries)
    }
    var rows: [DistrictStatusRow] = []
    for district in status.plan.districts {
      let received = entries.filter { $0.district == district.code && $0.planYear == status.year }
      var state = district.status.rawValue
      if district.status == .rejected, district.diagnostics.contains(where: { $0.code == .deadlineLate }) {
        state = "late"
      }
      if state == "missing", (waiting[district.code.rawValue] ?? 0) > 0 { state = "submitted" }
      rows.append(
        DistrictStatusRow(
          code: district.code.rawValue, name: district.officialName, priority: district.priority,
          status: state,
          file: district.file, submittedOn: district.submittedOn?.isoText,
          lastReceivedAt: received.map(\.receivedAt).max(), filesReceived: received.count,
          waitingForRun: waiting[district.code.rawValue] ?? 0,
          total: district.status == .missing ? nil : district.totals.total.trieu.description))
    }
    return (PortalStatus(planYear: status.year.rawValue, districts: rows), status, entries)
  }

  func emptyRows(waiting: [String: Int] = [:]) -> [DistrictStatusRow] {
    programme.districts.map {
      DistrictStatusRow(
        code: $0.code.rawValue, name: $0.officialName, priority: $0.priority,
        status: (waiting[$0.code.rawValue] ?? 0) > 0 ? "submitted" : "missing", file: nil,
        submittedOn: nil, lastReceivedAt: nil, filesReceived: 0,
        waitingForRun: waiting[$0.code.rawValue] ?? 0,
        total: nil)
    }
  }

  /// Portal submissions in the inbox that `run` has not read yet, by district code (the
  /// name's first part, as `InboxWriter` makes it).
  func waitingFiles(readNames: Set<String>) -> [String: Int] {
    // Listed as `run` lists it: names as bytes, one that is not UTF-8 in its escaped form.
    let names = (try? InboxListing.names(of: settings.inbox)) ?? []
    var counts: [String: Int] = [:]
    for name in names where !name.hasPrefix(".") && !readNames.contains(name) {
      guard let code = name.split(separator: "-", maxSplits: 1).first, code.count <= 8 else { continue }
      if programme.district(DistrictCode(rawValue: String(code))) != nil {
        counts[String(code), default: 0] += 1
      }
    }
    return counts
  }

  func status(_ request: Request, context: PortalContext?) async -> Response {
    var language = PortalLanguage.of(request)
    var yearText = request.uri.queryParameters["year"]
    var holder: TokenHolder?
    if let context {
      // POST: a small urlencoded form (year, token, lang).
      guard let form = await Self.smallForm(request) else {
        return Self.refusal(.badRequest, language, vi: "Biểu mẫu không hợp lệ.", en: "The form is not valid.")
      }
      if let asked = form["lang"].flatMap(Language.init(rawValue:)) { language = asked }
      if let year = form["year"] { yearText = Substring(year) }
      switch await authorize(
        Self.headerToken(request) ?? form["token"], client: Self.client(request, context))
      {
      case .holder(let found): holder = found
      case .missing, .wrong:
        return Self.refusal(
          .unauthorized, language, vi: "Mã truy cập không đúng hoặc đã bị thu hồi.",
          en: "The access token is wrong or revoked.")
      case .limited:
        return Self.refusal(
          .tooManyRequests, language,
          vi: "Quá nhiều lần nhập sai mã truy cập từ địa chỉ này; hãy thử lại sau 15 phút.",
          en: "Too many wrong access tokens from this address; try again in 15 minutes.")
      case .unavailable(let reason):
        return Self.refusal(
          .serviceUnavailable, language, vi: "Không đọc được sổ: \(reason)",
          en: "The ledger cannot be read: \(reason)")
      }
    }
    guard case .success(let year) = Self.year(yearText) else {
      return Self.refusal(
        .badRequest, language, vi: "Năm kế hoạch không hợp lệ.", en: "The plan year is not valid.")
    }
    do {
      let (status, _, entries) = try await loadStatus(year: year)
      let own = holder.map { holder in
        entries.filter { holder.covers($0.district) }.sorted { $0.receivedAt > $1.receivedAt }
      }
      return Self.html(
        StatusPage.html(
          status, language: language, programme: programme, holder: holder, own: own ?? [],
          reportText: { entry in self.reportText(entry) }))
    } catch is CheckGate.Busy {
      return Self.refusal(
        .serviceUnavailable, language, vi: "Máy chủ đang bận; hãy thử lại sau ít phút.",
        en: "The server is busy; try again in a few minutes.")
    } catch {
      return Self.refusal(
        .serviceUnavailable, language, vi: "Không đọc được sổ: \(error)",
        en: "The ledger cannot be read: \(error)")
    }
  }

  func apiStatus(_ request: Request) async -> Response {
    guard case .success(let year) = Self.year(request.uri.queryParameters["year"]) else {
      return Self.jsonRefusal(.badRequest, "year must be a plan year such as 2017")
    }
    do {
      let (status, _, _) = try await loadStatus(year: year)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      return Self.json(String(decoding: try encoder.encode(status), as: UTF8.self))
    } catch is CheckGate.Busy {
      return Self.jsonRefusal(.serviceUnavailable, "busy")
    } catch {
      return Self.jsonRefusal(.serviceUnavailable, "the ledger cannot be read: \(error)")
    }
  }

  /// The text report `run` wrote beside a stored file, or `nil`.
  func reportText(_ entry: LedgerEntry) -> String? {
    guard let path = storedPath(entry, suffix: ".report.txt"),
      let bytes = Self.storedBytes(path, maxCount: 4 << 20)
    else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The absolute path of an entry's stored copy (or its report): from the ledger only, and
  /// only inside the store, by the store's one confinement rule (issue 9: relative, plain
  /// names, under accepted/ or rejected/, no symbolic link on the way).
  func storedPath(_ entry: LedgerEntry, suffix: String = "") -> String? {
    try? store.confined(entry.storedPath + suffix)
  }

  /// The bytes of a stored file, opened as `validate` opens a file (issue 9): not through a
  /// symbolic link, without blocking, and only a regular file of at most `maxCount` bytes.
  static func storedBytes(_ path: String, maxCount: Int) -> [UInt8]? {
    guard var source = try? FileSource(path: path, followLinks: false), source.byteCount <= maxCount
    else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(source.byteCount)
    while bytes.count <= maxCount {
      guard let chunk = try? source.read(maxCount: 1 << 20) else { return nil }
      if chunk.isEmpty { return bytes }
      bytes += chunk
    }
    return nil
  }

  /// `POST /file` with `token`, `sha256` and `kind` (`file` or `report`): a stored file of the
  /// token's district (any district for the Department's token); the same 404 for a file of
  /// another district as for no file at all.
  func storedFile(_ request: Request, _ context: PortalContext) async -> Response {
    var language = PortalLanguage.of(request)
    guard let form = await Self.smallForm(request) else {
      return Self.refusal(.badRequest, language, vi: "Biểu mẫu không hợp lệ.", en: "The form is not valid.")
    }
    if let asked = form["lang"].flatMap(Language.init(rawValue:)) { language = asked }
    let holder: TokenHolder
    switch await authorize(Self.headerToken(request) ?? form["token"], client: Self.client(request, context))
    {
    case .holder(let found): holder = found
    case .limited:
      return Self.refusal(
        .tooManyRequests, language,
        vi: "Quá nhiều lần nhập sai mã truy cập từ địa chỉ này; hãy thử lại sau 15 phút.",
        en: "Too many wrong access tokens from this address; try again in 15 minutes.")
    case .missing, .wrong, .unavailable:
      return Self.refusal(
        .unauthorized, language, vi: "Mã truy cập không đúng hoặc đã bị thu hồi.",
        en: "The access token is wrong or revoked.")
    }
    let notFound = Self.refusal(.notFound, language, vi: "Không có tệp này.", en: "No such file.")
    guard let sha = form["sha256"], sha.count == 64, sha.allSatisfy({ $0.isHexDigit }) else {
      return notFound
    }
    guard let ledger = try? ledgerAccess.ledger(), let entries = try? ledger.entries(),
      let entry = entries.first(where: { $0.sha256 == sha.lowercased() }), holder.covers(entry.district)
    else { return notFound }
    let report = form["kind"] == "report"
    guard let path = storedPath(entry, suffix: report ? ".report.txt" : ""),
      let data = Self.storedBytes(path, maxCount: settings.maxFileBytes)
    else { return notFound }
    let name = report ? entry.originalName + ".report.txt" : entry.originalName
    let ascii = String(
      name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
    let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
    return Response(
      status: .ok,
      headers: [
        .contentType: report ? "text/plain; charset=utf-8" : "application/octet-stream",
        .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// A small `application/x-www-form-urlencoded` (or empty) body as fields; `nil` when it is
  /// larger than 8 KiB or of another type.
  static func smallForm(_ request: Request) async -> [String: String]? {
    let type = request.headers[.contentType]?.lowercased() ?? ""
    guard type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") else { return nil }
    let body = request.body
    guard let buffer = try? await body.collect(upTo: 8 << 10) else { return nil }
    let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
    var fields: [String: String] = [:]
    for pair in text.split(separator: "&").prefix(32) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
    }
    return fields
  }
}
