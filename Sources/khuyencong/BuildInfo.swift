import Foundation
import KhuyenCong

/// What `khuyencong --version` prints (issue 10): the version, the commit it was built from
/// and the programme in force by default.
enum BuildInfo {
  /// The release version.
  static let version = "0.10.0"

  /// `khuyencong 0.10.0 (commit 4ee46f4…)` and the embedded programme.
  static var versionText: String {
    let programme = Programme.embeddedDefault()
    return
      "khuyencong \(version)\ncommit: \(commit() ?? "unknown (not built from a git checkout or make install)")\n"
      + "programme: \(programme.id), \(programme.title), \(programme.firstYear)–\(programme.lastYear) "
      + "(embedded default; --program FILE replaces it)"
  }

  /// The commit: `make install` writes it to `PREFIX/share/khuyencong/COMMIT` beside the
  /// binary's `bin/`; a binary built in a checkout reads the checkout's `.git` (HEAD and its
  /// ref, a worktree's `gitdir:` pointer followed), with no `git` process run.
  static func commit() -> String? {
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let bin = executable.deletingLastPathComponent()
    let installed = bin.deletingLastPathComponent().appendingPathComponent("share/khuyencong/COMMIT")
    if let text = try? String(contentsOf: installed, encoding: .utf8) {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      if !trimmed.isEmpty { return trimmed }
    }
    var folder = bin
    for _ in 0..<8 {
      let dotGit = folder.appendingPathComponent(".git")
      if let head = headCommit(dotGit) { return head }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  private static func headCommit(_ dotGit: URL) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
    var gitDir = dotGit
    if !isDirectory.boolValue {
      guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") else {
        return nil
      }
      let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
      gitDir = URL(fileURLWithPath: path, relativeTo: dotGit.deletingLastPathComponent())
    }
    guard let head = try? String(contentsOf: gitDir.appendingPathComponent("HEAD"), encoding: .utf8) else {
      return nil
    }
    let line = head.trimmingCharacters(in: .whitespacesAndNewlines)
    guard line.hasPrefix("ref:") else { return line.isEmpty ? nil : line }
    let ref = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
    // A worktree keeps its HEAD apart, refs in the common folder.
    var folders = [gitDir]
    if let common = try? String(contentsOf: gitDir.appendingPathComponent("commondir"), encoding: .utf8) {
      folders.append(
        URL(fileURLWithPath: common.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: gitDir))
    }
    for folder in folders {
      if let value = try? String(contentsOf: folder.appendingPathComponent(ref), encoding: .utf8) {
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
          + " (\(ref.split(separator: "/").last ?? ""))"
      }
      if let packed = try? String(contentsOf: folder.appendingPathComponent("packed-refs"), encoding: .utf8) {
        for entry in packed.split(separator: "\n") where entry.hasSuffix(" " + ref) {
          return String(entry.prefix(40)) + " (\(ref.split(separator: "/").last ?? ""))"
        }
      }
    }
    return nil
  }
}
