import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import KhuyenCong
import KhuyenCongIntake
import Logging

/// What the portal serves and its bounds (issue 10).
public struct PortalSettings: Sendable {
  /// The store that `run` fills: read only.
  public var store: String
  /// The inbox that `run` reads: the only folder the portal writes to.
  public var inbox: String
  /// The programme in force.
  public var programme: Programme
  /// The key of the judgements `run` keeps in the ledger for this programme and program
  /// (issue 9): the status is built from them, a stored file is validated again only when it
  /// has none. `nil` validates every stored file at each request.
  public var judgementKey: JudgementKey?
  /// Where uploads are spooled while checked (a private temporary folder).
  public var spoolFolder: String
  /// Largest file accepted (SPEC §8: 50 MiB); 413 above.
  public var maxFileBytes = ReadLimits.standard.maxFileBytes
  /// Checks running at once: one per core.
  public var checksAtOnce = ProcessInfo.processInfo.activeProcessorCount
  /// Checks waiting for a place; 503 beyond.
  public var checksWaiting = 64
  /// Uploads received at once (each spooled to disk); 503 beyond.
  public var uploadsAtOnce = 64
  /// Connections open at once; more wait in the listen backlog.
  public var maxConnections = 512
  /// Time allowed to receive a whole request body; 408 after.
  public var readTimeout: Duration = .seconds(120)
  /// Failed token attempts allowed per client address within `attemptWindow`; 429 beyond.
  public var maxFailedAttempts = 10
  public var attemptWindow: Duration = .seconds(15 * 60)
  /// The clock (injected in tests).
  public var now: @Sendable () -> Date = { Date() }

  /// Settings with the default bounds.
  public init(
    store: String, inbox: String, programme: Programme, judgementKey: JudgementKey? = nil,
    spoolFolder: String = NSTemporaryDirectory()
  ) {
    self.store = store
    self.inbox = inbox
    self.programme = programme
    self.judgementKey = judgementKey
    self.spoolFolder =
      spoolFolder.hasSuffix("/") && spoolFolder.count > 1 ? String(spoolFolder.dropLast()) : spoolFolder
  }
}

/// The district portal (`khuyencong serve`, issue 10): self-check, blank form, submit into the
/// inbox, status. It reads the store and its ledger (read-only, WAL) and writes only the inbox:
/// the cron job stays the store's only writer.
public struct Portal: Sendable {
  let settings: PortalSettings
  let gate: CheckGate
  let limiter: AttemptLimiter
  let ledgerAccess: LedgerAccess
  let uploads: UploadSlots

  /// A portal with `settings`.
  public init(settings: PortalSettings) {
    self.settings = settings
    gate = CheckGate(running: settings.checksAtOnce, waiting: settings.checksWaiting)
    limiter = AttemptLimiter(limit: settings.maxFailedAttempts, window: settings.attemptWindow)
    ledgerAccess = LedgerAccess(path: Store(path: settings.store).ledgerPath)
    uploads = UploadSlots(limit: settings.uploadsAtOnce)
  }

  var programme: Programme { settings.programme }
  var store: Store { Store(path: settings.store) }

  /// Every route.
  public func router() -> Router<PortalContext> {
    let router = Router(context: PortalContext.self)
    router.add(middleware: PortalHeaders())
    router.get("/") { request, _ in self.home(request) }
    router.post("/check") { request, context in await self.check(request, context, submit: false) }
    router.post("/submit") { request, context in await self.check(request, context, submit: true) }
    router.get("/template") { request, _ in self.template(request) }
    router.get("/status") { request, _ in await self.status(request, context: nil) }
    router.post("/status") { request, context in await self.status(request, context: context) }
    router.post("/file") { request, context in await self.storedFile(request, context) }
    router.post("/api/check") { request, context in await self.apiCheck(request, context, submit: false) }
    router.post("/api/submit") { request, context in await self.apiCheck(request, context, submit: true) }
    router.get("/api/status") { request, _ in await self.apiStatus(request) }
    return router
  }

