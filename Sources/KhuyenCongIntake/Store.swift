import Foundation
import SystemPackage
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
/// Every file lands by rename from a complete, flushed temporary file (`.tmp-<16 hex>`) in the
/// same folder, so a reader or a crash sees the whole file or none of it; the folder is flushed
/// after the rename (and after a folder is created in it), so a power cut cannot undo it.
public struct Store: Sendable {
  /// The store's folder.
  public let root: URL

  /// Flushes a folder after a name was added to it: `fsync(2)` (tests watch it).
  var syncFolder: @Sendable (String) throws(AtomicFile.WriteError) -> Void

  /// The store at `path` (not created until something is written).
  public init(path: String) {
    root = URL(fileURLWithPath: path, isDirectory: true)
    syncFolder = { folder throws(AtomicFile.WriteError) in try AtomicFile.syncFolder(folder) }
  }

  /// Hex digits of the hash that prefix a stored name: 64 bits, unique among a province's files.
  public static let prefixLength = 16
  static let incomingFolder = "incoming"
  /// The suffix of partial copies before temporary names were `.tmp-…`.
  static let legacyPartialSuffix = ".partial"
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
  ///
  /// At most `maxStoredNameBytes` bytes of UTF-8, so the name and its reports fit the 255-byte
  /// limit of a file name: a longer original name (Vietnamese takes 2–3 bytes a letter) keeps
  /// its extension and loses the end of its stem, cut between characters (never inside a
  /// letter or between a letter and its tone mark). The ledger keeps the full name.
  public static func storedName(sha256: String, originalName: String) -> String {
    let prefix = String(sha256.prefix(prefixLength)) + "-"
    let name = safeComponent(originalName)
    let budget = maxStoredNameBytes - prefix.utf8.count
    guard name.utf8.count > budget else { return prefix + name }
    var stem = Substring(name)
    var suffix = Substring("")
    // An extension is the part after the last dot, when it is short enough to be one.
    if let dot = name.lastIndex(of: "."), dot > name.startIndex,
      name[dot...].utf8.count <= maxExtensionBytes
    {
      stem = name[..<dot]
      suffix = name[dot...]
    }
    var kept = ""
    var used = suffix.utf8.count
    for character in stem {
      used += character.utf8.count
      if used > budget { break }
      kept.append(character)
    }
    return prefix + kept + suffix
  }

  /// Longest tail after the last dot kept whole when a name is shortened.
  static let maxExtensionBytes = 16

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
  /// file changes meanwhile. The copy is flushed under a temporary name, then renamed to its
  /// final `incoming/` name and the folder flushed, so a complete copy is recognisable after
  /// a crash. A symbolic link is never followed.
  public func copyIn(from source: String, originalName: String) throws(IntakeError) -> Copy {
    try copyIn(from: FilePath(source), originalName: originalName, expecting: nil).copy
  }

  /// `copyIn(from:originalName:)` of the file the inbox listing saw as `expected` (refused if
  /// another file has taken its name), with the source's status once copied, so the caller
  /// can tell whether it was still being written.
  func copyIn(from source: FilePath, originalName: String, expecting expected: FileStatus?)
    throws(IntakeError) -> (copy: Copy, sourceAfter: FileStatus)
  {
    let folder = path(Self.incomingFolder)
    try makeFolder(folder)
    let temporary = Self.incomingFolder + "/" + AtomicFile.temporaryName()
    let copied = try copy(from: source, expecting: expected, to: path(temporary))
    let relative =
      Self.incomingFolder + "/" + Self.storedName(sha256: copied.sha256, originalName: originalName)
    try rename(temporary, to: relative)
    return (
      Copy(relativePath: relative, sha256: copied.sha256, size: copied.size, originalName: originalName),
      copied.after
    )
  }

  /// Moves a complete copy from `incoming/` to `folder/<stored name>` and returns that path.
  /// A file already there with the same name holds the same bytes (the name carries the hash),
  /// so the copy is then dropped.
  public func file(_ copy: Copy, into folder: String) throws(IntakeError) -> String {
    let relative = folder + "/" + Self.storedName(sha256: copy.sha256, originalName: copy.originalName)
    try place(copy.relativePath, at: relative, sha256: copy.sha256)
    return relative
  }

  /// Moves the complete copy `from` (in `incoming/`) to `relative` unless a file with the same
  /// bytes is already there, in which case the copy is dropped.
  func place(_ from: String, at relative: String, sha256: String) throws(IntakeError) {
    try makeFolder(path((relative as NSString).deletingLastPathComponent))
    if Self.isRegularFile(path(relative)), (try? hash(relative).sha256) == sha256 {
      try remove(from)
      return
    }
    try rename(from, to: relative)
  }

