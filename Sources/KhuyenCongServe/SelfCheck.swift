import Foundation
import KhuyenCong
import KhuyenCongIntake

/// A file checked as `validate` checks it, with its cells for the page (issue 10).
struct SelfCheck: Sendable {
  /// How the file was read and every diagnostic: the very call `validate` and `run` make,
  /// so the codes and cells are theirs.
  var outcome: SubmissionValidator.Outcome
  /// The cells, read again for display only.
  var grid: SheetGrid

  var result: SubmissionResult { outcome.result }

  /// Checks the file at `path`, named `name` as the district named it.
  ///
  /// Pipelined as `validate` is (a file of 1 MiB or more read, mapped and checked on three
  /// threads, a large xlsx part inflated on a fourth and its rows parsed on a fifth), although
  /// the gate lets one check run per core: uploads of large plans seldom overlap, and one
  /// alone then finishes sooner; when they do overlap, the threads share the cores and only
  /// time changes.
  static func run(path: String, named name: String, programme: Programme) -> SelfCheck {
    let outcome = SubmissionFile.validate(path: path, named: name, against: programme)
    var grid = SheetGrid()
    // A file refused before reading (unopenable, oversized) has no cells to show.
    if outcome.read.format != .unknown, var source = try? FileSource(path: path) {
      _ = WorkbookReader.read(&source, file: name, into: &grid)
    }
    return SelfCheck(outcome: outcome, grid: grid)
  }

  /// The sheets worth showing: the plan sheet and every sheet a diagnostic points into; the
  /// first sheet when there is neither.
  var shownSheets: [SheetGrid.Sheet] {
    let planSheet = result.submission.sheet
    let pointed = Set(result.diagnostics.compactMap(\.position.sheet))
    let shown = grid.sheets.filter { $0.name == planSheet || pointed.contains($0.name) }
    if shown.isEmpty, let first = grid.sheets.first { return [first] }
    return shown
  }
}
