import Foundation
import KhuyenCong

/// Puts a checked file into the inbox that `run` reads (issue 10): copied to a hidden
/// temporary name (which `run` skips), flushed, then linked to its final name and the folder
/// flushed, so `run` sees the whole file or nothing. The final name is made here, from the
/// district, the time and the cleaned original name, never from a path the client sent; an
/// existing name is never replaced.
struct InboxWriter: Sendable {
  let inbox: String

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// `072-20261201T020304Z-ke-hoach.csv`.
  static func name(district: DistrictCode, time: Date, original: String) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: time)
    func two(_ value: Int?) -> String {
      let text = String(value ?? 0)
      return text.count < 2 ? "0" + text : text
    }
    let stamp =
      String(parts.year ?? 0) + two(parts.month) + two(parts.day) + "T" + two(parts.hour) + two(parts.minute)
      + two(parts.second) + "Z"
    let districtPart = district.rawValue.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return (districtPart.isEmpty ? "district" : districtPart) + "-" + stamp + "-"
      + FormUpload.cleanName(original)
  }

  /// Copies `spool` into the inbox as `name` (or `name` with `-2`, `-3`… before the
  /// extension when taken) and returns the name used.
  func submit(spool: String, as name: String) throws(Failure) -> String {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<8).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }.joined()
    let temporary = inbox + "/.portal-" + random + ".tmp"
    try copy(from: spool, to: temporary)
    defer { unlink(temporary) }
    let (stem, ext) = Self.split(name)
    for attempt in 1...100 {
      let candidate = attempt == 1 ? name : stem + "-\(attempt)" + ext
      // link(2) fails with EEXIST instead of replacing: a name already in the inbox is kept.
      if link(temporary, inbox + "/" + candidate) == 0 {
        // The temporary name goes at once: `run` skips a file with two hard links (issue 9),
        // and one just written waits for the next run in any case (its settling time).
        unlink(temporary)
        try syncFolder()
        return candidate
      }
      guard errno == EEXIST else {
        throw Failure(
          description: "cannot name \(candidate) in the inbox: \(String(cString: strerror(errno)))")
      }
    }
    throw Failure(description: "too many files named \(name) in the inbox")
  }

  static func split(_ name: String) -> (String, String) {
    guard let dot = name.lastIndex(of: "."), dot > name.startIndex, name[dot...].count <= 16 else {
      return (name, "")
    }
    return (String(name[..<dot]), String(name[dot...]))
  }

  private func copy(from source: String, to destination: String) throws(Failure) {
    let input = open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard input >= 0 else {
      throw Failure(description: "cannot read the upload: \(String(cString: strerror(errno)))")
    }
    defer { close(input) }
    let output = open(destination, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o640)
    guard output >= 0 else {
      throw Failure(description: "cannot write in the inbox \(inbox): \(String(cString: strerror(errno)))")
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var failed: String?
    while failed == nil {
      let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        failed = "read: " + String(cString: strerror(errno))
        break
      }
      if count == 0 { break }
      var offset = 0
      while offset < count {
        let written = buffer.withUnsafeBytes {
          write(output, $0.baseAddress?.advanced(by: offset), count - offset)
        }
        if written < 0 {
          if errno == EINTR { continue }
          failed = "write: " + String(cString: strerror(errno))
          break
        }
        offset += written
      }
    }
    if failed == nil, fsync(output) != 0 { failed = "fsync: " + String(cString: strerror(errno)) }
    if close(output) != 0, failed == nil { failed = "close: " + String(cString: strerror(errno)) }
    if let failed {
      unlink(destination)
      throw Failure(description: "cannot write in the inbox \(inbox): \(failed)")
    }
  }

  private func syncFolder() throws(Failure) {
    let folder = open(inbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { throw Failure(description: "cannot open the inbox \(inbox)") }
    defer { close(folder) }
    if fsync(folder) != 0 { throw Failure(description: "cannot flush the inbox \(inbox)") }
  }
}
