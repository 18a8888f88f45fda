import Foundation

/// Items handed from the caller's thread to a consumer that a crew's threads run (`run`), or
/// from a producer on a thread of its own to the caller (`runAhead`), in order, in small
/// batches (issue 7): the stages of the pipeline run at once, on every core, instead of one
/// after the other on one.
///
/// The consumer sees exactly the items it would have seen called directly, in the same order,
/// and never answers back, so the outcome is the same as on one thread; only the time
/// differs. Memory stays bounded: a batch closes at `batchSize` items or `batchBytes` bytes
/// (as the sender weighs them), whichever comes first, and at most `queued` batches wait for
/// a consumer: a sender with a full queue runs a batch of some consumer itself, or waits
/// (`Crew`). A consumer that only reads its items (`readsInPlace`) hands each batch back,
/// items and all, to be destroyed on the sender's thread at its next `send`: the batches read
/// since then wait too, no more than `queued` and the one in hand.
///
/// Written by hand on `NSCondition` and `Thread`s: both sides are synchronous code that must
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
  /// that the consumer starts at once and memory stays small. 128 rather than 256 since the
  /// crew (`Crew`): a batch still in the cache of the core that made it when it is read
  /// (170 000-line CSV, `perf stat -r 10`, three pairs: 0.235–0.247 s against 0.248–0.256 s).
  static let batchSize = 128
  /// About how many bytes a batch holds at most (by the sender's `weight`): 128 rows of a
  /// plan weigh about 70 KiB, the rows of a hostile file up to 16 384 cells wide far more.
  static let batchBytes = 256 << 10
  /// Batches waiting for a consumer at most.
  static let queued = 4

  /// Runs `produce` on this thread with a sender whose items `consumer` takes, one by one and
  /// in order, on a crew of its own: one second thread, and this one when its queue is full;
  /// returns once every item is taken, with `consumer` as its `take` left it.
  static func run<Consumer: HandoffConsumer, Result>(
    into consumer: inout Consumer, _ produce: (inout Sender<Consumer.Item>) -> Result
  ) -> Result {
    withCrew { crew in run(into: &consumer, crew: crew, produce) }
  }

  /// Runs `produce` on this thread with a sender whose items `consumer` takes, one by one and
  /// in order, on whichever of `crew`'s threads is free (this one too, while it waits);
  /// returns once every item is taken, with `consumer` as its `take` left it. A run inside
  /// another's `produce`, on the same crew, makes the items the outer consumer takes: the
  /// crew runs the outer consumer first (`Crew`).
  ///
  /// - Parameters:
  ///   - disposal: where a consumer that `readsInPlace` puts each batch it has read, instead
  ///     of handing it back to the sender: for items that hold what another thread made
  ///     (a mapped line holds the texts of the row it was built from), to be destroyed there.
  ///     What is left in it at the end is destroyed on this thread.
  ///   - emptied: a disposal this run's sender empties, on its own thread, at each batch it
  ///     hands over.
  static func run<Consumer: HandoffConsumer, Result>(
    into consumer: inout Consumer, crew: Crew, disposal: Disposal? = nil,
    emptying emptied: Disposal? = nil, _ produce: (inout Sender<Consumer.Item>) -> Result
  ) -> Result {
    let stage = Stage(consumer, crew: crew, disposal: disposal, emptying: emptied)
    crew.add(stage)
    var sender = Sender(queue: stage)
    let result = produce(&sender)
    sender.flush()
    crew.finish(stage)
    // The batches read since the last `send` end here too, on this thread, and what is left
    // in the disposal.
    stage.dropSpent()
    disposal?.empty()
    consumer = stage.consumer
    return result
  }

  /// Runs `body` with a crew of `threads` second threads, stopped when it returns.
  static func withCrew<Result>(threads: Int = 1, _ body: (Crew) -> Result) -> Result {
    let crew = Crew()
    for _ in 0..<threads { crew.startThread() }
    defer { crew.stop() }
    return body(crew)
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
    private let queue: any BatchQueue<Item>
    /// Optional, so that the consumer can move each item out (`take()`) instead of copying it
    /// and then destroying the batch: a line holds a dozen references.
    private var batch: [Item?] = []
    private var batchWeight = 0

    fileprivate init(queue: any BatchQueue<Item>) {
      self.queue = queue
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
      queue.send(batch)
      batch = []
      batch.reserveCapacity(Handoff.batchSize)
      batchWeight = 0
    }
  }

  /// Batches read in place, waiting to be destroyed on the thread that made what their items
  /// hold: a run's consumer puts them in (`run(into:disposal:)`), and another run's sender,
  /// on that thread, empties it at each batch it hands over (`run(into:emptying:)`).
  ///
  /// For the validating pipeline: the checked lines hold the texts the reading thread made for
  /// their rows, and each line is the last to hold most of them. Destroyed on another thread,
  /// each such text was freed into the reading thread's malloc arena, and the two threads
  /// waited on its lock (issue 7: the checking thread was put to sleep in `free` about 450
  /// times in 170 000 lines).
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