  /// Re-creates the stored copy `relative` from `source`, checking the bytes hash to `sha256`.
  /// - Returns: whether the copy was made (false: the source no longer has those bytes).
  public func restore(_ relative: String, from source: String, sha256: String) throws(IntakeError) -> Bool {
    try restore(relative, from: FilePath(source), sha256: sha256)
  }

  /// `restore(_:from:sha256:)` from a path given as bytes (an inbox name that is not UTF-8).
  func restore(_ relative: String, from source: FilePath, sha256: String) throws(IntakeError) -> Bool {
    let folder = (relative as NSString).deletingLastPathComponent
    try makeFolder(path(folder))
    let temporary = folder + "/" + AtomicFile.temporaryName()
    let copied = try copy(from: source, expecting: nil, to: path(temporary))
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
    let text = DistrictLetter.text(result, programme: programme, language: language)
    let json = ValidationReport.json([result], language: language)
    try write(Array(text.utf8), to: relative + ".report.txt")
    try write(Array((json.hasSuffix("\n") ? json : json + "\n").utf8), to: relative + ".report.json")
  }

  /// Writes `bytes` to `relative` atomically (temporary file, then rename).
  public func write(_ bytes: [UInt8], to relative: String) throws(IntakeError) {
    try makeFolder(path((relative as NSString).deletingLastPathComponent))
    do {
      try AtomicFile.write(bytes, to: path(relative), syncFolder: syncFolder)
    } catch {
      throw .io(path: error.path, reason: error.reason)
    }
  }

  // MARK: Listing

