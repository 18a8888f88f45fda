import Foundation

/// Items handed from the caller's thread to a consumer on a thread of its own (`run`), or from
/// a producer on a thread of its own to the caller (`runAhead`), in order, in small batches
/// (issue 7): two stages of the pipeline run at once, on two cores, instead of one after the
/// other on one.
///
/// The consumer sees exactly the items it would have seen called directly, in the same order,
/// and never answers back, so the outcome is the same as on one thread; only the time
/// differs. Memory stays bounded: a batch closes at `batchSize` items or `batchBytes` bytes
/// (as the sender weighs them), whichever comes first, at most `queued` batches wait, and the
/// sender waits when they are full. A consumer that only reads its items (`readsInPlace`)
/// hands each batch back, items and all, to be destroyed on the sender's thread at its next
/// `send`: the batches read since then wait too, no more than `queued` and the one in hand.
///
/// Written by hand on `NSCondition` and a `Thread`: both sides are synchronous code that must
/// not suspend, and Swift concurrency's tasks would block a cooperative thread while they
/// wait for each other.
///
/// ```swift
/// var run = ValidationRun(...)       // a HandoffConsumer of MappedLine
/// let count = Handoff.run(into: &run) { sender in
///   for line in lines { sender.send(line, weight: line.weight) }
///   return lines.count
/// }
/// ```
enum Handoff {
  /// Items per batch: large enough that handing over costs little per item, small enough
  /// that the consumer starts at once and memory stays small.
  static let batchSize = 256
  /// About how many bytes a batch holds at most (by the sender's `weight`): 256 rows of a
  /// plan weigh about 140 KiB.
  static let batchBytes = 256 << 10
  /// Batches waiting at most.
  static let queued = 4

  /// Runs `produce` on this thread with a sender whose items `consumer` takes, one by one and
  /// in order, on a second thread; returns once every item is taken, with `consumer` as its
  /// `take` left it.
  ///
  /// - Parameters:
  ///   - disposal: where a consumer that `readsInPlace` puts each batch it has read, instead
  ///     of handing it back to the sender: for items that hold what a third thread made
  ///     (a mapped line holds the texts of the row it was built from), to be destroyed there.
  ///     What is left in it at the end is destroyed on this thread.
  ///   - emptied: a disposal this run's sender empties, on its own thread, at each batch it
  ///     hands over.
  static func run<Consumer: HandoffConsumer, Result>(
    into consumer: inout Consumer, disposal: Disposal? = nil, emptying emptied: Disposal? = nil,
    _ produce: (inout Sender<Consumer.Item>) -> Result
  ) -> Result {
    let channel = Channel<Consumer.Item>(disposal: disposal, emptying: emptied)
    let worker = Worker(consumer, channel: channel)
    start(worker)
    var sender = Sender(channel: channel)
    let result = produce(&sender)
    sender.flush()
    channel.close()
    channel.waitUntilFinished()
    // The batches read since the last `send` end here too, on this thread, and what is left
    // in the disposal.
    channel.dropSpent()
    disposal?.empty()
    consumer = worker.consumer
    return result
  }

  /// The other way round: `producer` runs on a second thread and `take` gets its items on
  /// this one, one by one and in order; returns once every item is taken, with what
  /// `produce` returned. For a producer that needs no generic code (a parser) feeding a
  /// consumer that does (the rows, delivered to a visitor): code running on the second
  /// thread is reached through a protocol and is not specialised for its types.
  static func runAhead<Producer: HandoffProducer>(
    _ producer: Producer, take: (Producer.Item) -> Void
  ) -> Producer.Result {
    let channel = Channel<Producer.Item>()
    let worker = ProducerWorker(producer, channel: channel)
    start(worker)
    channel.drain(take)
    channel.waitUntilFinished()
    guard let result = worker.result else {
      preconditionFailure("Handoff.runAhead: the producer finished without a result")
    }
    return result
  }

  /// Runs `body.main()` on a thread of its own (`body` as an existential: the thread's closure
  /// captures no generic type), with a stack of `stackSize` bytes: by default as deep as the
  /// main thread's, which the checks were written for. The thread is a batch thread
  /// (`makeBatchThread`).
  static func start(_ body: any SecondThread, stackSize: Int = 8 << 20) {
    let thread = Thread {
      makeBatchThread()
      body.main()
    }
    thread.stackSize = stackSize
    thread.start()
  }

  /// Makes this thread a batch thread (Linux's `SCHED_BATCH`): when it wakes, the scheduler
  /// no longer lets it take the core of the thread that woke it. The thread that hands work
  /// over is the one the others wait on; on two cores, the reading thread lost its core about
  /// 530 times in 170 000 lines to the thread it had just woken, and the cores were idle a
  /// fifth of the time (issue 7, `perf sched`). Any process may ask for it; if refused, the
  /// thread stays as it was. (Glibc's headers name the policy only under `_GNU_SOURCE`.)
  static func makeBatchThread() {
    #if os(Linux)
      let batchPolicy: Int32 = 3
      var parameters = sched_param()
      _ = pthread_setschedparam(pthread_self(), batchPolicy, &parameters)
    #endif
  }

