import ArgumentParser
import Foundation
import KhuyenCong

/// `--lang vi|en`: the language of messages and reports; the default follows `LANG`
/// (Vietnamese for `vi_*`, English otherwise), SPEC §4.
struct LanguageOptions: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Language of messages: vi or en (default: from LANG).")
  var lang: String?

  func validate() throws {
    if let lang, Language(rawValue: lang) == nil {
      throw ValidationError("--lang must be vi or en, not '\(lang)'")
    }
  }

  /// The language in force.
  var language: Language {
    lang.flatMap(Language.init(rawValue:))
      ?? Language.from(environmentLang: ProcessInfo.processInfo.environment["LANG"])
  }
}

/// Writes text to standard output (only the CLI prints), control characters escaped
/// (`TerminalText.forTerminal`: a cell's escape sequence must not reach the terminal).
func printOut(_ text: String) {
  FileHandle.standardOutput.write(Data(TerminalText.forTerminal(text).utf8))
}

/// Writes a line to standard error, control characters escaped.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((TerminalText.forTerminal(text) + "\n").utf8))
}