  /// Files under `accepted/` and `rejected/`, relative, sorted: every regular file that is
  /// not hidden (temporary), reports included.
  ///
  /// A name ending in a report suffix may be our report or a district's submission named
  /// `x.report.txt` (issue 9: such a file used to vanish when the ledger was rebuilt). The
  /// caller tells them apart: our report of a recorded file is named after it
  /// (`reportedFile`), and a submission's name starts with its own hash (`isSubmission`),
  /// which an orphaned report's does not.
  public func storedFiles() throws(IntakeError) -> [String] {
    var found: [String] = []
    for top in ["accepted", "rejected"] {
      for relative in try regularFiles(under: top) {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") { continue }
        found.append(relative)
      }
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The stored file `relative` reports on, when its name ends in a report suffix.
  static func reportedFile(_ relative: String) -> String? {
    reportSuffixes.first { relative.hasSuffix($0) }.map { String(relative.dropLast($0.count)) }
  }

  /// Whether `name` is the name of a report (`….report.txt`, `….report.json`).
  static func isReport(_ name: String) -> Bool {
    reportSuffixes.contains { name.hasSuffix($0) }
  }

  /// Complete copies left in `incoming/` by an interrupted run.
  public func incomingCopies() throws(IntakeError) -> [String] {
    try regularFiles(under: Self.incomingFolder).filter {
      !($0 as NSString).lastPathComponent.hasPrefix(".")
    }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Removes the temporary files a killed run left (`.tmp-…`, and the `.….partial` and
  /// `.….tmp` names earlier versions used) anywhere in the store's folders: nothing refers to
  /// them; their source is still in the inbox, or they were never complete.
  /// - Returns: how many were removed.
  @discardableResult
  public func removeStaleTemporaries() throws(IntakeError) -> Int {
    var removed = 0
    for top in [Self.incomingFolder, "accepted", "rejected", "plans"] {
      for relative in try regularFiles(under: top)
      where Self.isTemporary((relative as NSString).lastPathComponent) {
        try remove(relative)
        removed += 1
      }
    }
    return removed
  }

  /// Whether `name` is one of our temporary names.
  static func isTemporary(_ name: String) -> Bool {
    name.hasPrefix(AtomicFile.temporaryPrefix)
      || (name.hasPrefix(".") && (name.hasSuffix(legacyPartialSuffix) || name.hasSuffix(".tmp")))
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

  /// Whether `path` is a regular file itself (a symbolic link is not: nothing the store holds
  /// is one, and the job never follows one).
  static func isRegularFile(_ path: String) -> Bool {
    (try? FileStatus.of(entry: path).kind) == .regular
  }

  // MARK: Bytes

  /// The hash and size of the stored file `relative`.
  public func hash(_ relative: String) throws(IntakeError) -> (sha256: String, size: Int64) {
    try Self.hash(file: path(relative))
  }

  /// The SHA-256 and size of the file at `path`, read in 1 MiB chunks (a symbolic link is not
  /// followed).
  public static func hash(file path: String) throws(IntakeError) -> (sha256: String, size: Int64) {
    let hashed = try hash(file: FilePath(path), expecting: nil)
    return (hashed.sha256, hashed.size)
  }

  /// The SHA-256 and size of the file the inbox listing saw as `expected` at `path`, with its
  /// status once read (to tell whether it changed while being read).
  static func hash(file path: FilePath, expecting expected: FileStatus?) throws(IntakeError) -> (
    sha256: String, size: Int64, after: FileStatus
  ) {
    let input = try openForReading(path, expecting: expected)
    defer { try? input.close() }
    var hasher = SHA256()
    var size: Int64 = 0
    do {
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(chunk)
        size += Int64(chunk.count)
      }
    } catch {
      throw .io(path: path.description, reason: "read failed: \(error.localizedDescription)")
    }
    let after = try FileStatus.of(descriptor: input.fileDescriptor, path: path.description)
    return (hasher.hexDigest(), size, after)
  }

  /// Opens the regular file `path` for reading, never through a symbolic link: `O_NOFOLLOW`
  /// refuses one even if it replaced the file after the inbox was listed, so no link can make
  /// the job read a file outside the inbox. `O_NONBLOCK` keeps a FIFO put there meanwhile from
  /// blocking the open. With `expected`, the file opened must be that one (same inode).
  static func openForReading(_ source: FilePath, expecting expected: FileStatus?) throws(IntakeError)
    -> FileHandle
  {
    let path = source.description
    let descriptor: Int32
    do {
      descriptor = try FileDescriptor.open(
        source, .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec]
      ).rawValue
    } catch {
      let code = (error as? Errno) ?? .ioError
      throw .io(
        path: path,
        reason: code == .tooManySymbolicLinkLevels
          ? "is a symbolic link (not followed)"
          : "cannot open for reading: " + String(cString: strerror(code.rawValue)))
    }
    let status: FileStatus
    do {
      status = try FileStatus.of(descriptor: descriptor, path: path)
    } catch {
      close(descriptor)
      throw error
    }
    guard status.kind == .regular else {
      close(descriptor)
      throw .io(path: path, reason: "not a regular file")
    }
    if let expected, !status.isSameFile(as: expected) {
      close(descriptor)
      throw .io(path: path, reason: "replaced by another file while the run was reading the inbox")
    }
    return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
  }

  /// Copies `source` to the absolute `destination`, flushed to disk, hashing as it goes; with
  /// the source's status once copied.
  private func copy(from source: FilePath, expecting expected: FileStatus?, to destination: String)
    throws(IntakeError) -> (sha256: String, size: Int64, after: FileStatus)
  {
    let input = try Self.openForReading(source, expecting: expected)
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
      throw .io(path: source.description, reason: "copy failed: \(error.localizedDescription)")
    }
    let after: FileStatus
    do {
      after = try FileStatus.of(descriptor: input.fileDescriptor, path: source.description)
    } catch {
      try? FileManager.default.removeItem(atPath: destination)
      throw error
    }
    return (hasher.hexDigest(), size, after)
  }

  /// Renames `from` to `relative` (both in the store), then flushes the target's folder so the
  /// new name survives a power cut.
  private func rename(_ from: String, to relative: String) throws(IntakeError) {
    if Foundation.rename(path(from), path(relative)) != 0 {
      throw .io(path: path(relative), reason: "rename failed: " + String(cString: strerror(errno)))
    }
    try sync(path((relative as NSString).deletingLastPathComponent))
  }

  private func sync(_ folder: String) throws(IntakeError) {
    do {
      try syncFolder(folder)
    } catch {
      throw .io(path: error.path, reason: error.reason)
    }
  }

  func remove(_ relative: String) throws(IntakeError) {
    do {
      try FileManager.default.removeItem(atPath: path(relative))
    } catch {
      throw .io(path: path(relative), reason: "cannot remove: \(error.localizedDescription)")
    }
  }

  /// Creates the folder `absolute` and any missing parent, flushing each parent that gained
  /// one, so that a file renamed into a new folder is reachable after a power cut.
  func makeFolder(_ absolute: String) throws(IntakeError) {
    var missing: [String] = []
    var current = absolute
    while !current.isEmpty, current != "/", (try? FileStatus.of(entry: current)) == nil {
      missing.append(current)
      current = (current as NSString).deletingLastPathComponent
    }
    for folder in missing.reversed() {
      if mkdir(folder, 0o777) != 0, errno != EEXIST {
        throw .io(path: folder, reason: "cannot create the folder: " + String(cString: strerror(errno)))
      }
      try sync((folder as NSString).deletingLastPathComponent)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw .io(path: absolute, reason: "cannot create the folder: a file is in the way")
    }
  }
}
