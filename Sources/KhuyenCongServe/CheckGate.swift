import Foundation

/// At most `running` checks at once (one per core), up to `waiting` more queued in arrival
/// order; beyond that a check is refused at once and the portal answers 503 (issue 10).
///
/// A check is CPU work that does not yield: it runs on a Dispatch thread, not on the
/// cooperative pool that also serves the other requests' I/O.
actor CheckGate {
  /// Thrown when the queue is full.
  struct Busy: Error {}

  let running: Int
  let waiting: Int
  private var active = 0
  private var queue: [CheckedContinuation<Void, Never>] = []

  init(running: Int, waiting: Int) {
    self.running = max(1, running)
    self.waiting = max(0, waiting)
  }

  /// Runs `work` when a place is free; throws `Busy` when `waiting` checks already wait.
  func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(Busy) -> T {
    try await acquire()
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
      DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
    release()
    return result
  }

  private func acquire() async throws(Busy) {
    if active < running {
      active += 1
      return
    }
    guard queue.count < waiting else { throw Busy() }
    // The place is handed over by `release`, which keeps `active` as it is.
    await withCheckedContinuation { queue.append($0) }
  }

  private func release() {
    if queue.isEmpty {
      active -= 1
    } else {
      queue.removeFirst().resume()
    }
  }

  /// How many checks run and wait now (for tests and the load test's report).
  var load: (active: Int, queued: Int) { (active, queue.count) }
}

/// At most `limit` uploads being received at once (each may spool up to 50 MiB to disk);
/// the next is refused at once with 503 (issue 10).
actor UploadSlots {
  let limit: Int
  private var taken = 0

  init(limit: Int) { self.limit = max(1, limit) }

  /// Takes a slot; `false` when all are taken.
  func acquire() -> Bool {
    guard taken < limit else { return false }
    taken += 1
    return true
  }

  func release() { taken = max(0, taken - 1) }
}
