import Foundation
import KhuyenCong

/// The folder where `run` files submissions, keeps its ledger and writes the plans (SPEC §7):
///
/// ```
/// store/
///   .lock                      flock(2) target: one run at a time
///   ledger.sqlite              the ledger (SQLite)
///   incoming/                  copies being made; empty between runs
///   accepted/2017/073/3f2a…-ke-hoach.csv              the file, byte for byte
///   accepted/2017/073/3f2a…-ke-hoach.csv.report.txt   its report, in Vietnamese
///   accepted/2017/073/3f2a…-ke-hoach.csv.report.json  the same, as SPEC §6 JSON
///   rejected/2017/076/…        rejected files, same layout
///   rejected/unknown/unknown/… when the year or district could not be read
///   plans/2017/plan-2017.{xml,csv,json,html}
/// ```
///
/// Every file lands by rename from a complete, flushed temporary file in the same file system,
/// so a reader or a crash sees the whole file or none of it.
public struct Store: Sendable {
  /// The store's folder.
  public let root: URL

  /// The store at `path` (not created until something is written).
  public init(path: String) {
    root = URL(fileURLWithPath: path, isDirectory: true)
  }

  /// Hex digits of the hash that prefix a stored name: 64 bits, unique among a province's files.
  public static let prefixLength = 16
  static let incomingFolder = "incoming"
  static let partialSuffix = ".partial"
  static let reportSuffixes = [".report.txt", ".report.json"]
  /// Largest stored name in bytes: the file-name limit (255) less the longest report suffix.
  static let maxStoredNameBytes = 255 - 12

  /// `store/ledger.sqlite`.
  public var ledgerPath: String { root.appendingPathComponent("ledger.sqlite").path }
  /// `store/.lock`.
  public var lockPath: String { root.appendingPathComponent(".lock").path }

  /// The absolute path of `relative`.
  public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// `plans/2017`, relative to the store.
  public static func planFolder(_ year: PlanYear) -> String { "plans/\(year.rawValue)" }

  /// The folder a validated file goes to: `accepted/2017/073`, `rejected/unknown/unknown`.
  public static func folder(for result: SubmissionResult) -> String {
    let year = result.submission.planYear.map { String($0.rawValue) } ?? "unknown"
    let district = result.submission.district.map { safeComponent($0.rawValue) } ?? "unknown"
    return "\(result.status.rawValue)/\(year)/\(district)"
  }

  /// `3f2a9c0d1e2b3a4f-ke-hoach.csv`: the hash prefix keeps two versions with one name apart.
  public static func storedName(sha256: String, originalName: String) -> String {
    let prefix = String(sha256.prefix(prefixLength)) + "-"
    var name = safeComponent(originalName)
    while (prefix + name).utf8.count > maxStoredNameBytes, !name.isEmpty {
      // Keep the extension; shorten the stem one character at a time (rare: 240-byte names).
      let dot = name.lastIndex(of: ".")
      if let dot, dot > name.startIndex {
        let stemEnd = name.index(before: dot)
        name.remove(at: stemEnd)
      } else {
        name.removeLast()
      }
    }
    return prefix + name
  }

  /// The original name back from a stored name (`<16 hex>-<name>`), or the name itself.
  static func originalName(fromStored stored: String) -> String {
    let parts = stored.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == prefixLength,
      parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
    else { return stored }
    return String(parts[1])
  }

