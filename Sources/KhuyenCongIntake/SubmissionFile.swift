import Foundation
import KhuyenCong

/// Validates submission files on disk: the effectful edge around `SubmissionValidator`.
public enum SubmissionFile {
  /// Opens `path` and validates it against `programme`. A file that cannot be opened, or is
  /// larger than `limits.maxFileBytes`, is a rejected submission with `file.unreadable`
  /// (refused before reading a byte: SPEC §8), never a thrown error.
  /// `keepingLines`: whether the result holds the lines; `lookups`: the programme's tables,
  /// built once for many files (`SubmissionValidator`).
  public static func validate(
    path: String, against programme: Programme,
    limits: ReadLimits = .standard, keepingLines: Bool = true, lookups: ProgrammeLookups? = nil,
    pipelined: Bool = true
  ) -> SubmissionValidator.Outcome {
    validate(
      path: path, named: URL(fileURLWithPath: path).lastPathComponent, against: programme,
      limits: limits, keepingLines: keepingLines, lookups: lookups, pipelined: pipelined)
  }
}
