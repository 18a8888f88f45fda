import Foundation

/// `(0..<count).map(body)`, the calls spread over the machine's cores: files are validated
/// independently (validation is pure), so a history of many files takes the time of its share
/// on each core. The results keep their order, so what follows is the same as one by one.
func concurrentMap<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
  let results = Results<Value>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { index in
    results.set(index, body(index))
  }
  return results.values.map { value in
    guard let value else { preconditionFailure("concurrentPerform runs every iteration") }
    return value
  }
}

/// The results as they arrive, each in its place.
private final class Results<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [Value?]

  init(count: Int) { values = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    values[index] = value
  }
}
