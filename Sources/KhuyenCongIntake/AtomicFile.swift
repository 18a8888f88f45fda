import Foundation
import KhuyenCong

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that a reader sees either the old content or the new, never half of it:
/// a temporary file in the same folder, flushed, renamed over the target, then the folder
/// flushed so that the rename itself survives a power cut (SPEC §7).
public enum AtomicFile {
  /// Why a write failed.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// How every temporary file of the store and the CLI starts: `.tmp-<16 hex digits>`.
  ///
  /// Short and independent of the target's name, so a target whose name is near the 255-byte
  /// limit (a long Vietnamese name, UTF-8) still has a temporary name that fits; hidden; and
  /// recognisable, so a run removes those a killed run left behind (nothing refers to them).
  public static let temporaryPrefix = ".tmp-"

  /// A fresh temporary name (random, so two writers in one folder never collide).
  static func temporaryName() -> String {
    let digits = String(UInt64.random(in: .min ... .max), radix: 16)
    return temporaryPrefix + String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Replaces `path` with `bytes`, creating the folder if needed.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    try write(bytes, to: path, syncFolder: { folder throws(WriteError) in try syncFolder(folder) })
  }

  /// `write(_:to:)`, flushing the folder with `syncFolder` (tests watch it).
  static func write(
    _ bytes: [UInt8], to path: String, syncFolder: (String) throws(WriteError) -> Void
  ) throws(WriteError) {
    do {
      try write(to: path, syncFolder: syncFolder) { sink in bytes.withUnsafeBytes { sink.write($0) } }
    } catch let error as WriteError {
      throw error
    } catch {
      throw WriteError(path: path, reason: String(describing: error))
    }
  }

  /// Replaces `path` with what `body` writes into its sink, streamed to a temporary file in the
  /// same folder, flushed and renamed: the bytes are never all in memory. When `body` throws or
  /// a write fails, the temporary file is removed, `path` is left as it was, and the error is
  /// rethrown (a failed write as `WriteError`).
  public static func write(to path: String, _ body: (inout any ByteSink) throws -> Void) throws {
    try write(to: path, syncFolder: { folder throws(WriteError) in try syncFolder(folder) }, body)
  }

  static func write(
    to path: String, syncFolder: (String) throws(WriteError) -> Void,
    _ body: (inout any ByteSink) throws -> Void
  ) throws {
    try stage(to: path, body).commit(syncFolder: syncFolder)
  }

  /// A file written and flushed under a temporary name beside its target, not yet renamed:
  /// `commit` puts it in place, `discard` removes it. Several files staged together (the
  /// four files of a plan, written at once) are all committed, or none.
  public struct StagedFile: Sendable {
    /// The target.
    public let path: String
    let temporary: String
    let folder: String

    /// Renames the file over its target, then flushes the folder.
    public func commit() throws(WriteError) {
      try commit(syncFolder: { folder throws(WriteError) in try AtomicFile.syncFolder(folder) })
    }

    func commit(syncFolder: (String) throws(WriteError) -> Void) throws(WriteError) {
      if rename(temporary, path) != 0 {
        let reason = "rename failed: " + String(cString: strerror(errno))
        unlink(temporary)
        throw WriteError(path: path, reason: reason)
      }
      try syncFolder(folder)
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() { unlink(temporary) }
  }

  /// Streams what `body` writes into a temporary file beside `path` and flushes it (`fsync`),
  /// without renaming it. When `body` throws or a write fails, the temporary file is removed
  /// and the error rethrown (a failed write as `WriteError`).
  public static func stage(to path: String, _ body: (inout any ByteSink) throws -> Void) throws -> StagedFile
  {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
    }
    let temporary = folder + "/" + temporaryName()
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: "cannot create \(temporary): " + String(cString: strerror(errno)))
    }
    var sink: any ByteSink = DescriptorSink(descriptor: descriptor)
    do {
      try body(&sink)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    var failure = (sink as? DescriptorSink)?.failure
    // The rename must not reach the disk before the bytes do.
    if failure == nil, fsync(descriptor) != 0 {
      failure = "fsync failed: " + String(cString: strerror(errno))
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: failure)
    }
    return StagedFile(path: path, temporary: temporary, folder: folder)
  }

  /// Flushes the folder `path` (`fsync(2)` on the folder itself), so that names just added to
  /// it by a rename or a creation are on disk: without it a power cut can undo a rename whose
  /// file's bytes were flushed.
  public static func syncFolder(_ path: String) throws(WriteError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw WriteError(
        path: path, reason: "cannot open the folder to flush it: " + String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    // EINVAL: a file system that cannot flush a folder (some network mounts); nothing to do.
    if fsync(descriptor) != 0, errno != EINVAL {
      throw WriteError(path: path, reason: "cannot flush the folder: " + String(cString: strerror(errno)))
    }
  }
}

/// Writes to an open file, keeping the first failure (the writer goes on; its owner asks).
private struct DescriptorSink: ByteSink {
  let descriptor: Int32
  var failure: String?

  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = systemWrite(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        failure = "write failed: " + String(cString: strerror(errno))
        return
      }
      offset += written
    }
  }
}

/// `write(2)`, under a name that the static `AtomicFile.write` does not shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}
