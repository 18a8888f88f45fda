import Foundation
import KhuyenCong

/// The schema check of `plan-N.xml` on a thread of its own: the writer hands it each chunk (a
/// copy) and goes on writing while the check consumes the chunks in order. `consolidate` of a
/// 700 000-line history writes a 248 MB plan whose check (6–7 s of libxml2) took longer than
/// writing it, on the same thread, while the other three files were done 1.5–2.5 s earlier.
///
/// At most `capacity` chunks wait (a writer that gets ahead waits for the check), so memory
/// stays bounded. The writer must call `finish` once, after its last `feed`: it ends the
/// thread and returns the verdict the same check gives on the writer's thread.
public final class PipedSpreadsheetCheck: PlanSpreadsheetCheckFeed, @unchecked Sendable {
  /// How many chunks may wait for the check.
  public static let capacity = 16

  // Everything below is guarded by `condition`, except `check`, which only the thread uses
  // once it has started.
  private let check: PlanSpreadsheetCheck
  private let condition = NSCondition()
  private var queue: [[UInt8]] = []
  private var closed = false
  private var verdict: PlanOutputError??

  /// Starts the thread that feeds `check` (which must not have been fed yet).
  public init(_ check: PlanSpreadsheetCheck) {
    self.check = check
    let thread = Thread { [self] in run() }
    // libxml2's schema validation recurses with the document's depth: room to spare.
    thread.stackSize = 8 << 20
    thread.start()
  }

  public func feed(_ bytes: UnsafeRawBufferPointer) {
    let chunk = [UInt8](bytes)
    condition.lock()
    while queue.count >= Self.capacity { condition.wait() }
    queue.append(chunk)
    condition.broadcast()
    condition.unlock()
  }

  public func finish() -> PlanOutputError? {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
    while verdict == nil { condition.wait() }
    return verdict ?? nil
  }

  private func run() {
    while true {
      condition.lock()
      while queue.isEmpty && !closed { condition.wait() }
      if queue.isEmpty {
        condition.unlock()
        break
      }
      let chunk = queue.removeFirst()
      condition.broadcast()  // room for the writer
      condition.unlock()
      chunk.withUnsafeBytes { check.feed($0) }
    }
    let result = check.finish()
    condition.lock()
    verdict = .some(result)
    condition.broadcast()
    condition.unlock()
  }
}
