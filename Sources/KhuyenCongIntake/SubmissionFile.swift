import Foundation
import KhuyenCong

/// Validates submission files on disk: the effectful edge around `SubmissionValidator`.
public enum SubmissionFile {
  /// Opens `path` and validates it against `programme`. A file that cannot be opened, or is
  /// larger than `limits.maxFileBytes`, is a rejected submission with `file.unreadable`
  /// (refused before reading a byte: SPEC §8), never a thrown error.
  public static func validate(path: String, against programme: Programme,
                              limits: ReadLimits = .standard) -> SubmissionValidator.Outcome {
    let name = URL(fileURLWithPath: path).lastPathComponent
    func refused(_ reason: String, _ values: [String: String] = [:]) -> SubmissionValidator.Outcome {
      let diagnostic = Diagnostic(code: .fileUnreadable, severity: .error, position: Position(file: name),
                                  values: values.merging(["reason": reason]) { a, _ in a })
      return SubmissionValidator.Outcome(
        read: ReadReport(format: .unknown, diagnostics: [diagnostic]),
        result: SubmissionResult(submission: Submission(file: name), diagnostics: [diagnostic]))
    }
    var source: FileSource
    do {
      source = try FileSource(path: path)
    } catch {
      return refused(error.reason)
    }
    if source.byteCount > limits.maxFileBytes {
      return refused("larger than the limit", ["limit": String(limits.maxFileBytes),
                                               "size": String(source.byteCount)])
    }
    return SubmissionValidator.validate(&source, named: name, against: programme, limits: limits)
  }
}
