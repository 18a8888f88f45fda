import Foundation
import KhuyenCong

/// A file on disk as a `ByteSource`, read in chunks with its size known up front.
///
/// The size lets the caller refuse an oversized file before reading it (SPEC §8).
public struct FileSource: ByteSource {
  private let handle: FileHandle
  /// The file's size in bytes when opened.
  public let byteCount: Int
  /// The path it was opened from.
  public let path: String

  /// Opens `path` for reading.
  /// - Throws: `ByteSourceError` when the file is missing, a directory, or unreadable.
  public init(path: String) throws(ByteSourceError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ByteSourceError(reason: "no such file")
    }
    guard !isDirectory.boolValue else { throw ByteSourceError(reason: "is a directory") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ByteSourceError(reason: "permission denied")
    }
    self.handle = handle
    self.path = path
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    self.byteCount = (attributes?[.size] as? NSNumber)?.intValue ?? 0
  }

  public mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
    do {
      guard let data = try handle.read(upToCount: maxCount) else { return [] }
      return [UInt8](data)
    } catch {
      throw ByteSourceError(reason: "read failed: \(error.localizedDescription)")
    }
  }
}
