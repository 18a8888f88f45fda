import Foundation
import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `lstat(2)` or `fstat(2)` says about a file: its kind, and enough to tell whether it is
/// still the same file with the same bytes (size, modification and change times, inode).
struct FileStatus: Hashable, Sendable {
  /// The kinds of directory entry the intake tells apart.
  enum Kind: Hashable, Sendable {
    case regular, directory, symbolicLink, other
  }

  var kind: Kind
  var size: Int64
  /// Modification time, nanoseconds since 1970 (what a writer changes).
  var modifiedNanoseconds: Int64
  /// Status-change time, nanoseconds since 1970: set by the kernel on every write, and unlike
  /// the modification time no tool can set it back, so a rewrite that restores the old
  /// modification time is still seen.
  var changedNanoseconds: Int64
  var inode: UInt64
  var device: UInt64
  /// Hard links to the file: more than one means the bytes also live under another name,
  /// perhaps outside the inbox (a link to /etc/passwd), so the intake does not take it.
  var linkCount = 1

  init(
    kind: Kind, size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64, inode: UInt64,
    device: UInt64
  ) {
    self.kind = kind
    self.size = size
    self.modifiedNanoseconds = modifiedNanoseconds
    self.changedNanoseconds = changedNanoseconds
    self.inode = inode
    self.device = device
  }

  init(_ info: stat) {
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symbolicLink
    default: kind = .other
    }
    size = Int64(info.st_size)
    #if canImport(Darwin)
      modifiedNanoseconds = Self.nanoseconds(
        Int64(info.st_mtimespec.tv_sec), Int64(info.st_mtimespec.tv_nsec))
      changedNanoseconds = Self.nanoseconds(Int64(info.st_ctimespec.tv_sec), Int64(info.st_ctimespec.tv_nsec))
    #else
      modifiedNanoseconds = Self.nanoseconds(Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
      changedNanoseconds = Self.nanoseconds(Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec))
    #endif
    inode = UInt64(info.st_ino)
    device = UInt64(info.st_dev)
    linkCount = Int(info.st_nlink)
  }

  /// Seconds and nanoseconds as nanoseconds, saturating: anyone can date a file after 2262
  /// (`touch -d`, an unzipped archive), and that must not crash the run.
  static func nanoseconds(_ seconds: Int64, _ nanoseconds: Int64) -> Int64 {
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    if overflow { return seconds < 0 ? .min : .max }
    let (sum, carry) = scaled.addingReportingOverflow(nanoseconds)
    return carry ? .max : sum
  }

  /// Whether `self` was modified less than `window` nanoseconds from `now`, either side.
  func isModified(within window: Int64, of now: Int64) -> Bool {
    let (difference, overflow) = now.subtractingReportingOverflow(modifiedNanoseconds)
    return !overflow && difference > -window && difference < window
  }

  /// The entry at `path` itself, never what a symbolic link points to.
  /// - Throws: `IntakeError.io` with the system's reason.
  static func of(entry path: String) throws(IntakeError) -> FileStatus {
    try of(entry: FilePath(path))
  }

  /// The entry at `path` (bytes, not text: see `InboxListing`), never a link's target.
  static func of(entry path: FilePath) throws(IntakeError) -> FileStatus {
    var info = stat()
    guard path.withPlatformString({ lstat($0, &info) }) == 0 else {
      throw .io(path: path.description, reason: String(cString: strerror(errno)))
    }
    return FileStatus(info)
  }

  /// The open file `descriptor`.
  static func of(descriptor: Int32, path: String) throws(IntakeError) -> FileStatus {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .io(path: path, reason: String(cString: strerror(errno)))
    }
    return FileStatus(info)
  }

  /// The same file (inode on the same device), whatever its bytes.
  func isSameFile(as other: FileStatus) -> Bool { inode == other.inode && device == other.device }

  /// The same file, not written to since `other` was taken.
  func isUnchanged(since other: FileStatus) -> Bool {
    isSameFile(as: other) && size == other.size && modifiedNanoseconds == other.modifiedNanoseconds
      && changedNanoseconds == other.changedNanoseconds
  }
}
