import Foundation
import Hummingbird
import KhuyenCong
import KhuyenCongIntake

/// `POST /check`, `POST /submit` and their JSON twins (issue 10).
extension Portal {
  /// What receiving and checking an upload gave: a check, or the answer that refuses it.
  enum Received {
    case checked(SelfCheck, FormUpload, TokenHolder?)
    case refused(Response)
  }

  /// Reads the upload, checks the token when submitting (before the check, after the body:
  /// a form sends the token as a field), then checks the file within the gate.
  func receive(
    _ request: Request, _ context: PortalContext, submit: Bool, api: Bool, language: Language
  ) async -> Received {
    func refuse(_ status: HTTPResponse.Status, vi textVi: String, en textEn: String) -> Received {
      .refused(
        api ? Self.jsonRefusal(status, textEn) : Self.refusal(status, language, vi: textVi, en: textEn))
    }
    let client = Self.client(request, context)
    if submit, !(await limiter.allows(client)) {
      return refuse(
        .tooManyRequests, vi: "Quá nhiều lần nhập sai mã truy cập từ địa chỉ này; hãy thử lại sau 15 phút.",
        en: "Too many wrong access tokens from this address; try again in 15 minutes.")
    }
    guard await uploads.acquire() else {
      return refuse(
        .serviceUnavailable, vi: "Máy chủ đang nhận nhiều tệp; hãy thử lại sau ít phút.",
        en: "The server is receiving many files; try again in a few minutes.")
    }
    let upload: FormUpload
    do {
      defer { Task { await uploads.release() } }
      upload = try await FormUpload.read(
        request, spoolFolder: settings.spoolFolder, maxFileBytes: settings.maxFileBytes,
        deadline: .now + settings.readTimeout)
    } catch {
      let mib = settings.maxFileBytes >> 20
      switch error {
      case .notMultipart:
        return refuse(
          .unsupportedMediaType, vi: "Hãy gửi tệp bằng biểu mẫu (multipart/form-data, trường \"file\").",
          en: "Send the file with the form (multipart/form-data, field \"file\").")
      case .tooLarge:
        return refuse(
          .contentTooLarge, vi: "Tệp lớn hơn giới hạn \(mib) MiB.",
          en: "The file is larger than the \(mib) MiB limit.")
      case .noFile:
        return refuse(
          .badRequest, vi: "Chưa chọn tệp, hoặc tệp trống.", en: "No file chosen, or the file is empty.")
      case .truncated:
        return refuse(
          .badRequest, vi: "Tệp gửi lên bị cắt ngang hoặc biểu mẫu hỏng; hãy gửi lại.",
          en: "The upload was cut short or the form is broken; send it again.")
      case .timedOut:
        return refuse(
          .requestTimeout, vi: "Gửi tệp quá lâu; hãy gửi lại.", en: "The upload took too long; send it again."
        )
      case .badFields:
        return refuse(.badRequest, vi: "Biểu mẫu không hợp lệ.", en: "The form is not valid.")
      }
    }
    var holder: TokenHolder?
    if submit {
      let token = Self.headerToken(request) ?? upload.fields["token"]
      switch await authorize(token, client: client) {
      case .holder(let found):
        holder = found
      case .missing:
        upload.remove()
        return refuse(
          .unauthorized, vi: "Cần mã truy cập của huyện để nộp kế hoạch.",
          en: "Submitting needs the district's access token.")
      case .wrong:
        upload.remove()
        return refuse(
          .unauthorized, vi: "Mã truy cập không đúng hoặc đã bị thu hồi.",
          en: "The access token is wrong or revoked.")
      case .limited:
        upload.remove()
        return refuse(
          .tooManyRequests, vi: "Quá nhiều lần nhập sai mã truy cập từ địa chỉ này; hãy thử lại sau 15 phút.",
          en: "Too many wrong access tokens from this address; try again in 15 minutes.")
      case .unavailable(let reason):
        upload.remove()
        return refuse(
          .serviceUnavailable, vi: "Không đọc được sổ: \(reason)", en: "The ledger cannot be read: \(reason)")
      }
    }
    let path = upload.path
    let name = upload.fileName
    let programme = programme
    do {
      let check = try await gate.run { SelfCheck.run(path: path, named: name, programme: programme) }
      return .checked(check, upload, holder)
    } catch {
      upload.remove()
      return refuse(
        .serviceUnavailable, vi: "Máy chủ đang bận kiểm tra nhiều tệp; hãy thử lại sau ít phút.",
        en: "The server is busy checking many files; try again in a few minutes.")
    }
  }