extension Handoff {
  /// The threads that run the consumers of `run`: its own second threads, and any thread that
  /// hands a batch over to a full queue or waits for its run to end. A thread runs one batch
  /// at a time, of the first consumer (in the order their runs began) that has one waiting
  /// and is not running on another thread: so each consumer takes its batches in order, on
  /// one thread at a time, and an enclosing run's consumer, which takes what the nested one
  /// makes, goes first (memory stays small).
  ///
  /// Why: the validating pipeline has three stages (read, map, check) of about the same
  /// work, and this machine two cores. A thread each, one core idled about a fifth of the
  /// time (issue 7, `perf sched`): whenever the stage in the middle fell behind, the
  /// reading thread waited for room and the checking thread for lines. Now the reading
  /// thread, instead of waiting, maps or checks a batch itself.
  final class Crew: @unchecked Sendable {
    // Every field below, and every stage's queue, is read and written with `condition`
    // locked.
    fileprivate let condition = NSCondition()
    private var stages: [any CrewStage] = []
    private var stopping = false
    private var threads = 0

    fileprivate func add(_ stage: any CrewStage) {
      condition.lock()
      stages.append(stage)
      condition.unlock()
    }

    /// Runs one batch of the first stage that has one waiting and no thread running it;
    /// whether there was one. Called, and returns, with `condition` locked.
    fileprivate func runOne() -> Bool {
      for stage in stages where stage.ready {
        stage.runBatch()
        return true
      }
      return false
    }

    /// Helps until `stage` has taken every batch, then lets it go (the producer is done).
    fileprivate func finish(_ stage: any CrewStage) {
      condition.lock()
      while !stage.idle {
        if !runOne() { condition.wait() }
      }
      stages.removeAll { $0 === stage }
      condition.unlock()
    }

    fileprivate func startThread() {
      condition.lock()
      threads += 1
      condition.unlock()
      Handoff.start(CrewThread(crew: self))
    }

    /// The second threads' loop: a batch whenever one is free, until `stop()`.
    fileprivate func work() {
      condition.lock()
      while true {
        if runOne() { continue }
        if stopping { break }
        condition.wait()
      }
      threads -= 1
      condition.broadcast()
      condition.unlock()
    }

    /// Lets the second threads go, once every run has ended, and waits until they have.
    fileprivate func stop() {
      condition.lock()
      stopping = true
      condition.broadcast()
      while threads > 0 { condition.wait() }
      condition.unlock()
    }
  }
}

/// A crew's second thread.
private final class CrewThread: SecondThread, @unchecked Sendable {
  let crew: Handoff.Crew
  init(crew: Handoff.Crew) { self.crew = crew }
  func main() { crew.work() }
}

/// Where a sender's batches go: a run's consumer (`Stage`) or `runAhead`'s caller (`Channel`).
private protocol BatchQueue<Item>: AnyObject {
  associatedtype Item
  func send(_ batch: [Item?])
}

/// A run's consumer, as its crew sees it (`condition` locked).
private protocol CrewStage: AnyObject {
  /// A batch waits and no thread runs the consumer.
  var ready: Bool { get }
  /// No batch waits and no thread runs the consumer.
  var idle: Bool { get }
  /// Runs the consumer on the next batch: called, and returns, with `condition` locked, which
  /// it unlocks while the consumer works.
  func runBatch()
}

/// A run's consumer and the batches waiting for it. The consumer is used by one thread at a
/// time: the one that set `running`, until it clears it (the crew's condition orders them),
/// and the caller of `run` once its stage is idle.
///
/// A protocol's methods, not closures: a closure made in a generic function would carry its
/// type's metadata to the other thread (Swift 6.3 warns: a non-`Sendable` metatype captured).
private final class Stage<Consumer: HandoffConsumer>: CrewStage, BatchQueue, @unchecked Sendable {
  /// Not checked for exclusive access at run time (two checks an item): one thread at a time.
  @exclusivity(unchecked) var consumer: Consumer
  private let crew: Handoff.Crew
  private var condition: NSCondition { crew.condition }
  // With `condition` locked:
  private var batches: [[Consumer.Item?]] = []
  private var running = false
  /// Batches read in place (`readsInPlace`), their items still in them: the sender takes them
  /// back at its next `send` and destroys them on its own thread, where they were made. A
  /// row's cells were allocated there and their texts retained there: released on another
  /// core, each touched a cache line the sender's core held, and each free locked the
  /// sender's malloc arena (issue 7: a tenth of the mapping thread's time). At most the
  /// batches read since the sender's last `send`.
  private var spent: [[Consumer.Item?]] = []
  /// Where batches read in place go instead of `spent`, when they hold what another thread
  /// made (`Handoff.Disposal`).
  private let disposal: Handoff.Disposal?
  /// A disposal the sender empties, on its thread, at each `send`.
  private let emptied: Handoff.Disposal?

