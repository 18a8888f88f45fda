import Foundation

/// Writes a file so that a reader sees either the old content or the new, never half of it:
/// a temporary file in the same folder, flushed, then renamed over the target (SPEC §7).
public enum AtomicFile {
  /// Why a write failed.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// Replaces `path` with `bytes`, creating the folder if needed.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let data = Data(bytes)
      guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
        throw WriteError(path: path, reason: "cannot create \(temporary.path)")
      }
      let handle = try FileHandle(forWritingTo: temporary)
      try handle.synchronize()
      try handle.close()
      if rename(temporary.path, path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw WriteError(path: path, reason: "rename failed: \(reason)")
      }
    } catch let error as WriteError {
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw WriteError(path: path, reason: error.localizedDescription)
    }
  }
}