  /// The HTTP server: HTTP/1.1 on `host:port`, idle connections closed after 30 s.
  public func application(
    host: String, port: Int,
    onRunning: @escaping @Sendable (_ port: Int?) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "khuyencong.serve")
    logger.logLevel = .notice
    return Application(
      router: router(),
      server: .http1(configuration: .init(idleTimeout: .seconds(30))),
      configuration: .init(
        address: .hostname(host, port: port), serverName: "khuyencong",
        availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections)),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port) },
      logger: logger)
  }

  // MARK: Helpers shared by the routes

  static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text.hasSuffix("\n") ? text : text + "\n")))
  }

  /// A refusal page with its status, in the page's language.
  static func refusal(_ status: HTTPResponse.Status, _ language: Language, vi: String, en: String) -> Response
  {
    let title = language == .vi ? "Không thực hiện được" : "Not done"
    var response = html(
      PortalHTML.message(title: title, language: language, text: language == .vi ? vi : en), status: status)
    if status == .serviceUnavailable || status == .tooManyRequests { response.headers[.retryAfter] = "30" }
    return response
  }

  /// A refusal as JSON: `{"error":"…","status":413}`.
  static func jsonRefusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
    var response = json(
      "{\"error\":\(JSONText.string(message)),\"status\":\(status.code)}", status: status)
    if status == .serviceUnavailable || status == .tooManyRequests { response.headers[.retryAfter] = "30" }
    return response
  }

  /// The address failed tokens are counted by: the peer's, or the `X-Real-IP` that a reverse
  /// proxy on the same machine (nginx, see deploy/) sets; a remote peer cannot choose its own.
  static func client(_ request: Request, _ context: PortalContext) -> String {
    let peer = context.peerAddress
    let local = peer == nil || peer == "127.0.0.1" || peer == "::1" || peer?.hasPrefix("::ffff:127.") == true
    if local, let real = request.headers[HeaderName.realIP]?.trimmingSpaces, !real.isEmpty,
      real.utf8.count <= 64
    {
      return real
    }
    return peer ?? "local"
  }

  /// The token a request carries in a header (`Authorization: Bearer …` or
  /// `X-Khuyencong-Token`), never in its URL.
  static func headerToken(_ request: Request) -> String? {
    if let value = request.headers[HeaderName.token]?.trimmingSpaces, !value.isEmpty { return value }
    if let value = request.headers[.authorization] {
      let parts = value.split(separator: " ", maxSplits: 1)
      if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingSpaces }
    }
    return nil
  }

  /// Who holds `token`, counting a failure against `client`; `.limited` once the client has
  /// failed too often (then even a right token is refused until the window passes).
  enum Authorization {
    case holder(TokenHolder)
    case missing
    case wrong
    case limited
    case unavailable(String)
  }

  func authorize(_ token: String?, client: String) async -> Authorization {
    guard await limiter.allows(client) else { return .limited }
    guard let token, !token.trimmingSpaces.isEmpty else { return .missing }
    let tokens: [PortalToken]
    do {
      tokens = try ledgerAccess.ledger()?.tokens() ?? []
    } catch {
      return .unavailable(error.description)
    }
    guard let holder = TokenCheck.holder(of: token, among: tokens) else {
      await limiter.failed(client)
      return .wrong
    }
    return .holder(holder)
  }
}

/// Header names the portal reads or sets beyond HTTPTypes' own.
enum HeaderName {
  static let token = HTTPField.Name("X-Khuyencong-Token") ?? .authorization
  static let realIP = HTTPField.Name("X-Real-IP") ?? .cacheControl
  static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .cacheControl
  static let frameOptions = HTTPField.Name("X-Frame-Options") ?? .cacheControl
}

/// Security headers on every answer, and the one refusal that comes before any route: a token
/// in a URL (it would end up in logs and browser history).
struct PortalHeaders: RouterMiddleware {
  typealias Context = PortalContext

  func handle(
    _ request: Request, context: PortalContext,
    next: (Request, PortalContext) async throws -> Response
  ) async throws -> Response {
    var response: Response
    let language = PortalLanguage.of(request)
    if request.uri.queryParameters["token"] != nil {
      response = Portal.refusal(
        .badRequest, language,
        vi:
          "Không gửi mã truy cập trong địa chỉ trang: địa chỉ được ghi lại trong nhật ký và lịch sử trình duyệt. Hãy nhập mã vào ô trong biểu mẫu, hoặc gửi trong tiêu đề X-Khuyencong-Token.",
        en:
          "Never send an access token in a URL: URLs end up in logs and browser history. Type it in the form's field, or send it in the X-Khuyencong-Token header."
      )
    } else {
      do {
        response = try await next(request, context)
      } catch let error as HTTPError where error.status == .notFound {
        response = Portal.refusal(.notFound, language, vi: "Không có trang này.", en: "No such page.")
      } catch let error as HTTPError where error.status == .methodNotAllowed {
        response = Portal.refusal(
          .methodNotAllowed, language, vi: "Trang này không nhận cách gửi đó.",
          en: "This page does not take that method.")
      } catch {
        response = Portal.refusal(
          .internalServerError, language, vi: "Lỗi máy chủ; hãy thử lại.",
          en: "Server error; please try again.")
      }
    }
    response.headers[.contentSecurityPolicy] = PortalHTML.contentSecurityPolicy
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[HeaderName.referrerPolicy] = "no-referrer"
    response.headers[HeaderName.frameOptions] = "DENY"
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    return response
  }
}

/// JSON string literals, escaped as RFC 8259 requires.
enum JSONText {
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
