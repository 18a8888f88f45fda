/// The whole pipeline for one file: read → map → validate (pure: bytes and a programme in,
/// a result out).
public enum SubmissionValidator {
  /// Everything known about one validated file.
  public struct Outcome: Sendable {
    /// How the file was read.
    public var read: ReadReport
    /// The submission and every diagnostic.
    public var result: SubmissionResult
  }

  /// Reads `source` (the file named `file`), maps it and checks it against `programme`.
  ///
  /// ```swift
  /// var file = try FileSource(path: path)
  /// let outcome = SubmissionValidator.validate(&file, named: "lam-binh.xml", against: programme)
  /// outcome.result.status   // .accepted or .rejected
  /// ```
  public static func validate<Source: ByteSource>(
    _ source: inout Source, named file: String, against programme: Programme,
    limits: ReadLimits = .standard
  ) -> Outcome {
    var mapper = SubmissionMapper(file: file, programme: programme)
    let read = WorkbookReader.read(&source, file: file, limits: limits, into: &mapper)
    let mapped = mapper.finish(report: read)
    let result = ValidationRun.validate(mapped, read: read, against: programme)
    return Outcome(read: read, result: result)
  }
}