  /// The producer's end: collects items into batches and hands each over when it closes.
  ///
  /// A copy carries its own unsent batch: whoever moves the sender into a visitor must put
  /// that copy back into `run`'s `inout` sender before `produce` returns (as
  /// `PipelinedVisitor.read` does), or the last batch is never handed over.
  struct Sender<Item> {
    private let channel: Channel<Item>
    /// Optional, so that the consumer can move each item out (`take()`) instead of copying it
    /// and then destroying the batch: a line holds a dozen references.
    private var batch: [Item?] = []
    private var batchWeight = 0

    fileprivate init(channel: Channel<Item>) {
      self.channel = channel
      batch.reserveCapacity(Handoff.batchSize)
    }

    /// Adds `item`, about `weight` bytes, to the batch, handing the batch over when it is full.
    mutating func send(_ item: consuming Item, weight: Int = 0) {
      batch.append(consume item)
      batchWeight += weight
      if batch.count == Handoff.batchSize || batchWeight >= Handoff.batchBytes { flush() }
    }

    /// Hands over what the batch holds now.
    mutating func flush() {
      guard !batch.isEmpty else { return }
      channel.send(batch)
      batch = []
      batch.reserveCapacity(Handoff.batchSize)
      batchWeight = 0
    }
  }

  /// Batches read in place, waiting to be destroyed on the thread that made what their items
  /// hold: a run's consumer puts them in (`run(into:disposal:)`), and another run's sender,
  /// on that thread, empties it at each batch it hands over (`run(into:emptying:)`).
  ///
  /// For a pipeline of three threads: the checking thread's lines hold the texts the reading
  /// thread made for their rows, and each line is the last to hold most of them. Destroyed on
  /// the checking thread, each such text was freed into the reading thread's malloc arena, and
  /// the two threads waited on its lock (issue 7: the checking thread was put to sleep in
  /// `free` about 450 times in 170 000 lines).
  ///
  /// Holds at most the batches read since the emptying sender last handed one over.
  final class Disposal: @unchecked Sendable {
    private let lock = NSLock()
    // Read and written with `lock` held.
    private var batches: [Any] = []

    /// Keeps `batch` until the next `empty()`.
    fileprivate func put(_ batch: consuming Any) {
      lock.lock()
      batches.append(consume batch)
      lock.unlock()
    }

    /// Destroys, on this thread, every batch put in so far.
    func empty() {
      lock.lock()
      var batches: [Any] = []
      swap(&batches, &self.batches)
      lock.unlock()
      // `batches` ends here, outside the lock.
    }
  }
}

/// The consumer, moved to the second thread for the run and back after it. Only one thread
/// uses it at a time: the second thread from `start()` until `finish()`, the caller after
/// `waitUntilFinished()` (the condition's lock orders the two).
///
/// A protocol's method, not a closure: a closure made in a generic function would carry its
/// type's metadata to the other thread (Swift 6.3 warns: a non-`Sendable` metatype captured).
private final class Worker<Consumer: HandoffConsumer>: SecondThread, @unchecked Sendable {
  /// Not checked for exclusive access at run time (two checks an item): only `main` uses it.
  @exclusivity(unchecked) var consumer: Consumer
  let channel: Channel<Consumer.Item>

  init(_ consumer: Consumer, channel: Channel<Consumer.Item>) {
    self.consumer = consumer
    self.channel = channel
  }

  /// Hands every item of the channel to the consumer, in order, then says it is finished.
  func main() {
    if Consumer.readsInPlace {
      channel.drainInPlace { item in consumer.read(item) }
    } else {
      channel.drain { item in consumer.take(consume item) }
    }
    channel.finish()
  }
}

/// The producer of `Handoff.runAhead`, on the second thread from `main()` until it says
/// it is finished: then `result` is the caller's.
private final class ProducerWorker<Producer: HandoffProducer>: SecondThread, @unchecked Sendable {
  let producer: Producer
  let channel: Channel<Producer.Item>
  var result: Producer.Result?

  init(_ producer: Producer, channel: Channel<Producer.Item>) {
    self.producer = producer
    self.channel = channel
  }

  func main() {
    var sender = Handoff.Sender(channel: channel)
    result = producer.produce(into: &sender)
    sender.flush()
    channel.close()
    channel.finish()
  }
}

