import Foundation

/// Runs the built `khuyencong` binary, as a user would.
struct CLIRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The package root, found from this file's path (tests must not depend on the working directory).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The built binary next to the test bundle.
func binaryURL() -> URL {
  var directory = Bundle.main.bundleURL
  for _ in 0..<4 {
    let candidate = directory.appendingPathComponent("khuyencong")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    directory = directory.deletingLastPathComponent()
  }
  return Bundle.main.bundleURL.appendingPathComponent("khuyencong")
}

/// Runs `khuyencong arguments…` with a fixed environment (no dependence on the caller's LANG).
func runCLI(_ arguments: [String], environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> CLIRun {
  let process = Process()
  process.executableURL = binaryURL()
  process.arguments = arguments
  process.environment = environment
  process.currentDirectoryURL = packageRoot
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CLIRun(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}
