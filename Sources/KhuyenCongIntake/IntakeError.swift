/// Why `run` or `status` could not do its job: a fault of the machine or the configuration,
/// never of a district's data (that is a `Diagnostic`, STYLE §3). One case per cause.
public enum IntakeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Another `run` holds the store's lock (exit 75, `EX_TEMPFAIL`: cron tries again later).
  case storeLocked(lockFile: String)
  /// The programme file does not load.
  case programmeInvalid(file: String, line: Int, reason: String)
  /// The SQLite ledger could not be opened, migrated, read or written.
  case ledger(operation: String, underlying: String)
  /// A file or folder of the inbox or the store could not be read or written.
  case io(path: String, reason: String)

  /// The message for the person who runs the command.
  public var description: String {
    switch self {
    case .storeLocked(let lockFile):
      return "another khuyencong run holds the store's lock (\(lockFile)); nothing was done, try again later"
    case .programmeInvalid(let file, let line, let reason):
      return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    case .ledger(let operation, let underlying):
      return "ledger: cannot \(operation): \(underlying)"
    case .io(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}
