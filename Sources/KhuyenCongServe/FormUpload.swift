import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body read as it streams (issue 10): small text fields kept in
/// memory, the one file part spooled to a private temporary file (mode 0600) that `remove()`
/// deletes once the answer is sent. Nothing the client names reaches the disk: the spool file's
/// name is random, and the client's file name is kept only as text, cleaned (`cleanName`).
struct FormUpload: Sendable {
  /// Why a body was refused, each with its HTTP status.
  enum Refusal: Error, Equatable {
    /// Not `multipart/form-data` with a usable boundary (415).
    case notMultipart
    /// Over the size limit (413).
    case tooLarge(limit: Int)
    /// No file part, or an empty file (400).
    case noFile
    /// The body ended before the closing boundary, or broke the multipart syntax (400).
    case truncated
    /// The body took longer than the read time-out (408).
    case timedOut
    /// Too many or too large text fields (400).
    case badFields

    var status: HTTPResponse.Status {
      switch self {
      case .notMultipart: return .unsupportedMediaType
      case .tooLarge: return .contentTooLarge
      case .noFile, .truncated, .badFields: return .badRequest
      case .timedOut: return .requestTimeout
      }
    }
  }

  /// The text fields by name (the last value wins).
  let fields: [String: String]
  /// The file name the client gave, cleaned to one safe component.
  let fileName: String
  /// The spooled file.
  let path: String
  /// Its size in bytes.
  let size: Int

  /// Longest text field, and most fields: a form has five short ones.
  static let maxFieldBytes = 4096
  static let maxFields = 16

  /// Reads `request`'s body into a spool file under `folder`.
  /// - Parameters:
  ///   - maxFileBytes: the file limit (50 MiB, SPEC §8); the body may exceed it by 64 KiB of
  ///     form overhead.
  ///   - deadline: when reading the body must be done (the read time-out).
  static func read(
    _ request: Request, spoolFolder folder: String, maxFileBytes: Int, deadline: ContinuousClock.Instant
  ) async throws(Refusal) -> FormUpload {
    guard let boundary = boundary(request.headers[.contentType]) else { throw .notMultipart }
    let maxBody = maxFileBytes + (64 << 10)
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBody {
      throw .tooLarge(limit: maxFileBytes)
    }
    let spool: SpoolFile
    do {
      spool = try SpoolFile(folder: folder)
    } catch {
      throw .truncated
    }
    let parser = MultipartParser(boundary: boundary)
    let collector = PartCollector(spool: spool, maxFileBytes: maxFileBytes)
    parser.onHeader = { name, value in collector.header(name: name, value: value) }
    parser.onBody = { buffer in collector.body(&buffer) }
    parser.onPartComplete = { collector.partComplete() }
    var received = 0
    do {
      for try await buffer in request.body {
        received += buffer.readableBytes
        if received > maxBody { throw Refusal.tooLarge(limit: maxFileBytes) }
        if ContinuousClock.now > deadline { throw Refusal.timedOut }
        do {
          try parser.execute(buffer)
        } catch {
          throw Refusal.truncated
        }
        if let refusal = collector.refusal { throw refusal }
      }
    } catch let refusal as Refusal {
      spool.remove()
      throw refusal
    } catch {
      // The connection closed or timed out while the body was being read.
      spool.remove()
      throw .truncated
    }
    spool.close()
    if let refusal = collector.refusal {
      spool.remove()
      throw refusal
    }
    guard collector.fileComplete else {
      spool.remove()
      throw collector.fileSeen ? .truncated : .noFile
    }
    // A browser sends an empty part without a name when no file was chosen; an empty file
    // that has a name is checked like any other (file.unreadable, as `validate` says).
    guard collector.fileBytes > 0 || !collector.fileName.isEmpty else {
      spool.remove()
      throw .noFile
    }
    return FormUpload(
      fields: collector.fields, fileName: cleanName(collector.fileName), path: spool.path,
      size: collector.fileBytes)
  }

  /// Deletes the spooled file.
  func remove() {
    unlink(path)
  }

  /// The boundary of a `multipart/form-data` content type; `nil` for any other type or a
  /// boundary RFC 2046 does not allow (1–70 characters of its set).
  static func boundary(_ contentType: String?) -> String? {
    guard let contentType else { return nil }
    let parts = contentType.split(separator: ";")
    guard parts.first?.trimmingCharacters(in: .whitespaces).lowercased() == "multipart/form-data" else {
      return nil
    }
    for parameter in parts.dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
        continue
      }
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=? ")
      guard (1...70).contains(value.count), value.allSatisfy(allowed.contains), value.last != " " else {
        return nil
      }
      return value
    }
    return nil
  }

  /// The last component of a client's file name (`C:\Users\x\ke-hoach.csv` → `ke-hoach.csv`),
  /// NFC, without control characters, `/`, `\`, leading dots or spaces, at most 120
  /// characters; `ke-hoach` when nothing is left. It is only ever text: shown, and used as
  /// the submission's name in diagnostics (SPEC §4) and inside the inbox name.
  static func cleanName(_ raw: String) -> String {
    let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    var kept = ""
    for character in last.precomposedStringWithCanonicalMapping {
      if character.unicodeScalars.contains(where: {
        $0.properties.generalCategory == .control || $0.value == 0x7F
      }) {
        kept.append("_")
      } else if character == "/" || character == "\\" || character == ":" || character == "\"" {
        kept.append("_")
      } else {
        kept.append(character)
      }
    }
    while let first = kept.first, first == "." || first == " " || first == "-" { kept.removeFirst() }
    while let last = kept.last, last == " " || last == "." { kept.removeLast() }
    if kept.count > 120 {
      let ext = kept.split(separator: ".").last.map { "." + $0 } ?? ""
      kept = String(kept.prefix(120 - min(ext.count, 16))) + (ext.count <= 16 ? ext : "")
    }
    return kept.isEmpty ? "ke-hoach" : kept
  }
}

