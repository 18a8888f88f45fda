import ArgumentParser
import Foundation
import KhuyenCong
import KhuyenCongIntake
import KhuyenCongServe

/// `khuyencong serve --store DIR --inbox DIR [--host 127.0.0.1] [--port 8080] [--program F]`:
/// the district portal (issue 10).
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the district portal: self-check, blank form, submit into the inbox, status.",
    discussion: """
      Reads the store (its ledger read-only, in WAL mode, so `run` is never held up) and writes \
      only into the inbox, where the next `run` files what districts submit. Binds 127.0.0.1 \
      unless --host says otherwise: put it behind nginx with TLS (see deploy/ and the README). \
      Uploads up to 50 MiB (413 above), spooled to a private temporary file deleted once \
      answered; one check per core at once, 64 more waiting, 503 beyond.
      """)

  @OptionGroup var programme: ProgrammeOptions
  @Option(help: "The store folder that `run` fills (only read).")
  var store: String
  @Option(help: "The inbox folder that `run` reads (submitted files are written there).")
  var inbox: String
  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"
  @Option(help: "The port to listen on (0: any free port, printed on start).")
  var port = 8080

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
  }

  func run() throws {
    let (programme, programmeText) = try programme.loadWithText()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      printError("\(inbox): no such inbox folder")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    // The same key as `run` and `status` (issue 9): the status pages cost what the plans'
    // lines cost, not what re-reading every stored file would.
    let portal = Portal(
      settings: PortalSettings(
        store: store, inbox: inbox, programme: programme,
        judgementKey: ProgramVersion.judgementKey(programmeText: programmeText)))
    let host = host
    let app = portal.application(host: host, port: port) { bound in
      printOut("khuyencong serve: listening on http://\(host):\(bound.map(String.init) ?? "?")\n")
    }
    let outcome = ServeOutcome()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await app.runService()
      } catch {
        outcome.set(String(describing: error))
      }
      done.signal()
    }
    done.wait()
    if let failure = outcome.get() {
      printError("khuyencong serve: \(failure)")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
  }
}

/// The server task's failure, handed back to the waiting main thread.
final class ServeOutcome: @unchecked Sendable {
  private let lock = NSLock()
  private var failure: String?

  func set(_ text: String) { lock.withLock { failure = text } }
  func get() -> String? { lock.withLock { failure } }
}