/// What makes the items `Handoff.runAhead` hands over, on the second thread.
protocol HandoffProducer: AnyObject, Sendable {
  associatedtype Item
  associatedtype Result
  func produce(into sender: inout Handoff.Sender<Item>) -> Result
}

/// What takes the items `Handoff.run` hands over, on the second thread.
protocol HandoffConsumer {
  associatedtype Item
  /// Takes `item` over (consuming: moved along, never copied; a line holds a dozen references).
  mutating func take(_ item: consuming Item)
  /// Whether the consumer only reads each item (`read`) and keeps nothing of it but copies:
  /// then the items are destroyed on the sender's thread, where they were made.
  static var readsInPlace: Bool { get }
  /// Reads `item`, left where it is (for a consumer that `readsInPlace`).
  mutating func read(_ item: borrowing Item)
}

extension HandoffConsumer {
  static var readsInPlace: Bool { false }
  mutating func read(_ item: borrowing Item) { take(copy item) }
}

/// What a second thread started by `Handoff.start` runs: the consumer of `run`, the producer
/// of `runAhead`, an xlsx part's inflating (`XLSXInflateAhead`).
protocol SecondThread: AnyObject, Sendable {
  func main()
}

/// Batches from the producer to the consumer, in order, at most `Handoff.queued` at a time.
private final class Channel<Item>: @unchecked Sendable {
  // Every field below is read and written with `condition` locked.
  private let condition = NSCondition()
  private var batches: [[Item?]] = []
  private var closed = false
  private var finished = false
  /// Batches read in place (`drainInPlace`), their items still in them: the sender takes
  /// them back at its next `send` and destroys them on its own thread, where they were made.
  /// A row's cells were allocated there and their texts retained there: released on the
  /// consumer's core, each touched a cache line the sender's core held, and each free locked
  /// the sender's malloc arena (issue 7: a tenth of the mapping thread's time, the stage
  /// the others wait on). At most the batches read since the sender's last `send`.
  private var spent: [[Item?]] = []
  /// Where batches read in place go instead of `spent`, when they hold what a third thread
  /// made (`Handoff.Disposal`).
  private let disposal: Handoff.Disposal?
  /// A disposal the sender empties, on its thread, at each `send`.
  private let emptied: Handoff.Disposal?

  init(disposal: Handoff.Disposal? = nil, emptying emptied: Handoff.Disposal? = nil) {
    self.disposal = disposal
    self.emptied = emptied
  }

  /// Queues `batch`, waiting while the queue is full.
  func send(_ batch: [Item?]) {
    condition.lock()
    while batches.count >= Handoff.queued { condition.wait() }
    batches.append(batch)
    var spent: [[Item?]] = []
    swap(&spent, &self.spent)
    condition.broadcast()
    condition.unlock()
    // `spent` ends here, on the sender's thread, outside the lock; and what was put in the
    // disposal this sender empties.
    emptied?.empty()
  }

  /// Hands every item of every batch to `take`, in order, until the queue is closed and empty.
  func drain(_ take: (consuming Item) -> Void) {
    while var batch = receive() {
      for index in batch.indices {
        if let item = batch[index].take() { take(consume item) }
      }
    }
  }

  /// Hands every item of every batch to `read` in place, in order, until the queue is closed
  /// and empty; each batch read goes back to the sender (`spent`).
  func drainInPlace(_ read: (borrowing Item) -> Void) {
    var done: [Item?] = []
    while var batch = receive(returning: consume done) {
      batch.withUnsafeMutableBufferPointer { items in
        for index in items.indices {
          if let item = items[index] { read(item) }
        }
      }
      done = consume batch
    }
  }

  /// The next batch, waiting for one; `nil` once the queue is closed and empty. `spent`, a
  /// batch read in place, goes back to the sender.
  func receive(returning spent: consuming [Item?] = []) -> [Item?]? {
    condition.lock()
    defer { condition.unlock() }
    // Moved in, not copied: a copy left here would be released after the lock, perhaps after
    // the sender let its own go, and the batch would die on this thread.
    if !spent.isEmpty {
      if let disposal { disposal.put(consume spent) } else { self.spent.append(consume spent) }
    }
    while batches.isEmpty && !closed { condition.wait() }
    guard !batches.isEmpty else { return nil }
    let batch = batches.removeFirst()
    condition.broadcast()
    return batch
  }

  /// Destroys, on this thread, the batches read in place that the sender has not taken back.
  func dropSpent() {
    condition.lock()
    var spent: [[Item?]] = []
    swap(&spent, &self.spent)
    condition.unlock()
  }

  /// No more batches will come.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The second thread is done: the consumer has taken every batch (`run`), or the producer
  /// has sent its last and left its result (`runAhead`). Called on that thread, last.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  func waitUntilFinished() {
    condition.lock()
    while !finished { condition.wait() }
    condition.unlock()
  }
}
