import Foundation
import Testing

@testable import KhuyenCong

/// Handing items to a consumer on another thread must change nothing it sees, only when.
@Suite("Read: items handed in order to a consumer on its own thread")
struct HandoffTests {
  /// Keeps every item it takes, in order.
  struct Keeper<Item>: HandoffConsumer {
    var items: [Item] = []
    mutating func take(_ item: Item) { items.append(item) }
  }

  /// Counts the items it takes and signals `taken` at the first.
  struct FirstSignal<Item>: HandoffConsumer {
    let taken: DispatchSemaphore
    var count = 0
    mutating func take(_ item: Item) {
      if count == 0 { taken.signal() }
      count += 1
    }
  }

  @Test(
    "the consumer takes every item once, in order, across batches, and comes back with the producer's result",
    arguments: [0, 1, 255, 256, 257, 10_000])
  func inOrder(count: Int) {
    var kept = Keeper<Int>()
    let produced = Handoff.run(into: &kept) { sender in
      for item in 0..<count { sender.send(item) }
      return count
    }
    #expect(produced == count)
    #expect(kept.items == Array(0..<count))
  }

  /// Whether the consumer takes an item while the producer, having sent `items` with `send`,
  /// waits (up to `timeout` seconds) before sending anything more: whether they closed a batch.
  static func handedOver<Item>(
    _ items: [Item], timeout: Double = 10, send: (inout Handoff.Sender<Item>, Item) -> Void
  ) -> Bool {
    let taken = DispatchSemaphore(value: 0)
    var consumer = FirstSignal<Item>(taken: taken)
    var handed = false
    Handoff.run(into: &consumer) { sender in
      for item in items { send(&sender, item) }
      handed = taken.wait(timeout: .now() + timeout) == .success
    }
    #expect(consumer.count == items.count)
    return handed
  }

  /// An item that notes, when it is destroyed, whether that was on the thread that made it.
  final class Made: Sendable {
    let value: Int
    let maker = pthread_self()
    let destroyedElsewhere: Counter

    init(_ value: Int, destroyedElsewhere: Counter) {
      self.value = value
      self.destroyedElsewhere = destroyedElsewhere
    }

    deinit {
      if pthread_equal(maker, pthread_self()) == 0 { destroyedElsewhere.add() }
    }
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }

  /// Sums what it reads in place, keeping nothing of the items.
  struct InPlaceSum: HandoffConsumer {
    var sum = 0
    var read = 0
    static var readsInPlace: Bool { true }
    mutating func take(_ item: consuming Made) { read(item) }
    mutating func read(_ item: borrowing Made) {
      sum += item.value
      read += 1
    }
  }

  @Test(
    "a consumer that reads in place sees every item once, and the items are destroyed on the producer's thread, where they were made",
    arguments: [1, 256, 257, 5_000])
  func readInPlace(count: Int) {
    let elsewhere = Counter()
    var consumer = InPlaceSum()
    Handoff.run(into: &consumer) { sender in
      for value in 1...count { sender.send(Made(value, destroyedElsewhere: elsewhere)) }
    }
    #expect(consumer.read == count)
    #expect(consumer.sum == count * (count + 1) / 2)
    #expect(elsewhere.value == 0)
  }

  /// Hands every item it takes on to `sender`, as the mapping stage hands its lines on.
  struct Forwarder<Item>: HandoffConsumer {
    var sender: Handoff.Sender<Item>
    mutating func take(_ item: consuming Item) { sender.send(item) }
  }

  @Test(
    "items handed on by a second thread and read in place on a third die on the thread that made them, which empties the disposal",
    arguments: [1, 257, 5_000])
  func disposal(count: Int) {
    let elsewhere = Counter()
    let disposal = Handoff.Disposal()
    var consumer = InPlaceSum()
    Handoff.withCrew { crew in
      Handoff.run(into: &consumer, crew: crew, disposal: disposal) { onward in
        var forwarder = Forwarder<Made>(sender: onward)
        Handoff.run(into: &forwarder, crew: crew, emptying: disposal) { sender in
          for value in 1...count { sender.send(Made(value, destroyedElsewhere: elsewhere)) }
        }
        onward = forwarder.sender
      }
    }
    #expect(consumer.read == count)
    #expect(consumer.sum == count * (count + 1) / 2)
    #expect(elsewhere.value == 0)
  }

