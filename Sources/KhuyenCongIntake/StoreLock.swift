import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store's exclusive lock: `flock(2)` on `store/.lock`, taken without waiting, so that two
/// `run`s never work on one store at once (SPEC §7). The kernel drops it when the process
/// ends, however it ends: a crashed run never leaves the store locked.
public final class StoreLock {
  /// The lock file's path.
  public let path: String
  private var descriptor: Int32

  /// Takes the lock on `path`, creating the file if needed.
  /// - Throws: `IntakeError.storeLocked` when another process holds it; `.io` when the file
  ///   cannot be opened.
  public init(path: String) throws(IntakeError) {
    self.path = path
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .io(path: path, reason: "cannot open the lock file: " + String(cString: strerror(errno)))
    }
    // LOCK_NB: a second run must not queue behind the first (cron would pile them up); it
    // exits 75 and the next cron tick tries again.
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      close(fd)
      if code == EWOULDBLOCK {
        throw .storeLocked(lockFile: path)
      }
      throw .io(path: path, reason: "cannot lock: " + String(cString: strerror(code)))
    }
    descriptor = fd
  }

  /// Releases the lock now (it is released anyway when the object goes away).
  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