  /// Writes a checked upload into the inbox when its district is the holder's.
  enum Submitted {
    case written(String)
    case otherDistrict
    case unknownDistrict
    case failed(String)
  }

  func submitChecked(_ check: SelfCheck, _ upload: FormUpload, holder: TokenHolder) -> Submitted {
    guard let district = check.result.submission.district else { return .unknownDistrict }
    guard holder.covers(district) else { return .otherDistrict }
    let name = InboxWriter.name(district: district, time: settings.now(), original: upload.fileName)
    do {
      return .written(try InboxWriter(inbox: settings.inbox).submit(spool: upload.path, as: name))
    } catch {
      return .failed(error.description)
    }
  }

  func check(_ request: Request, _ context: PortalContext, submit: Bool) async -> Response {
    let language = PortalLanguage.of(request)
    switch await receive(request, context, submit: submit, api: false, language: language) {
    case .refused(let response):
      return response
    case .checked(let check, let upload, let holder):
      defer { upload.remove() }
      let chosenDistrict = upload.fields["district"].flatMap {
        DistrictMatcher(programme: programme).exact($0)
      }
      let chosenYear = upload.fields["year"].flatMap { Int($0.trimmingSpaces) }.map(PlanYear.init(rawValue:))
      // The form's own language field wins over the browser's, as ?lang= does.
      let language = upload.fields["lang"].flatMap { Language(rawValue: $0) } ?? language
      var submission = CheckPage.Submission.none
      var status = HTTPResponse.Status.ok
      var refusal: (String, String)?
      if submit, let holder {
        switch submitChecked(check, upload, holder: holder) {
        case .written(let name):
          submission = .submitted(name: name)
        case .otherDistrict:
          status = .forbidden
          refusal = (
            "Không nộp: mã truy cập này không phải của huyện trong tệp. Mỗi huyện chỉ nộp kế hoạch của mình.",
            "Not submitted: this access token is not the file's district's. A district submits only its own plan."
          )
        case .unknownDistrict:
          status = .unprocessableContent
          refusal = (
            "Không nộp: không đọc được tệp là kế hoạch của huyện nào (xem các vấn đề bên dưới).",
            "Not submitted: the file does not say which district's plan it is (see the problems below)."
          )
        case .failed(let reason):
          status = .serviceUnavailable
          refusal = ("Không nộp được: \(reason)", "Could not submit: \(reason)")
        }
      }
      if let refusal { submission = .refused(language == .vi ? refusal.0 : refusal.1) }
      let html = CheckPage.html(
        check, fileName: upload.fileName, language: language, programme: programme,
        chosenDistrict: chosenDistrict, chosenYear: chosenYear, submission: submission)
      return Self.html(html, status: status)
    }
  }

  /// `POST /api/check` answers the JSON object of SPEC §6; `POST /api/submit` answers
  /// `{"submitted":"NAME","check":{…SPEC §6…}}`.
  func apiCheck(_ request: Request, _ context: PortalContext, submit: Bool) async -> Response {
    let language = PortalLanguage.of(request)
    switch await receive(request, context, submit: submit, api: true, language: language) {
    case .refused(let response):
      return response
    case .checked(let check, let upload, let holder):
      defer { upload.remove() }
      let report = ValidationReport.json([check.result], language: language)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      guard submit, let holder else { return Self.json(report) }
      switch submitChecked(check, upload, holder: holder) {
      case .written(let name):
        return Self.json("{\"submitted\":\(JSONText.string(name)),\"check\":\(report)}", status: .created)
      case .otherDistrict:
        return Self.json(
          "{\"error\":\"the token is not the file's district's\",\"status\":403,\"check\":\(report)}",
          status: .forbidden)
      case .unknownDistrict:
        return Self.json(
          "{\"error\":\"the file names no known district\",\"status\":422,\"check\":\(report)}",
          status: .unprocessableContent)
      case .failed(let reason):
        return Self.jsonRefusal(.serviceUnavailable, reason)
      }
    }
  }
}
