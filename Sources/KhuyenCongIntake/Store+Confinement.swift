import Foundation
import KhuyenCong
import SystemPackage

/// The store trusts no path it did not just make (issue 9): a path read back from the ledger
/// is confined to the store before anything is read, written or restored there.
///
/// A damaged or hostile ledger row whose `stored_path` is `../../../../etc/shadow` made
/// recovery write outside the store. Every stored path is relative, made of plain names
/// (no `..`, no `.`, nothing absolute), under `accepted/` or `rejected/`, and no folder on
/// the way is a symbolic link (the store never makes one, so one there was put there to lead
/// out of it).
extension Store {
  /// Why a recorded path is not used.
  public struct PathRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { TerminalText.escaped(path) + ": " + reason }
  }

  /// The absolute path of the recorded `relative`, once it is known to stay in the store.
  /// - Throws: `PathRefusal` when it is absolute, climbs out, is outside `accepted/` and
  ///   `rejected/`, or passes through a symbolic link.
  public func confined(_ relative: String) throws(PathRefusal) -> String {
    let path = FilePath(relative)
    guard !path.isAbsolute, path.root == nil else {
      throw PathRefusal(path: relative, reason: "an absolute path, outside the store")
    }
    let components = Array(path.components)
    guard !components.isEmpty, relative.utf8.allSatisfy({ $0 != 0 }) else {
      throw PathRefusal(path: relative, reason: "an empty path")
    }
    guard components.allSatisfy({ $0.kind == .regular }) else {
      throw PathRefusal(path: relative, reason: "a path with '..' or '.', which could lead out of the store")
    }
    guard let top = components.first?.string, top == "accepted" || top == "rejected" else {
      throw PathRefusal(path: relative, reason: "not under accepted/ or rejected/")
    }
    var walked = FilePath(root.path)
    var exists = true
    for component in components {
      walked.append(component)
      // A missing part ends the checks: nothing below it exists to lead anywhere.
      guard exists else { continue }
      var info = stat()
      exists = walked.withPlatformString { lstat($0, &info) } == 0
      if exists && info.st_mode & S_IFMT == S_IFLNK {
        throw PathRefusal(
          path: relative, reason: "passes through a symbolic link, which could lead out of the store")
      }
    }
    return walked.string
  }

  /// Whether the stored file `name` is a submission by the hash-prefix rule: its name starts
  /// with the first hex digits of its own SHA-256 (`storedName`), which our report of it,
  /// named after it, cannot (its bytes hash otherwise).
  static func isSubmission(named name: String, sha256: String) -> Bool {
    name.hasPrefix(String(sha256.prefix(prefixLength)) + "-")
  }
}
