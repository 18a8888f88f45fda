/// One part of an xlsx package, produced a chunk at a time for the XML reader: a stored entry
/// as slices of the zip's bytes, a deflated one inflated by zlib (`XLSXPartInflater`) as the
/// reader asks or a few chunks ahead of it on a second thread (`XLSXInflateAhead`), its
/// compressed bytes read from the file a chunk at a time. Neither the part nor the zip is ever
/// held whole, so a worksheet costs the same memory at 10 rows and at 100 000 (SPEC §8,
/// streaming; issue 7).
///
/// The bounds of `XLSXPackage` hold while streaming: output is counted against `budget` as it
/// is produced, the CRC-32 is computed as bytes go by and checked when the last ones are
/// produced (before they are handed out), and compressed bytes that run out before the
/// deflate stream ends are reported, never waited on. After a failure `pull` returns -1 and
/// `failure` says why.
///
/// ```swift
/// let stream = try package.stream("xl/worksheets/sheet1.xml")
/// let reader = XMLPullReader { buffer in stream.pull(buffer) }
/// ```
final class XLSXPartStream {
  /// The entry streamed.
  var entry: ZipDirectory.Entry { inflater.entry }
  /// The most uncompressed bytes the part may have (its share of `ReadLimits`).
  var budget: Int { inflater.budget }
  /// Counts and scans what is handed to the XML reader (`ReadBudget`).
  let readBudget: ReadBudget
  /// How the bytes handed out are counted against `readBudget`.
  enum Accounting: Equatable {
    /// Scanned (attributes per element, broken comments, rescans) and counted as read: the
    /// first reading of a part (`ReadBudget.consume(xml:counted:)`).
    case read
    /// Scanned, not counted again: a second look at bytes read before (the rows pass over a
    /// worksheet after the pass that counted its bytes and rows). Still counted as inflated.
    case reread
    /// Scanned before, from the same state, with nothing found: only counted as inflated
    /// (`ReadBudget.consume(rescanning:)`).
    case rescanned
    /// As `rescanned`, counted when `settleRescanning()` is called, not as they go, so that
    /// the thread pulling them does not touch the budget while another counts rows against
    /// it (`XLSXSheetEvents`). Only the moment differs: such bytes charge nothing and cannot
    /// cross the inflation limit (`XLSXReader` checks `ReadBudget.allowsInflating` first).
    case rescannedLater
  }
  var accounting = Accounting.read
  /// Bytes handed out under `.rescannedLater`, not yet counted.
  private var deferred = 0
  /// Uncompressed bytes produced so far.
  private(set) var produced = 0
  /// Why the part stopped, if it did.
  private(set) var failure: XLSXPackage.Failure?
  /// Whether every byte was produced and the CRC-32 matched.
  private(set) var isComplete = false
  /// Whether the part is inflated on a second thread, ahead of the reader.
  let inflatesAhead: Bool
  /// Whether that thread also scans the markup for the budget (`XLSXInflateAhead.Scanning`):
  /// the bytes handed out are then only counted, and the scan's state is the budget's once
  /// the part has been handed out whole (`settleScan()`). A chunk the scan is not certain of
  /// ends the reading here (-1): the caller reads again on one thread (`XLSXMerges.scan`).
  let scansAhead: Bool
  /// The scan's verdict and state after the chunk in `pending`.
  private var pendingScan: (certain: Bool, scan: AttributeScanner)?
  /// `drain()` dropped bytes the reader never had.
  private var dropped = false
  /// The XML reader was given the end of the document early, after a comment libxml2 would
  /// report without end (`ReadBudget.consume(xml:)`); `drain()` still checks the rest.
  private var endedForReader = false

  /// The zip, read at offsets.
  private let file: any RandomAccessBytes
  /// What produces the bytes: used on this thread, or by `ahead`'s.
  private let inflater: XLSXPartInflater
  private let ahead: XLSXInflateAhead?
  /// Produced bytes not yet handed out: `pending[start..<end]`. This stream's own buffer, or
  /// the one `ahead` handed over with the last chunk.
  private let own: UnsafeMutableRawBufferPointer
  private var pending: UnsafeMutableRawBufferPointer
  private var start = 0
  private var end = 0

