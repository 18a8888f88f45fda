import Foundation

/// Counts failed token attempts per client address (issue 10): after `limit` failures within
/// `window`, that address is refused (429) until the oldest failure leaves the window, even
/// with a right token. Memory is bounded: at most `maxClients` addresses are tracked, the
/// stalest dropped first.
actor AttemptLimiter {
  let limit: Int
  let window: Duration
  let maxClients: Int
  private var failures: [String: [ContinuousClock.Instant]] = [:]

  init(limit: Int = 10, window: Duration = .seconds(15 * 60), maxClients: Int = 10_000) {
    self.limit = limit
    self.window = window
    self.maxClients = maxClients
  }

  /// Whether `client` may try a token now.
  func allows(_ client: String, now: ContinuousClock.Instant = .now) -> Bool {
    prune(client, now: now)
    return (failures[client]?.count ?? 0) < limit
  }

  /// Records a failed attempt by `client`.
  func failed(_ client: String, now: ContinuousClock.Instant = .now) {
    prune(client, now: now)
    if failures[client] == nil, failures.count >= maxClients {
      let stalest = failures.min { ($0.value.last ?? now) < ($1.value.last ?? now) }?.key
      if let stalest { failures[stalest] = nil }
    }
    failures[client, default: []].append(now)
  }

  private func prune(_ client: String, now: ContinuousClock.Instant) {
    guard let times = failures[client] else { return }
    let kept = times.filter { now - $0 < window }
    failures[client] = kept.isEmpty ? nil : kept
  }
}