  /// Keeps every item it takes, in order, and the threads it took them on.
  /// Keeps every item it takes, in order, and counts those taken on another thread than the
  /// one that made it.
  struct ThreadKeeper: HandoffConsumer {
    var items: [Int] = []
    var elsewhere = 0
    let home = pthread_self()
    mutating func take(_ item: Int) {
      items.append(item)
      if pthread_equal(home, pthread_self()) == 0 { elsewhere += 1 }
    }
  }

  /// What a run on another thread left: set there, read here once it has signalled.
  final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: ThreadKeeper?
    func set(_ kept: ThreadKeeper) { lock.withLock { self.kept = kept } }
    var value: ThreadKeeper? { lock.withLock { kept } }
  }

  @Test(
    "with no second thread, the sender's thread takes the batches itself whenever its queue is full, in order: through two stages, every item once",
    arguments: [0, 1, 256, 257, 10_000])
  func senderTakesWhenFull(count: Int) {
    // On a thread of its own, so that a sender that only waited would fail here, not hang.
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Thread {
      var kept = ThreadKeeper()
      Handoff.withCrew(threads: 0) { crew in
        Handoff.run(into: &kept, crew: crew) { onward in
          var forwarder = Forwarder<Int>(sender: onward)
          Handoff.run(into: &forwarder, crew: crew) { sender in
            for item in 0..<count { sender.send(item) }
          }
          onward = forwarder.sender
        }
      }
      outcome.set(kept)
      done.signal()
    }.start()
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(outcome.value?.items == Array(0..<count))
    #expect(outcome.value?.elsewhere == 0)
  }

  @Test(
    "through two stages on a crew of one, two or three second threads, the last stage takes every item once, in order",
    arguments: [1, 2, 3])
  func crewKeepsOrder(threads: Int) {
    var kept = Keeper<Int>()
    Handoff.withCrew(threads: threads) { crew in
      Handoff.run(into: &kept, crew: crew) { onward in
        var forwarder = Forwarder<Int>(sender: onward)
        Handoff.run(into: &forwarder, crew: crew) { sender in
          for item in 0..<20_000 { sender.send(item) }
        }
        onward = forwarder.sender
      }
    }
    #expect(kept.items == Array(0..<20_000))
  }

  @Test("a batch closes at its weight: heavy items are handed over a few at a time, not a batch's count")
  func closesByWeight() {
    // A quarter of a batch's bytes each: the fourth closes the batch, three do not.
    #expect(Self.handedOver(Array(0..<4)) { $0.send($1, weight: Handoff.batchBytes / 4) })
    #expect(!Self.handedOver(Array(0..<3), timeout: 0.3) { $0.send($1, weight: Handoff.batchBytes / 4) })
  }

  @Test(
    "a mapped line weighs its texts: seven lines of long texts close their batch, a batch's count less one of ordinary ones do not"
  )
  func lineWeight() {
    func mapped(_ line: PlanLine) -> MappedLine {
      MappedLine(
        built: BuiltLine(line: line, group: 0, stage: .streamed), district: nil, year: nil, sheet: nil,
        columns: [:])
    }
    let long = mapped(
      PlanLinesTests.line(
        row: 2, activity: String(repeating: "Đào tạo nghề ", count: 2_300), place: "Xã Khuôn Hà",
        quantity: nil))
    let short = mapped(PlanLinesTests.line(row: 3, activity: "Đào tạo nghề", place: nil, quantity: nil))
    // 2 300 times 13 characters, 19 bytes of UTF-8: 43 700 bytes of activity alone.
    #expect(long.weight > 43_700)
    // As the validator hands its lines on (`MappedLineTaker`).
    #expect(Self.handedOver(Array(repeating: long, count: 7)) { $0.take($1) })
    #expect(
      !Self.handedOver(Array(repeating: short, count: Handoff.batchSize - 1), timeout: 0.3) { $0.take($1) })
  }
}
