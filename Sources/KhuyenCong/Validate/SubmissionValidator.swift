import Foundation

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
  ///     its lines checked by a crew of threads (`PipelinedVisitor`, `Handoff.Crew`), a large
  ///     xlsx part inflated on a thread of its own (`XLSXInflateAhead`) and a large worksheet
  ///     parsed on another (`XLSXSheetEvents`): the same outcome in less time when a core is
  ///     free. A caller already validating a file on every core says `false`.
  public static func validate<Source: ByteSource>(
    _ source: inout Source, named file: String, against programme: Programme,
    limits: ReadLimits = .standard, keepingLines: Bool = true, lookups: ProgrammeLookups? = nil,
    pipelined: Bool = true
  ) -> Outcome {
    let lookups = lookups ?? ProgrammeLookups(programme)
    let mapper = SubmissionMapper(file: file, programme: programme, lookups: lookups)
    var run = ValidationRun(file: file, programme: programme, keepingLines: keepingLines, lookups: lookups)
    let read: ReadReport
    let mapped: MappedSubmission
    if pipelined {
      // Read on this thread while the rows are mapped and the lines checked as they come, by
      // one crew: second threads, and this one whenever its rows wait (`Handoff.Crew`). The
      // three stages take about a third of the work each. The checked lines are destroyed on
      // this thread, which made most of what they hold (their rows' texts: `Disposal`).
      let disposal = Handoff.Disposal()
      (read, mapped) = Handoff.withCrew(threads: Self.crewThreads) { crew in
        Handoff.run(into: &run, crew: crew, disposal: disposal) { lines in
          var visitor = ValidatingVisitor(mapper: mapper, lines: lines)
          let read = PipelinedVisitor.read(into: &visitor, crew: crew, emptying: disposal) { pipe in
            WorkbookReader.read(
              &source, file: file, limits: limits, concurrently: true, into: &pipe)
          }
          let mapped = visitor.finish(read)
          lines = visitor.lines
          return (read, mapped)
        }
      }
    } else {
      var visitor = ValidatingVisitor(mapper: mapper, lines: run)
      read = WorkbookReader.read(&source, file: file, limits: limits, into: &visitor)
      mapped = visitor.finish(read)
      run = visitor.lines
    }
    let result = run.finish(mapped, read: read)
    return Outcome(read: read, result: result)
  }

  /// The crew's second threads: one on two cores (the reading thread is the other; a second
  /// one made the 170 000-line CSV about 4 % slower there), two from three cores on (the
  /// mapping and checking stages, each a core of its own beside the reading thread).
  static let crewThreads = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
}

/// A line the mapper built, with where the file stood when it was built: the district and
/// plan year named so far (the first ones), the sheet and columns of the plan table.
struct MappedLine {
  var built: BuiltLine
  var district: DistrictCode?
  var year: Int?
  var sheet: String?
  var columns: [ColumnKey: Int]

  /// About the bytes the line holds: its texts' UTF-8 and its other fields. A batch of lines
  /// handed over closes by it too (`Handoff.batchBytes`): a line's texts may fill Excel's
  /// cells, 32 767 characters each, and 128 of them would not be small.
  var weight: Int {
    let line = built.line
    var bytes = MemoryLayout<MappedLine>.stride
    bytes += line.contentText.utf8.count
    bytes += line.activity.utf8.count
    bytes += line.implementer.utf8.count
    bytes += line.beneficiary?.utf8.count ?? 0
    bytes += line.place?.utf8.count ?? 0
    bytes += line.unit?.utf8.count ?? 0
    bytes += line.note?.utf8.count ?? 0
    return bytes
  }
}

/// Where the mapper's lines go: the validation run itself, or the hand-over to it on another
/// thread.
protocol MappedLineTaker {
  /// Takes `line` over: moved along, never copied (its dozen references would each be
  /// retained and released again).
  mutating func take(_ line: consuming MappedLine)
}

extension ValidationRun: MappedLineTaker, HandoffConsumer {
  mutating func take(_ line: consuming MappedLine) { accept(line) }
  /// The run keeps nothing of a line but copies (`kept` and `waiting` are compact records).
  static var readsInPlace: Bool { true }
  mutating func read(_ line: borrowing MappedLine) { accept(line) }
}

extension Handoff.Sender: MappedLineTaker where Item == MappedLine {
  mutating func take(_ line: consuming MappedLine) {
    let weight = line.weight
    send(consume line, weight: weight)
  }
}

/// Feeds the mapper and hands each line it builds on at once.
private struct ValidatingVisitor<Lines: MappedLineTaker>: WorkbookVisitor {
  var mapper: SubmissionMapper
  var lines: Lines
  /// Lines taken from the mapper (reused: no allocation per row).
  private var built: [BuiltLine] = []

  init(mapper: SubmissionMapper, lines: Lines) {
    self.mapper = mapper
    self.lines = lines
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

  /// The file has been read: the mapper ends its table, hands on its last lines and says
  /// what it found.
  mutating func finish(_ read: ReadReport) -> MappedSubmission {
    mapper.endTable()
    passLines()
    return mapper.finish(report: read)
  }

  /// Hands the lines the mapper built on.
  private mutating func passLines() {
    mapper.takeLines(into: &built)
    guard !built.isEmpty else { return }
    let district = mapper.linesDistrict
    let year = mapper.linesYear
    let sheet = mapper.tableSheet
    let columns = mapper.columnsByKey
    // Moved out, last first after reversing, not copied and then destroyed: a line holds a
    // dozen references, each retained and released again by a copy.
    built.reverse()
    while let line = built.popLast() {
      lines.take(MappedLine(built: line, district: district, year: year, sheet: sheet, columns: columns))
    }
  }
}
