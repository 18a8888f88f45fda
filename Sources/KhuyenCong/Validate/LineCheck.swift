/// A rule of SPEC §4 judged line by line as the lines stream out of the mapper, with a small
/// step at the end of the file: what it remembers between lines (running sums, 16-byte
/// fingerprints, a few keys) never holds the lines themselves (SPEC §8).
///
/// The run keeps each check's diagnostics apart and reports them in check order, so a check
/// only has to keep the order of the diagnostics of one line; lines may come out of row order
/// (a line waiting for the file's number convention comes at the end).
protocol LineCheck: Sendable {
  /// Whether the check needs the district and plan year the lines are for: lines then wait
  /// until both are known (or the file ends).
  var needsDistrictAndYear: Bool { get }
  /// The diagnostics of one final line.
  mutating func check(_ line: BuiltLine, in context: LineContext) -> [Diagnostic]
  /// A line whose amounts are not known yet, with the amounts it may end with: it comes again,
  /// final, before `finish`.
  mutating func expect(_ line: PlanLine, amounts: [FundTotals])
  /// The diagnostics that need every line, once the file has ended.
  mutating func finish(_ mapped: MappedSubmission, in context: LineContext) -> [Diagnostic]
}

extension LineCheck {
  var needsDistrictAndYear: Bool { false }
  mutating func expect(_ line: PlanLine, amounts: [FundTotals]) {}
  mutating func finish(_ mapped: MappedSubmission, in context: LineContext) -> [Diagnostic] { [] }
}

/// What a line check may consult: the programme, the district and year (`validation`), and
/// where the plan table is (file, sheet, column of each key).
///
/// A class: every line is checked in it, and a struct holding the programme would be copied
/// (dozens of references retained and released) for each line.
final class LineContext: Sendable {
  let validation: ValidationContext
  let file: String
  let sheet: String?
  let columns: [ColumnKey: Int]

  init(validation: ValidationContext, file: String, sheet: String?, columns: [ColumnKey: Int]) {
    self.validation = validation
    self.file = file
    self.sheet = sheet
    self.columns = columns
  }

  var programme: Programme { validation.programme }

  /// The place of a line's cell in column `key`.
  func position(of line: PlanLine, _ key: ColumnKey?) -> Position {
    line.source.at(column: key.flatMap { columns[$0] })
  }
}