  /// Streams `entry` of the zip in `file`; `entry.method` must be 0 or 8 and its
  /// `dataRange` inside `file` (`ZipDirectory` checks it). `inflatingAhead`: a deflated entry
  /// is inflated on a second thread (the same bytes, sooner, when a core is free).
  init(
    file: any RandomAccessBytes, entry: ZipDirectory.Entry, budget: Int, readBudget: ReadBudget,
    inflatingAhead: Bool = false, scanningAhead: Bool = false
  ) {
    self.file = file
    self.readBudget = readBudget
    let inflater = XLSXPartInflater(file: file, entry: entry, budget: budget)
    self.inflater = inflater
    // zlib may refuse the stream before any chunk. Read before the producer starts: from then
    // on, the inflater is its thread's.
    failure = inflater.failure
    inflatesAhead = inflatingAhead && entry.method == 8
    scansAhead = inflatesAhead && scanningAhead
    ahead =
      inflatesAhead
      ? XLSXInflateAhead(
        inflater,
        scanning: scansAhead
          ? XLSXInflateAhead.Scanning(
            from: readBudget.markupScan, maxAttributes: readBudget.allowance.attributesPerElement)
          : nil)
      : nil
    own = .allocate(byteCount: ahead == nil ? XLSXPartInflater.chunkSize : 0, alignment: 1)
    pending = own
  }

  deinit {
    ahead?.stop()
    own.deallocate()
  }

  /// A fresh stream over the same entry, from its first byte, under the same budget: the
  /// second pass over a worksheet.
  func restarted() -> XLSXPartStream {
    XLSXPartStream(
      file: file, entry: entry, budget: budget, readBudget: readBudget,
      inflatingAhead: inflatesAhead)
  }

  /// Fills `buffer` with the next bytes of the part (the `XMLPullReader` pull contract).
  /// - Returns: the number of bytes written, 0 at the end of the part, -1 after a failure.
  func pull(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    if endedForReader { return 0 }
    while start == end {
      guard failure == nil else { return -1 }
      if isComplete { return 0 }
      produce()
    }
    guard failure == nil else { return -1 }
    let count = min(buffer.count, end - start)
    guard count > 0, let target = buffer.baseAddress, let source = pending.baseAddress else {
      return 0
    }
    // Scanned before libxml2 sees the bytes (attributes per element, broken comments), and
    // stopped once a reading budget is spent.
    let chunk = UnsafeRawBufferPointer(start: source + start, count: count)
    let consumed: Int?
    switch accounting {
    case .read, .reread:
      if let pendingScan {
        // Scanned on the inflating thread (`scansAhead`).
        guard pendingScan.certain else { return -1 }
        consumed = readBudget.consume(scannedAhead: count, counted: accounting == .read)
      } else {
        consumed = readBudget.consume(xml: chunk, counted: accounting == .read)
      }
    case .rescanned:
      consumed = readBudget.consume(rescanning: count)
    case .rescannedLater:
      deferred += count
      consumed = count
    }
    guard let feed = consumed else {
      return -1
    }
    if feed < count { endedForReader = true }
    target.copyMemory(from: source + start, byteCount: feed)
    start += count
    return feed
  }

  /// With `scansAhead`, once every byte of the part was handed out and found certain: gives the
  /// budget the scan's state after it, and says so; `false` otherwise (the caller must then
  /// read again on one thread, from the budget as it was before).
  func settleScan() -> Bool {
    guard scansAhead, isComplete, !dropped, let pendingScan, pendingScan.certain else {
      return false
    }
    readBudget.adoptScan(pendingScan.scan)
    return true
  }

  /// Counts the bytes handed out under `.rescannedLater`, and counts on as `.rescanned`.
  func settleRescanning() {
    accounting = .rescanned
    guard deferred > 0 else { return }
    _ = readBudget.consume(rescanning: deferred)
    deferred = 0
  }

  /// Produces and drops the rest of the part, so that its size limit, its compressed data
  /// and its CRC-32 are checked even where the XML reader stopped early.
  func drain() {
    if start != end || (failure == nil && !isComplete) { dropped = true }
    while failure == nil && !isComplete {
      start = end
      produce()
      // Inflating is work too: damaged data that inflates to 200 MB of garbage must stop at
      // the file's inflation allowance (found by fuzzing: 13 KB, 15 s).
      guard readBudget.inflated(count: end - start) else { break }
    }
    start = end
  }

  /// Takes the next chunk into `pending`, with the failure or completion found with it.
  private func produce() {
    start = 0
    if let ahead {
      let chunk = ahead.next()
      pending = chunk.buffer
      end = chunk.count
      produced = chunk.produced
      failure = chunk.failure
      isComplete = chunk.isComplete
      pendingScan = chunk.scanned
    } else {
      end = inflater.produce(into: own)
      produced = inflater.produced
      failure = inflater.failure
      isComplete = inflater.isComplete
    }
  }
}
