/// Feeds a `ByteSource` to libxml2's pull callback, counting bytes against the size limit.
final class SpreadsheetMLInput<Source: ByteSource> {
  private(set) var source: Source
  private let maxBytes: Int
  private let budget: ReadBudget
  private var total = 0
  /// The file crossed `maxBytes`; the read was cut there.
  private(set) var overLimit = false
  /// Why the source failed, if it did.
  private(set) var failure: String?
  /// The document was ended early, after a comment libxml2 would report without end
  /// (`ReadBudget.consume(xml:)`).
  private var ended = false

  init(source: Source, maxBytes: Int, budget: ReadBudget) {
    self.source = source
    self.maxBytes = maxBytes
    self.budget = budget
  }

  /// Fills `buffer`: the byte count, 0 at the end, -1 on failure or over the limit.
  func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    if ended { return 0 }
    let chunk: [UInt8]
    do {
      chunk = try source.read(maxCount: buffer.count)
    } catch {
      failure = error.reason
      return -1
    }
    guard chunk.count <= buffer.count else {
      failure = "the byte source returned more than asked"
      return -1
    }
    total += chunk.count
    guard total <= maxBytes else {
      overLimit = true
      return -1
    }
    // Counted and scanned before libxml2 sees them: an element with 300 000 attributes
    // must be refused before libxml2's quadratic uniqueness check, and a broken comment ends
    // the document before libxml2 reports it a million times (ReadBudget).
    guard let feed = chunk.withUnsafeBytes({ budget.consume(xml: $0) }) else { return -1 }
    if feed < chunk.count { ended = true }
    buffer.copyBytes(from: chunk[..<feed])
    return feed
  }
}