/// Collects the parts as the parser delivers them.
private final class PartCollector {
  let spool: SpoolFile
  let maxFileBytes: Int
  var fields: [String: String] = [:]
  var fileName = ""
  var fileSeen = false
  var fileComplete = false
  var fileBytes = 0
  var refusal: FormUpload.Refusal?

  private var partName: String?
  private var partFile: String?
  private var partText: [UInt8] = []
  private var headerBytes = 0

  init(spool: SpoolFile, maxFileBytes: Int) {
    self.spool = spool
    self.maxFileBytes = maxFileBytes
  }

  private var isFilePart: Bool { partName == "file" && partFile != nil }

  func header(name: String, value: String) {
    headerBytes += name.utf8.count + value.utf8.count
    if headerBytes > FormUpload.maxFieldBytes * 4 { refusal = .badFields }
    guard name.lowercased() == "content-disposition" else { return }
    let disposition = ContentDisposition(value)
    partName = disposition.name
    partFile = disposition.fileName
  }

  func body(_ buffer: inout ByteBuffer) {
    guard refusal == nil else { return }
    if isFilePart {
      guard !fileComplete else {
        refusal = .badFields  // a second file part
        return
      }
      fileSeen = true
      fileBytes += buffer.readableBytes
      if fileBytes > maxFileBytes {
        refusal = .tooLarge(limit: maxFileBytes)
        return
      }
      if !spool.write(buffer.readableBytesView) { refusal = .truncated }
    } else {
      partText += buffer.readableBytesView
      if partText.count > FormUpload.maxFieldBytes { refusal = .badFields }
    }
  }

  func partComplete() {
    if isFilePart {
      fileSeen = true
      fileComplete = true
      fileName = partFile ?? ""
    } else if let name = partName {
      if fields.count >= FormUpload.maxFields {
        refusal = .badFields
      } else {
        fields[name] = String(decoding: partText, as: UTF8.self)
      }
    }
    partName = nil
    partFile = nil
    partText = []
    headerBytes = 0
  }
}

/// `form-data; name="file"; filename="kế hoạch.csv"` (RFC 7578), with `filename*=UTF-8''…`
/// (RFC 5987) preferred when present.
struct ContentDisposition {
  var name: String?
  var fileName: String?

  init(_ value: String) {
    var parameters: [String: String] = [:]
    var rest = Substring(value)
    // Skip the disposition type.
    if let semicolon = rest.firstIndex(of: ";") {
      rest = rest[rest.index(after: semicolon)...]
    } else {
      rest = ""
    }
    while !rest.isEmpty {
      rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == ";" })
      guard let equals = rest.firstIndex(of: "=") else { break }
      let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      rest = rest[rest.index(after: equals)...].drop(while: { $0 == " " })
      var parsed = ""
      if rest.first == "\"" {
        rest = rest.dropFirst()
        var escaped = false
        while let character = rest.first {
          rest = rest.dropFirst()
          if escaped {
            parsed.append(character)
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == "\"" {
            break
          } else {
            parsed.append(character)
          }
        }
      } else {
        let end = rest.firstIndex(of: ";") ?? rest.endIndex
        parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
        rest = rest[end...]
      }
      parameters[key] = parsed
    }
    name = parameters["name"]
    fileName = parameters["filename"]
    if let extended = parameters["filename*"], let decoded = Self.rfc5987(extended) { fileName = decoded }
  }

  static func rfc5987(_ value: String) -> String? {
    let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
    return String(parts[2]).removingPercentEncoding
  }
}

/// A private temporary file: random name, created exclusively with mode 0600.
final class SpoolFile: @unchecked Sendable {
  let path: String
  private var descriptor: Int32

  init(folder: String) throws {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<12).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }
      .joined()
    path = folder + "/khuyencong-upload-" + random
    descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
  }

  func write(_ bytes: ByteBufferView) -> Bool {
    bytes.withContiguousStorageIfAvailable { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    } ?? writeCopy(Array(bytes))
  }

  private func writeCopy(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }

  func close() {
    if descriptor >= 0 {
      _ = Foundation.close(descriptor)
      descriptor = -1
    }
  }

  func remove() {
    close()
    unlink(path)
  }

  deinit { close() }
}
