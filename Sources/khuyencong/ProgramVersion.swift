import Foundation
import KhuyenCongIntake

/// The program's version as the store's kept judgements know it (issue 9): a file judged by
/// another build of the program is validated again, since a new build may judge differently.
enum ProgramVersion {
  /// The release.
  static let release = "1.0"

  /// The release and the identity of the running executable (size and modification time): a
  /// rebuilt or reinstalled program counts as a new version.
  static func current() -> String {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 else {
      return release
    }
    return "\(release)+\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }

  /// The key for the programme in force, given its text.
  static func judgementKey(programmeText: String) -> JudgementKey {
    JudgementKey(programmeText: programmeText, programVersion: current())
  }
}