  /// A name usable as one path component: no `/`, no NUL, not `.` or `..`.
  static func safeComponent(_ text: String) -> String {
    let cleaned = String(text.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
    return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "_" : cleaned
  }

  // MARK: Copying in

  /// A complete copy in `incoming/`, with its hash.
  public struct Copy: Hashable, Sendable {
    /// Path relative to the store: `incoming/<prefix>-<name>`.
    public var relativePath: String
    public var sha256: String
    public var size: Int64
    public var originalName: String
  }

  /// Copies `source` (never moving or changing it) into `incoming/`, hashing the bytes copied:
  /// the hash, the validation and the stored file are of the very same bytes even if the inbox
  /// file changes meanwhile. The copy is flushed, then renamed from `.partial` to its final
  /// `incoming/` name, so a complete copy is recognisable after a crash.
  public func copyIn(from source: String, originalName: String) throws(IntakeError) -> Copy {
    let folder = path(Self.incomingFolder)
    try makeFolder(folder)
    let partial = Self.incomingFolder + "/." + UUID().uuidString + Self.partialSuffix
    let (sha256, size) = try copy(from: source, to: path(partial))
    let relative = Self.incomingFolder + "/" + Self.storedName(sha256: sha256, originalName: originalName)
    try rename(partial, to: relative)
    return Copy(relativePath: relative, sha256: sha256, size: size, originalName: originalName)
  }

  /// Moves a complete copy from `incoming/` to `folder/<stored name>` and returns that path.
  /// A file already there with the same name holds the same bytes (the name carries the hash),
  /// so the copy is then dropped.
  public func file(_ copy: Copy, into folder: String) throws(IntakeError) -> String {
    try makeFolder(path(folder))
    let relative = folder + "/" + Self.storedName(sha256: copy.sha256, originalName: copy.originalName)
    if FileManager.default.fileExists(atPath: path(relative)),
      (try? hash(relative).sha256) == copy.sha256
    {
      try remove(copy.relativePath)
      return relative
    }
    try rename(copy.relativePath, to: relative)
    return relative
  }

  /// Re-creates the stored copy `relative` from `source`, checking the bytes hash to `sha256`.
  /// - Returns: whether the copy was made (false: the source no longer has those bytes).
  public func restore(_ relative: String, from source: String, sha256: String) throws(IntakeError) -> Bool {
    let folder = (relative as NSString).deletingLastPathComponent
    try makeFolder(path(folder))
    let temporary = folder + "/." + UUID().uuidString + Self.partialSuffix
    let copied = try copy(from: source, to: path(temporary))
    guard copied.sha256 == sha256 else {
      try remove(temporary)
      return false
    }
    try rename(temporary, to: relative)
    return true
  }

  /// Writes the district's reports beside the stored file: `<name>.report.txt` (text) and
  /// `<name>.report.json` (the JSON of SPEC §6), in `language`.
  public func writeReports(
    for result: SubmissionResult, beside relative: String,
    programme: Programme, language: Language
  ) throws(IntakeError) {
    let text = ValidationReport.text([result], programme: programme, language: language)
    let json = ValidationReport.json([result], language: language)
    try write(Array(text.utf8), to: relative + ".report.txt")
    try write(Array((json.hasSuffix("\n") ? json : json + "\n").utf8), to: relative + ".report.json")
  }

  /// Writes `bytes` to `relative` atomically (temporary file, then rename).
  public func write(_ bytes: [UInt8], to relative: String) throws(IntakeError) {
    do {
      try AtomicFile.write(bytes, to: path(relative))
    } catch {
      throw .io(path: error.path, reason: error.reason)
    }
  }

  // MARK: Listing

  /// Submission files under `accepted/` and `rejected/`, relative, sorted: every regular file
  /// that is neither hidden (temporary) nor the report of a file beside it.
  public func storedFiles() throws(IntakeError) -> [String] {
    var found: [String] = []
    for top in ["accepted", "rejected"] {
      for relative in try regularFiles(under: top) {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") { continue }
        if let suffix = Self.reportSuffixes.first(where: { name.hasSuffix($0) }),
          FileManager.default.fileExists(atPath: path(String(relative.dropLast(suffix.count))))
        {
          continue
        }
        found.append(relative)
      }
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Complete copies left in `incoming/` by an interrupted run.
  public func incomingCopies() throws(IntakeError) -> [String] {
    try regularFiles(under: Self.incomingFolder).filter {
      !($0 as NSString).lastPathComponent.hasPrefix(".")
    }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Removes partial copies (`incoming/.…partial`, and hidden partial restores): their source
  /// is still in the inbox, or they were never complete.
  public func removePartialCopies() throws(IntakeError) {
    for top in [Self.incomingFolder, "accepted", "rejected"] {
      for relative in try regularFiles(under: top)
      where (relative as NSString).lastPathComponent.hasPrefix(".")
        && relative.hasSuffix(Self.partialSuffix)
      {
        try remove(relative)
      }
    }
  }

  /// Relative paths of the regular files below `top` (recursively); none when it is absent.
  func regularFiles(under top: String) throws(IntakeError) -> [String] {
    let base = path(top)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue
    else { return [] }
    guard let enumerator = FileManager.default.enumerator(atPath: base) else {
      throw .io(path: base, reason: "cannot list the folder")
    }
    var files: [String] = []
    while let item = enumerator.nextObject() as? String {
      let full = base + "/" + item
      if Self.isRegularFile(full) { files.append(top + "/" + item) }
    }
    return files
  }

  /// Whether `path` is a regular file (following a symbolic link, as a reader would).
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  // MARK: Bytes

  /// The hash and size of the stored file `relative`.
  public func hash(_ relative: String) throws(IntakeError) -> (sha256: String, size: Int64) {
    try Self.hash(file: path(relative))
  }

  /// The SHA-256 and size of the file at `path`, read in 1 MiB chunks.
  public static func hash(file path: String) throws(IntakeError) -> (sha256: String, size: Int64) {
    guard let input = FileHandle(forReadingAtPath: path) else {
      throw .io(path: path, reason: "cannot open for reading")
    }
    defer { try? input.close() }
    var hasher = SHA256()
    var size: Int64 = 0
    do {
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(chunk)
        size += Int64(chunk.count)
      }
    } catch {
      throw .io(path: path, reason: "read failed: \(error.localizedDescription)")
    }
    return (hasher.hexDigest(), size)
  }

  /// Copies `source` to the absolute `destination`, flushed to disk, hashing as it goes.
  private func copy(from source: String, to destination: String) throws(IntakeError) -> (
    sha256: String, size: Int64
  ) {
    guard let input = FileHandle(forReadingAtPath: source) else {
      throw .io(path: source, reason: "cannot open for reading")
    }
    defer { try? input.close() }
    guard FileManager.default.createFile(atPath: destination, contents: nil),
      let output = FileHandle(forWritingAtPath: destination)
    else {
      throw .io(path: destination, reason: "cannot create")
    }
    var hasher = SHA256()
    var size: Int64 = 0
    do {
      defer { try? output.close() }
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(chunk)
        try output.write(contentsOf: chunk)
        size += Int64(chunk.count)
      }
      // The rename that follows must not reach the disk before the bytes do.
      try output.synchronize()
    } catch {
      try? FileManager.default.removeItem(atPath: destination)
      throw .io(path: source, reason: "copy failed: \(error.localizedDescription)")
    }
    return (hasher.hexDigest(), size)
  }

  private func rename(_ from: String, to relative: String) throws(IntakeError) {
    if Foundation.rename(path(from), path(relative)) != 0 {
      throw .io(path: path(relative), reason: "rename failed: " + String(cString: strerror(errno)))
    }
  }

  func remove(_ relative: String) throws(IntakeError) {
    do {
      try FileManager.default.removeItem(atPath: path(relative))
    } catch {
      throw .io(path: path(relative), reason: "cannot remove: \(error.localizedDescription)")
    }
  }

  func makeFolder(_ absolute: String) throws(IntakeError) {
    do {
      try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
    } catch {
      throw .io(path: absolute, reason: "cannot create the folder: \(error.localizedDescription)")
    }
  }
}
