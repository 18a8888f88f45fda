import KhuyenCong
import SystemPackage

/// A file on disk as a `ByteSource`, read in chunks with its size known up front.
///
/// Opened without blocking and checked with `fstat(2)` on the descriptor itself (never a second
/// look-up by name): a FIFO, a device or a socket is refused at once instead of blocking for
/// ever or streaming `/dev/zero` (issue 9). The size lets the caller refuse an oversized file
/// before reading it (SPEC §8).
public struct FileSource: ByteSource {
  private let file: OpenFile
  /// The file's size in bytes when opened.
  public let byteCount: Int
  /// The number of hard links to the file when opened.
  public let linkCount: Int
  /// The path it was opened from.
  public let path: String

  /// Opens `path` for reading.
  /// - Parameter followLinks: `false` refuses a symbolic link as the last component.
  /// - Throws: `FileOpenError` when the file is missing, unreadable, or not a regular file.
  public init(path: String, followLinks: Bool = true) throws(FileOpenError) {
    var options: FileDescriptor.OpenOptions = [.nonBlocking, .closeOnExec]
    if !followLinks { options.insert(.noFollow) }
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: options)
    } catch {
      throw FileOpenError(path: path, errno: error)
    }
    let file = OpenFile(descriptor)
    let status: Stat
    do {
      status = try descriptor.stat()
    } catch {
      throw FileOpenError(path: path, errno: error)
    }
    guard status.type != .directory else { throw FileOpenError(path: path, kind: .isDirectory) }
    guard status.type == .regular else {
      throw FileOpenError(path: path, kind: .notRegular(FileOpenError.describe(status.type)))
    }
    self.file = file
    self.path = path
    self.byteCount = Int(status.size)
    self.linkCount = status.linkCount
  }

  public mutating func read(maxCount: Int) throws(ByteSourceError) -> [UInt8] {
    guard maxCount > 0 else { return [] }
    do {
      let descriptor = file.descriptor
      return try [UInt8](unsafeUninitializedCapacity: maxCount) { buffer, count in
        count = try descriptor.read(into: UnsafeMutableRawBufferPointer(buffer))
      }
    } catch {
      throw ByteSourceError(reason: "read failed: \(error)")
    }
  }

  /// `pread(2)` on the same descriptor, within the size found when it was opened.
  public func randomAccess() -> (any RandomAccessBytes)? {
    FileBytes(file: file, count: byteCount)
  }
}

/// An open regular file read at offsets (`pread(2)`, which leaves the sequential position
/// alone). A file cut short after it was opened gives short reads, which the zip reader
/// reports as a damaged file.
struct FileBytes: RandomAccessBytes {
  let file: OpenFile
  let count: Int

  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError)
    -> Int
  {
    let wanted = max(0, min(buffer.count, count - offset))
    var done = 0
    while done < wanted {
      let read: Int
      do {
        read = try file.descriptor.read(
          fromAbsoluteOffset: Int64(offset + done),
          into: UnsafeMutableRawBufferPointer(rebasing: buffer[done..<wanted]))
      } catch {
        throw ByteSourceError(reason: "read failed: \(error)")
      }
      if read == 0 { break }
      done += read
    }
    return done
  }
}

/// The descriptor of an open file, closed when the last `FileSource` copy goes.
final class OpenFile {
  let descriptor: FileDescriptor

  init(_ descriptor: FileDescriptor) { self.descriptor = descriptor }

  deinit {
    // Nothing was written: a failed close loses nothing and there is no one to tell.
    _ = try? descriptor.close()
  }
}

/// Why a file named on the command line or found in the inbox could not be opened.
public struct FileOpenError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Hashable, Sendable {
    case noSuchFile
    case isDirectory
    case permissionDenied
    case symbolicLink
    /// A FIFO, a device, a socket: named.
    case notRegular(String)
    case other(String)
  }

  public var path: String
  public var kind: Kind

  /// Creates an error.
  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }

  init(path: String, errno: any Error) {
    self.path = path
    switch errno as? Errno {
    case .noSuchFileOrDirectory?, .notDirectory?: kind = .noSuchFile
    case .isDirectory?: kind = .isDirectory
    case .permissionDenied?, .notPermitted?: kind = .permissionDenied
    case .tooManySymbolicLinkLevels?: kind = .symbolicLink
    default: kind = .other(String(describing: errno))
    }
  }

  /// The reason, as `file.unreadable` shows it.
  public var reason: String {
    switch kind {
    case .noSuchFile: return "no such file"
    case .isDirectory: return "is a directory"
    case .permissionDenied: return "permission denied"
    case .symbolicLink: return "is a symbolic link"
    case .notRegular(let what): return "not a regular file (\(what))"
    case .other(let text): return text
    }
  }

  public var description: String { TerminalText.escaped(path) + ": " + reason }

  static func describe(_ type: FileType) -> String {
    switch type {
    case .fifo: return "a FIFO"
    case .characterSpecial: return "a character device"
    case .blockSpecial: return "a block device"
    case .socket: return "a socket"
    case .directory: return "a directory"
    case .symbolicLink: return "a symbolic link"
    default: return "an unknown kind of file"
    }
  }
}
