import ArgumentParser
import KhuyenCongIntake

/// The files named on the command line, checked before any is read (SPEC §4, §6): a path that
/// does not exist or cannot be opened, and anything that is not a regular file (a FIFO, a
/// device, a socket: refused without blocking), is a usage error, exit 2, with one line on
/// stderr per such path.
enum InputFiles {
  /// Opens and closes each of `paths`; prints why each bad one is bad.
  /// - Throws: `ExitCode(2)` when any is bad.
  static func check(_ paths: [String]) throws {
    var bad = false
    for path in paths {
      do {
        _ = try FileSource(path: path)
      } catch {
        printError(error.description)
        bad = true
      }
    }
    if bad { throw ExitCode(ExitStatus.usage.rawValue) }
  }
}
