import Foundation
import Testing

@Suite("program, inspect and validate")
struct OtherCommandTests {
  @Test("program prints the programme in force, which loads back with --program")
  func programRoundTrip() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let printed = try runCLI(["program"])
    #expect(printed.status == 0)
    #expect(printed.stdout.contains("Lâm Bình"))
    let path = folder.appendingPathComponent("programme.json").path
    try printed.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    let again = try runCLI(["program", "--program", path])
    #expect(again.status == 0)
    #expect(again.stdout == printed.stdout)
  }

  @Test("a broken programme file is refused with FILE:LINE and exit 2")
  func brokenProgramme() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("broken.json").path
    try "{\n  \"formatVersion\": 1,\n  \"id\": 7\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
    let run = try runCLI(["validate", "--program", path, "samples/2017-072-na-hang-flat.csv"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("broken.json:"))
  }

  @Test("inspect says how a Windows-1258 CSV was read and shows its cells in NFC")
  func inspectCSV() throws {
    let run = try runCLI(["inspect", "samples/2017-073-chiem-hoa-flat.csv"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("format: csv"))
    #expect(run.stdout.contains("encoding: Windows-1258"))
    #expect(run.stdout.contains("delimiter: ';'"))
    #expect(run.stdout.contains("Chiêm Hóa".precomposedStringWithCanonicalMapping))
  }

  @Test("inspect quotes a cell that holds a line break, CR LF included (behaviour change, session 11)")
  func inspectQuotesLineBreaks() throws {
    // The note of row 6 opens a quote that never closes: the file's last CR LF is in the cell.
    // Shown unquoted, as it was (by `Character`, CR LF is neither CR nor LF), the cells printed
    // as CSV broke into two rows.
    let run = try runCLI(["inspect", "samples/rejected-csv_malformed-2017-074-ham-yen.csv"])
    #expect(run.stdout.contains(",\"Nguồn khác: ngân sách tỉnh↵\"\n"))
  }

  @Test("inspect shows a LibreOffice XML form with its merges and the header in place")
  func inspectXML() throws {
    let run = try runCLI(["inspect", "samples/2017-070-tp-tuyen-quang-form.xml"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("format: xml-spreadsheet-2003"))
    #expect(run.stdout.contains("merges:"))
    #expect(run.stdout.contains("layout: form"))
    #expect(run.stdout.contains("J=start"))
  }

  @Test("validate exits 0 when all files are accepted and 1 when one is rejected")
  func exitCodes() throws {
    #expect(try runCLI(["validate", "samples/2017-072-na-hang-flat.csv"]).status == 0)
    let mixed = try runCLI([
      "validate", "samples/2017-072-na-hang-flat.csv",
      "samples/rejected-budget_sum-2017-074-ham-yen.csv",
    ])
    #expect(mixed.status == 1)
    #expect(mixed.stdout.contains("Summary: 1 accepted, 1 rejected."))
  }

  @Test("--lang vi prints the official's report in Vietnamese")
  func vietnamese() throws {
    // The sheet of a CSV is the file's name, cut to 31 characters as Excel does.
    let run = try runCLI(["validate", "--lang", "vi", "samples/rejected-budget_sum-2017-074-ham-yen.csv"])
    #expect(run.stdout.contains("BỊ TỪ CHỐI"))
    #expect(run.stdout.contains("rejected-budget_sum-2017-074-ha!N3"))
    #expect(!run.stdout.contains("Sheet1"))
    #expect(run.stdout.contains("Tổng kinh phí"))
  }

  // Changed by issue 9: a path named on the command line that does not exist is a usage
  // error, exit 2, said on stderr (SPEC §4); it used to be a rejected submission, exit 1.
  @Test("a missing file named on the command line is a usage error, exit 2, said on stderr")
  func missingFile() throws {
    let run = try runCLI(["validate", "--format", "json", "samples/no-such-file.csv"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "samples/no-such-file.csv: no such file\n")
  }
}