  init(
    _ consumer: Consumer, crew: Handoff.Crew, disposal: Handoff.Disposal?, emptying emptied: Handoff.Disposal?
  ) {
    self.consumer = consumer
    self.crew = crew
    self.disposal = disposal
    self.emptied = emptied
  }

  var ready: Bool { !running && !batches.isEmpty }
  var idle: Bool { !running && batches.isEmpty }

  /// Queues `batch`; while `Handoff.queued` wait, runs a batch of some consumer (this one
  /// included) or waits for room.
  func send(_ batch: [Consumer.Item?]) {
    condition.lock()
    while batches.count >= Handoff.queued {
      if !crew.runOne() { condition.wait() }
    }
    batches.append(batch)
    var spent: [[Consumer.Item?]] = []
    swap(&spent, &self.spent)
    condition.broadcast()
    condition.unlock()
    // `spent` ends here, on the sender's thread, outside the lock; and what was put in the
    // disposal this sender empties.
    emptied?.empty()
  }

  func runBatch() {
    running = true
    var batch = batches.removeFirst()
    condition.unlock()
    if Consumer.readsInPlace {
      consumer.readAll(&batch)
    } else {
      consumer.takeAll(&batch)
      batch = []  // its items taken: the empty slots freed here, not under the lock
    }
    condition.lock()
    running = false
    if Consumer.readsInPlace {
      // Moved in, not copied: a copy left here would be released after the lock, perhaps
      // after the sender let its own go, and the batch would die on this thread.
      if let disposal { disposal.put(consume batch) } else { spent.append(consume batch) }
    }
    condition.broadcast()
  }

  /// Destroys, on this thread, the batches read in place that the sender has not taken back.
  func dropSpent() {
    condition.lock()
    var spent: [[Consumer.Item?]] = []
    swap(&spent, &self.spent)
    condition.unlock()
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
    var sender = Handoff.Sender(queue: channel)
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
  /// Takes every item of `batch` over, in order (as `take`).
  mutating func takeAll(_ batch: inout [Item?])
  /// Reads every item of `batch` in place, in order (as `read`).
  mutating func readAll(_ batch: inout [Item?])
}

extension HandoffConsumer {
  static var readsInPlace: Bool { false }
  mutating func read(_ item: borrowing Item) { take(copy item) }

  // Requirements, not code of `Stage`: the crew reaches a stage through a protocol, and the
  // stage's own code is not specialised for its consumer, so each item was copied out of its
  // batch through the type's value witnesses (a line's dozen references retained, and
  // released after; issue 7). A requirement's default is specialised for each consumer.
  mutating func takeAll(_ batch: inout [Item?]) {
    for index in batch.indices {
      if let item = batch[index].take() { take(consume item) }
    }
  }

  mutating func readAll(_ batch: inout [Item?]) {
    batch.withUnsafeMutableBufferPointer { items in
      for index in items.indices {
        // Moved out and back, so that `read` borrows a value of its own: an item read where
        // it lay was copied first (a line's dozen references retained, and released after:
        // issue 7), the consumer being a `mutating` method that might have reached it.
        guard let item = items[index].take() else { continue }
        read(item)
        items[index] = consume item
      }
    }
  }
}

/// What a second thread started by `Handoff.start` runs: the consumer of `run`, the producer
/// of `runAhead`, an xlsx part's inflating (`XLSXInflateAhead`).
protocol SecondThread: AnyObject, Sendable {
  func main()
}

/// Batches from `runAhead`'s producer to its caller, in order, at most `Handoff.queued` at a
/// time.
private final class Channel<Item>: BatchQueue, @unchecked Sendable {
  // Every field below is read and written with `condition` locked.
  private let condition = NSCondition()
  private var batches: [[Item?]] = []
  private var closed = false
  private var finished = false

  /// Queues `batch`, waiting while the queue is full.
  func send(_ batch: [Item?]) {
    condition.lock()
    while batches.count >= Handoff.queued { condition.wait() }
    batches.append(batch)
    condition.broadcast()
    condition.unlock()
  }

  /// Hands every item of every batch to `take`, in order, until the queue is closed and empty.
  func drain(_ take: (consuming Item) -> Void) {
    while var batch = receive() {
      for index in batch.indices {
        if let item = batch[index].take() { take(consume item) }
      }
    }
  }

  /// The next batch, waiting for one; `nil` once the queue is closed and empty.
  func receive() -> [Item?]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !closed { condition.wait() }
    guard !batches.isEmpty else { return nil }
    let batch = batches.removeFirst()
    condition.broadcast()
    return batch
  }

  /// No more batches will come.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// The producer has sent its last and left its result. Called on its thread, last.
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
