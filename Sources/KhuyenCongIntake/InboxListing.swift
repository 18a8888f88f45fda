import Foundation
import KhuyenCong
import SystemPackage

/// The inbox's entries with their names as the file system holds them: bytes (issue 9).
///
/// A name is bytes, not text: a file sent from an old Windows machine or an unzipped archive
/// may be named in Latin-1 or Windows-1258 (`latin1-\xE9\xFF\xFE-2017-075.xml`). Foundation's
/// listing turns such bytes into U+FFFD, a name no file has, so the file was never filed
/// ("No such file or directory" on every run). Here each entry keeps its raw path for opening,
/// and a name that is not UTF-8 is shown and filed under a lossless escaped form: every byte
/// that is not part of valid UTF-8, and every `%`, as `%XX` (`latin1-%E9%FF%FE-2017-075.xml`).
public enum InboxListing {
  /// One entry of the folder.
  struct Entry {
    /// The name as shown and filed: the name itself when UTF-8, else its escaped form.
    var name: String
    /// The entry's path, byte for byte.
    var path: FilePath
    /// Whether `name` is the escaped form of a name that is not UTF-8.
    var isEscaped: Bool
  }

  /// The names of `folder`'s entries as `run` shows and files them (not `.` and `..`).
  public static func names(of folder: String) throws(IntakeError) -> [String] {
    try entries(of: folder).map(\.name)
  }

  /// The entries of `folder` (not `.` and `..`), by raw name in byte order.
  static func entries(of folder: String) throws(IntakeError) -> [Entry] {
    guard let directory = opendir(folder) else {
      throw .io(path: folder, reason: "cannot list the inbox: " + String(cString: strerror(errno)))
    }
    defer { closedir(directory) }
    var raw: [[UInt8]] = []
    while let item = readdir(directory) {
      let bytes = withUnsafeBytes(of: item.pointee.d_name) { buffer in
        Array(buffer.prefix { $0 != 0 })
      }
      if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
      raw.append(bytes)
    }
    let base = Array(folder.utf8) + (folder.hasSuffix("/") ? [] : [0x2F])
    return raw.sorted { $0.lexicographicallyPrecedes($1) }.map { bytes in
      let (name, escaped) = displayName(bytes)
      let full = (base + bytes).map { CChar(bitPattern: $0) } + [0]
      // The buffer ends with the NUL just appended; it is never empty.
      let path = full.withUnsafeBufferPointer { pointer in
        pointer.baseAddress.map { FilePath(platformString: $0) } ?? FilePath()
      }
      return Entry(name: name, path: path, isEscaped: escaped)
    }
  }

  /// `bytes` as text when they are UTF-8; else the escaped form (see the type's comment).
  static func displayName(_ bytes: [UInt8]) -> (name: String, escaped: Bool) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
    var out = ""
    var index = 0
    while index < bytes.count {
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        let sequence = bytes[index..<index + length]
        if sequence.first == 0x25 {
          out += "%25"
        } else {
          out += String(decoding: sequence, as: UTF8.self)
        }
        index += length
      } else {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        out += "%" + (hex.count < 2 ? "0" + hex : hex)
        index += 1
      }
    }
    return (out, true)
  }

  /// The length of the valid UTF-8 sequence starting at `index`, 0 when there is none.
  private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
  }
}
