/// The parts of an xlsx file, streamed one at a time under `ReadLimits`.
///
/// A zip bomb declares a small size and inflates to gigabytes, so the declared size is only
/// a first filter: bytes are counted while they are inflated (`XLSXPartStream`), and a part
/// stops at the limit for the entry and for the whole file (SPEC §8, "bounded
/// decompression"). The zip is read at offsets (`RandomAccessBytes`: a file by `pread`, or
/// bytes already in memory), a chunk of compressed bytes at a time; no part, compressed or
/// not, is ever held whole.
struct XLSXPackage {
  /// Why a part could not be extracted.
  enum Failure: Error, Hashable {
    /// The part is larger than `ReadLimits` allows (declared or found while inflating).
    case tooLarge(limit: Int)
    /// The part's bytes are damaged, encrypted or use a method we do not read.
    case damaged(String)
  }

  private let file: any RandomAccessBytes
  private let directory: ZipDirectory
  private let limits: ReadLimits
  /// What the parts may expand to, shared by every stream of this package.
  let readBudget: ReadBudget
  /// Uncompressed bytes of the parts read so far, against `maxTotalUncompressedBytes`.
  private(set) var totalUncompressed = 0
  /// From how many compressed bytes a deflated part is inflated on a second thread, ahead
  /// of its reader (`XLSXInflateAhead`): the same bytes, sooner, when a core is free. `nil`:
  /// none is.
  let inflatingAheadFrom: Int?

  /// Where `XLSXReader` reading concurrently starts to inflate ahead: below it, starting a
  /// thread costs about what inflating does (64 KiB inflate in about 0.2 ms).
  static let inflatedAheadFrom = 64 << 10

  /// Opens the package in `file`.
  init(
    file: any RandomAccessBytes, limits: ReadLimits, budget: ReadBudget? = nil,
    inflatingAheadFrom: Int? = nil
  ) throws(ZipDirectory.Failure) {
    self.file = file
    self.directory = try ZipDirectory(file: file)
    self.limits = limits
    self.readBudget = budget ?? ReadBudget(limits.budget)
    self.inflatingAheadFrom = inflatingAheadFrom
  }

  /// Whether the package holds a part named `name`.
  func contains(_ name: String) -> Bool { directory.entry(named: name) != nil }

  /// A stream over part `name`, or `nil` when the package has no such part. What can be
  /// refused before inflating is refused here: encryption, a declared size over the limit,
  /// an unknown compression method. The rest is found while streaming (`failure`).
  /// `scanningAhead`: a part inflated ahead is also scanned for the budget there
  /// (`XLSXPartStream.scansAhead`).
  func stream(_ name: String, scanningAhead: Bool = false) throws(Failure) -> XLSXPartStream? {
    guard let entry = directory.entry(named: name) else { return nil }
    guard !entry.isEncrypted else { throw .damaged("encrypted") }
    let budget = min(limits.maxEntryBytes, limits.maxTotalUncompressedBytes - totalUncompressed)
    guard entry.declaredUncompressedSize <= UInt64(max(0, budget)) else {
      throw .tooLarge(limit: budget)
    }
    switch entry.method {
    case 0:
      guard entry.dataRange.count <= budget else { throw .tooLarge(limit: budget) }
    case 8:
      break
    default:
      throw .damaged("compression method \(entry.method)")
    }
    return XLSXPartStream(
      file: file, entry: entry, budget: budget, readBudget: readBudget,
      inflatingAhead: inflatingAheadFrom.map { entry.dataRange.count >= $0 } ?? false,
      scanningAhead: scanningAhead)
  }

  /// Counts a part streamed to its end against `maxTotalUncompressedBytes` (once, however
  /// many passes read it).
  mutating func count(_ stream: XLSXPartStream) {
    if stream.isComplete { totalUncompressed += stream.produced }
  }
}
