import KhuyenCongXML
import Synchronization

/// The rows pass over a worksheet on two threads (issue 7): libxml2's SAX parser records what
/// the rows pass looks at as bytes, a batch per piece of the part it was fed, and the rows'
/// state machine (cells decoded, rows built, counted against the budget, delivered) replays
/// them in order (`Handoff.runAhead`). The parser is the part that runs on the second thread:
/// it needs no generic code, and the rows, delivered to a visitor, are specialised for it on
/// the reader's thread. The parser was about half of the reading thread's time on a large
/// worksheet, the state machine most of the rest.
///
/// The replay calls `XLSXSheetReader.start`, `end` and the text append with the same tags
/// (`SheetStartTag`, built from the same bytes by the same code), in the same order, as the
/// one-thread rows pass (`XLSXSheetReader.RowsScan`), so the rows, diagnostics and summary are
/// the same. What is not recorded changes nothing there: a start or end tag of another element
/// (`.other`: the state machine does nothing with it). Every piece of text is recorded, as the
/// state machine decides what it keeps.
///
/// Encoding: a header byte per event (the element's raw value in the low three bits, `empty`
/// and `end` and `text` flags above), then for the start of a row or a cell its `r`, `t` and
/// `s` (each a length plus one, 0 when absent, then the bytes), for text its length and bytes.
/// A length under 255 takes one byte, any other 255 and four more.
struct XLSXSheetEvents {
  private(set) var bytes: [UInt8] = []

  private static let emptyFlag: UInt8 = 0x08
  private static let endFlag: UInt8 = 0x10
  private static let textFlag: UInt8 = 0x20

  /// What the rows pass is handed, in order.
  enum Event {
    case start(SheetStartTag)
    case end(XLSXSheetReader.Element)
    case text(UnsafeBufferPointer<UInt8>)
  }

  init() {
    bytes.reserveCapacity(Self.capacity)
  }

  /// What a batch is made with room for: the events of 64 KiB of worksheet take about half.
  static let capacity = 48 << 10

  var isEmpty: Bool { bytes.isEmpty }

  mutating func recordStart(_ tag: SheetStartTag) {
    bytes.append(tag.element.rawValue | (tag.isEmptyElement ? Self.emptyFlag : 0))
    guard tag.element == .row || tag.element == .c else { return }
    appendAttribute(tag.r)
    appendAttribute(tag.type)
    appendAttribute(tag.style)
  }

  mutating func recordEnd(_ element: XLSXSheetReader.Element) {
    bytes.append(element.rawValue | Self.endFlag)
  }

  mutating func recordText(_ text: UnsafeBufferPointer<UInt8>) {
    bytes.append(Self.textFlag)
    appendLength(text.count)
    bytes.append(contentsOf: text)
  }

  private mutating func appendAttribute(_ value: UnsafeBufferPointer<UInt8>?) {
    guard let value else {
      bytes.append(0)
      return
    }
    appendLength(value.count + 1)
    bytes.append(contentsOf: value)
  }

