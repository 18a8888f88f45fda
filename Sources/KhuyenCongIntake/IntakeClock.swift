import Foundation

/// Where the intake gets the time it records as `received_at` (STYLE §4: injected, so tests
/// run on a fixed time and the core never reads the clock).
///
/// Named `IntakeClock`, not `Clock`: the standard library already has a `Clock` protocol, and
/// a public type must not take a stdlib name (STYLE §2).
public protocol IntakeClock: Sendable {
  /// The current time.
  func now() -> Date
}

/// The system's wall clock, for the real cron job.
public struct SystemClock: IntakeClock {
  /// Creates the wall clock.
  public init() {}
  /// The current time.
  public func now() -> Date { Date() }
}

/// One fixed time, for tests and reproducible runs.
public struct FixedClock: IntakeClock {
  /// The time every call returns.
  public var time: Date
  /// A clock stopped at `time`.
  public init(_ time: Date) { self.time = time }
  /// Always `time`.
  public func now() -> Date { time }
}

extension Date {
  /// `2016-10-27T08:15:00Z`: UTC, whole seconds, independent of locale and time zone, so it
  /// sorts as text in the ledger.
  var utcTimestamp: String {
    let seconds = Int(timeIntervalSince1970.rounded(.down))
    var days = seconds / 86_400
    var rest = seconds % 86_400
    if rest < 0 {
      rest += 86_400
      days -= 1
    }
    let day = CivilDateText.iso(daysSinceEpoch: days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return day + "T" + two(rest / 3600) + ":" + two(rest % 3600 / 60) + ":" + two(rest % 60) + "Z"
  }
}
