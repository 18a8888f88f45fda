import Foundation
import KhuyenCong

extension SubmissionFile {
  /// The size from which a file is pipelined (`SubmissionValidator.validate`): 1 MiB, about
  /// 3 500 lines of CSV. Below it the handing over costs more than the second core saves.
  public static let pipelinedFrom = 1 << 20

  /// The same for an xlsx (a zip), lower: reading one costs more per line than reading CSV
  /// (inflating, XML), so the second core pays sooner. 64 KiB is about 850 lines of a
  /// generated plan; measured (best of 25): 1 000 lines (75 KB) 34.7 ms on one thread, 30.2 ms
  /// pipelined; 250 and 500 lines alike either way; a district's plan of tens of lines (6–8
  /// KB) stays on one thread.
  public static let pipelinedZipFrom = 64 << 10

  /// The size from which `source` is pipelined: `pipelinedZipFrom` when it starts as a zip
  /// does (`PK\3\4`), else `pipelinedFrom`. The reader decides the format later, on more.
  static func pipelinedSize(of source: FileSource) -> Int {
    guard let bytes = source.randomAccess() else { return pipelinedFrom }
    var head: [UInt8] = [0, 0, 0, 0]
    let count = head.withUnsafeMutableBytes { buffer in (try? bytes.read(at: 0, into: buffer)) ?? 0 }
    return count == 4 && head == [0x50, 0x4B, 0x03, 0x04] ? pipelinedZipFrom : pipelinedFrom
  }

  /// Validates the file at `path` as if it were called `name`.
  ///
  /// The store keeps a copy under `<hash prefix>-<original name>`; diagnostics, reports and the
  /// plan must still name the file as the district sent it. Same checks as
  /// `validate(path:against:limits:)`: an unopenable or oversized file is a rejected submission
  /// with `file.unreadable`, never a thrown error. `pipelined`: as in
  /// `SubmissionValidator.validate`, for a file of `pipelinedFrom` bytes or more
  /// (`pipelinedZipFrom` for an xlsx).
  public static func validate(
    path: String, named name: String, against programme: Programme,
    limits: ReadLimits = .standard, keepingLines: Bool = true, lookups: ProgrammeLookups? = nil,
    pipelined: Bool = true
  ) -> SubmissionValidator.Outcome {
    func refused(_ values: [String: String]) -> SubmissionValidator.Outcome {
      let diagnostic = Diagnostic(
        code: .fileUnreadable, severity: .error,
        position: Position(file: name), values: values)
      return SubmissionValidator.Outcome(
        read: ReadReport(format: .unknown, diagnostics: [diagnostic]),
        result: SubmissionResult(submission: Submission(file: name), diagnostics: [diagnostic]))
    }
    var source: FileSource
    do {
      source = try FileSource(path: path)
    } catch {
      return refused(["reason": error.reason])
    }
    if source.byteCount > limits.maxFileBytes {
      return refused([
        "reason": "larger than the limit", "limit": String(limits.maxFileBytes),
        "size": String(source.byteCount),
      ])
    }
    // More threads pay for themselves on large files only: a district's plan of tens of lines
    // is read, mapped and checked in less time than handing its rows over would take.
    return SubmissionValidator.validate(
      &source, named: name, against: programme, limits: limits, keepingLines: keepingLines,
      lookups: lookups, pipelined: pipelined && source.byteCount >= Self.pipelinedSize(of: source))
  }
}
