/// The whole pipeline for one file: read → map → validate (pure: bytes and a programme in,
/// a result out). Lines stream from the reader through the mapper into the checks.
public enum SubmissionValidator {
  /// Everything known about one validated file.
  public struct Outcome: Sendable {
    /// How the file was read.
    public var read: ReadReport
    /// The submission and every diagnostic.
    public var result: SubmissionResult

    /// Pairs a read report with a result.
    public init(read: ReadReport, result: SubmissionResult) {
      self.read = read
      self.result = result
    }
  }

  /// Reads `source` (the file named `file`), maps it and checks it against `programme`.
  ///
  /// ```swift
  /// var file = try FileSource(path: path)
  /// let outcome = SubmissionValidator.validate(&file, named: "lam-binh.xml", against: programme)
  /// outcome.result.status   // .accepted or .rejected
  /// ```
  /// - Parameters:
  ///   - keepingLines: whether the result holds the submission's lines. Without them
  ///     (`validate`) memory does not grow with the file: the result has their count and totals.
  ///   - lookups: `programme`'s tables, built once by a caller validating many files (else
  ///     built for this file).
  ///   - pipelined: whether the file is read on this thread while its rows are mapped and
  ///     checked on a second one (`PipelinedVisitor`): the same outcome in less time when a
  ///     core is free. A caller already validating a file on every core says `false`.
  public static func validate<Source: ByteSource>(
    _ source: inout Source, named file: String, against programme: Programme,
    limits: ReadLimits = .standard, keepingLines: Bool = true, lookups: ProgrammeLookups? = nil,
    pipelined: Bool = true
  ) -> Outcome {
    let lookups = lookups ?? ProgrammeLookups(programme)
    var visitor = ValidatingVisitor(
      mapper: SubmissionMapper(file: file, programme: programme, lookups: lookups),
      run: ValidationRun(file: file, programme: programme, keepingLines: keepingLines, lookups: lookups))
    let read: ReadReport
    if pipelined {
      // Read on this thread, mapped and checked on a second one as the rows come.
      read = PipelinedVisitor.read(into: &visitor) { pipe in
        WorkbookReader.read(&source, file: file, limits: limits, into: &pipe)
      }
    } else {
      read = WorkbookReader.read(&source, file: file, limits: limits, into: &visitor)
    }
    visitor.mapper.endTable()
    visitor.passLines()
    let mapped = visitor.mapper.finish(report: read)
    let result = visitor.run.finish(mapped, read: read)
    return Outcome(read: read, result: result)
  }
}

/// Feeds the mapper and hands each line it builds to the validation run at once.
private struct ValidatingVisitor: WorkbookVisitor {
  var mapper: SubmissionMapper
  var run: ValidationRun
  /// Lines taken from the mapper (reused: no allocation per row).
  private var lines: [BuiltLine] = []

  init(mapper: SubmissionMapper, run: ValidationRun) {
    self.mapper = mapper
    self.run = run
  }

  mutating func beginSheet(name: String, index: Int) { mapper.beginSheet(name: name, index: index) }

  mutating func visit(_ row: SheetRow) {
    mapper.visit(row)
    passLines()
  }

  mutating func endSheet() {
    mapper.endSheet()
    passLines()
  }

  /// Hands the lines the mapper built to the run.
  mutating func passLines() {
    mapper.takeLines(into: &lines)
    guard !lines.isEmpty else { return }
    let district = mapper.linesDistrict
    let year = mapper.linesYear
    let sheet = mapper.tableSheet
    let columns = mapper.columnsByKey
    for built in lines {
      run.accept(built, district: district, year: year, sheet: sheet, columns: columns)
    }
    lines.removeAll(keepingCapacity: true)
  }
}
