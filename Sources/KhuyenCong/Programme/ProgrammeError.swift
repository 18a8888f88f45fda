/// Why a programme definition could not be loaded (SPEC §2: refused with file:line and reason).
///
/// A broken programme file is the program's own configuration failure, not a district's
/// problem, so it is thrown rather than reported as a `Diagnostic` (STYLE §3).
public enum ProgrammeError: Error, Sendable, Hashable {
  /// The file is not a valid programme: `line` is 1-based and points at the offending value
  /// (or at the object that lacks a required key); `reason` is an English sentence.
  case invalid(file: String, line: Int, reason: String)
}

extension ProgrammeError: CustomStringConvertible {
  /// `FILE:LINE: reason`, the form compilers use, so editors can jump to the place.
  public var description: String {
    switch self {
    case .invalid(let file, let line, let reason): return "\(file):\(line): \(reason)"
    }
  }
}