  private mutating func appendLength(_ length: Int) {
    if length < 255 {
      bytes.append(UInt8(length))
      return
    }
    bytes.append(255)
    withUnsafeBytes(of: UInt32(length).littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Calls `body` on each event `recorded` holds, in order; what it hands over points into
  /// `recorded`.
  static func forEach(in recorded: UnsafeBufferPointer<UInt8>, _ body: (Event) -> Void) {
    guard let base = recorded.baseAddress else { return }
    var index = 0
    func length() -> Int {
      let first = base[index]
      index += 1
      guard first == 255 else { return Int(first) }
      var value: UInt32 = 0
      withUnsafeMutableBytes(of: &value) {
        $0.copyMemory(from: UnsafeRawBufferPointer(start: base + index, count: 4))
      }
      index += 4
      return Int(UInt32(littleEndian: value))
    }
    func attribute() -> UnsafeBufferPointer<UInt8>? {
      let stored = length()
      guard stored > 0 else { return nil }
      let value = UnsafeBufferPointer(start: base + index, count: stored - 1)
      index += stored - 1
      return value
    }
    while index < recorded.count {
      let header = base[index]
      index += 1
      if header & textFlag != 0 {
        let count = length()
        body(.text(UnsafeBufferPointer(start: base + index, count: count)))
        index += count
        continue
      }
      // Only raw values this type recorded.
      let element = XLSXSheetReader.Element(rawValue: header & 0x07) ?? .other
      if header & endFlag != 0 {
        body(.end(element))
        continue
      }
      // Only a row or a cell has its attributes recorded (`recordStart`), in this order.
      let recorded = element == .row || element == .c
      let r = recorded ? attribute() : nil
      let type = recorded ? attribute() : nil
      let style = recorded ? attribute() : nil
      body(
        .start(
          SheetStartTag(
            element: element, isEmptyElement: header & emptyFlag != 0, r: r, type: type, style: style)))
    }
  }
}

/// Set by the rows' thread once the budget is spent, read by the parser's between pieces: the
/// rest of the part would only be parsed for nothing (no row is delivered past a spent
/// budget, and the reader then reports the limit alone).
final class XLSXRowsStop: Sendable {
  private let stopped = Atomic<Bool>(false)

  func stop() { stopped.store(true, ordering: .relaxed) }
  var isStopped: Bool { stopped.load(ordering: .relaxed) }
}

/// The parser's side: records the rows pass's events, and hands a batch over after each piece
/// of the part (`between`).
final class XLSXSheetRecorder: XMLStartTagEvents {
  @exclusivity(unchecked) var sender: Handoff.Sender<XLSXSheetEvents>
  @exclusivity(unchecked) private var batch = XLSXSheetEvents()
  /// The worksheet's namespace as this scan's parser hands it (`isInNamespace(of:known:)`).
  @exclusivity(unchecked) private var known: UnsafeRawPointer?
  private let stop: XLSXRowsStop

  init(sender: Handoff.Sender<XLSXSheetEvents>, stop: XLSXRowsStop) {
    self.sender = sender
    self.stop = stop
  }

  override func start(_ tag: XMLStartTag) -> Bool {
    var known = self.known
    defer { self.known = known }
    let sheetTag = SheetStartTag(tag, known: &known)
    if sheetTag.element != .other { batch.recordStart(sheetTag) }
    return true
  }

  override func end(_ tag: XMLStartTag) {
    var known = self.known
    defer { self.known = known }
    let element = SheetStartTag.element(tag, known: &known)
    if element != .other { batch.recordEnd(element) }
  }

  override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    batch.recordText(bytes)
  }

  override func between() -> Bool {
    flush()
    return !stop.isStopped
  }

  /// Hands over what is recorded (also at the end of the part).
  func flush() {
    guard !batch.isEmpty else { return }
    sender.send(batch, weight: batch.bytes.count)
    sender.flush()
    batch = XLSXSheetEvents()
  }
}

/// The parser's thread: scans the part, recording the rows pass's events; returns whether the
/// part read cleanly (`XMLStartTagScanner.scan`).
final class XLSXSheetParseAhead: HandoffProducer, @unchecked Sendable {
  // The stream is this thread's from `produce` until it returns.
  private let stream: XLSXPartStream
  private let stop: XLSXRowsStop

  init(_ stream: XLSXPartStream, stop: XLSXRowsStop) {
    self.stream = stream
    self.stop = stop
  }

  func produce(into sender: inout Handoff.Sender<XLSXSheetEvents>) -> Bool {
    let recorder = XLSXSheetRecorder(sender: sender, stop: stop)
    let stream = self.stream
    let scanner = XMLStartTagScanner { buffer in stream.pull(buffer) }
    let clean = scanner.scan(recorder, reportingEnds: true)
    recorder.flush()
    // The recorder's copy of the sender carries what it sent last.
    sender = recorder.sender
    return clean
  }
}

extension XLSXSheetReader {
  /// Replays `recorded` into the rows pass: what `RowsScan` does with the same events.
  func replay<Visitor: WorkbookVisitor>(
    _ recorded: UnsafeBufferPointer<UInt8>, _ state: inout SheetState, _ visitor: inout Visitor
  ) {
    XLSXSheetEvents.forEach(in: recorded) { event in
      switch event {
      case .start(let tag): start(tag, &state, &visitor)
      case .end(let element): end(element, &state, &visitor)
      case .text(let bytes): appendText(bytes, &state)
      }
    }
  }
}
