import ArgumentParser
import Foundation
import KhuyenCong

/// `khuyencong program [--program FILE]`: prints the programme definition in force (SPEC §6).
///
/// The output is JSON that loads back with `--program`: the embedded default's text, or the
/// given file's own text once it has loaded, so a user edits a copy of exactly what runs.
struct ProgramCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "program",
    abstract: "Print the programme definition in force (default: the embedded Tuyên Quang 2016–2020 one).",
    discussion: """
      Save the output to a file, edit it (another period, deadline, districts, caps…) and pass it \
      with --program to any command: no rebuild is needed. A broken file is refused with \
      FILE:LINE and the reason, exit status 2.

      Indicators list their measures (unit, other spellings, five-year target; a line's unit \
      picks the measure). Content areas list the activities the decision names without a \
      number: a line naming only the area plans one, counted in the area's budget, never \
      towards a target. Caps carry their clause and the plan years they are in force \
      (fromYear, toYear); capPeriods say which legal text sets them for which plan years \
      (capsGiven false: not checked, said once per file); the deadline binds from \
      firstPlanYear.
      """)

  @OptionGroup var programme: ProgrammeOptions

  func run() throws {
    let text = try programme.loadWithText().text
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}
