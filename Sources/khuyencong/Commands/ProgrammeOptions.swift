import ArgumentParser
import Foundation
import KhuyenCong

/// The `--program FILE` option, shared by every command that needs the programme in force
/// (SPEC §2, §6); use it with `@OptionGroup var programme: ProgrammeOptions`.
struct ProgrammeOptions: ParsableArguments {
  @Option(
    name: .customLong("program"),
    help: ArgumentHelp(
      "A programme definition (JSON, see schemas/programme.schema.json) to use instead of the embedded default (Tuyên Quang 2016–2020).",
      valueName: "file"))
  var program: String?

  /// The programme in force: the file given with `--program`, else the embedded default.
  ///
  /// A file that cannot be read or does not load is reported on stderr as `FILE:LINE: reason`
  /// (or `FILE: reason`) and ends the command with status 2, a configuration error (SPEC §6).
  func load() throws -> Programme {
    try loadWithText().programme
  }

  /// The programme in force and the JSON text it was decoded from.
  func loadWithText() throws -> (programme: Programme, text: String) {
    guard let path = program else {
      return (Programme.embeddedDefault(), Programme.defaultJSON)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Self.fail("\(path): no such programme file")
    }
    guard !isDirectory.boolValue else {
      throw Self.fail("\(path): is a directory, not a programme file")
    }
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw Self.fail("\(path): cannot read the programme file (\(error.localizedDescription))")
    }
    do {
      let programme = try Programme.load(json: bytes, file: path)
      // Loaded, so the bytes are valid UTF-8; drop a byte-order mark before showing them.
      let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
      return (programme, String(decoding: body, as: UTF8.self))
    } catch {
      throw Self.fail(error.description)
    }
  }

  /// Prints `message` on stderr and returns the exit that ends the command with status 2.
  private static func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode(ExitStatus.usage.rawValue)
  }
}
