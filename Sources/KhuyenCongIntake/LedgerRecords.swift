import GRDB
import KhuyenCong

/// The ledger's rows as GRDB records (issue 9): each column named once, here, instead of
/// positional `?` arguments that must line up with a column list written elsewhere.

/// A row of `submission` (migration v1).
struct SubmissionRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "submission"

  var sha256: String
  var originalName: String
  var size: Int64
  var receivedAt: String
  var district: String?
  var planYear: Int?
  var submittedOn: String?
  var status: String
  var errorCount: Int
  var warningCount: Int
  var lineCount: Int
  var storedPath: String
  var totalDong: Int64
  var nationalDong: Int64
  var localDong: Int64
  var counterpartDong: Int64
  var otherDong: Int64

  enum CodingKeys: String, CodingKey {
    case sha256
    case originalName = "original_name"
    case size
    case receivedAt = "received_at"
    case district
    case planYear = "plan_year"
    case submittedOn = "submitted_on"
    case status
    case errorCount = "error_count"
    case warningCount = "warning_count"
    case lineCount = "line_count"
    case storedPath = "stored_path"
    case totalDong = "total_dong"
    case nationalDong = "national_dong"
    case localDong = "local_dong"
    case counterpartDong = "counterpart_dong"
    case otherDong = "other_dong"
  }

  init(_ entry: LedgerEntry) {
    sha256 = entry.sha256
    originalName = entry.originalName
    size = entry.size
    receivedAt = entry.receivedAt
    district = entry.district?.rawValue
    planYear = entry.planYear?.rawValue
    submittedOn = entry.submittedOn?.isoText
    status = entry.status.rawValue
    errorCount = entry.errorCount
    warningCount = entry.warningCount
    lineCount = entry.lineCount
    storedPath = entry.storedPath
    totalDong = entry.totals.total.dong
    nationalDong = entry.totals.national.dong
    localDong = entry.totals.local.dong
    counterpartDong = entry.totals.counterpart.dong
    otherDong = entry.totals.other.dong
  }

  var entry: LedgerEntry {
    LedgerEntry(
      sha256: sha256, originalName: originalName, size: size, receivedAt: receivedAt,
      district: district.map(DistrictCode.init(rawValue:)), planYear: planYear.map(PlanYear.init(rawValue:)),
      submittedOn: submittedOn.flatMap { CivilDate(iso: $0) },
      // The CHECK constraint allows only the two values.
      status: SubmissionStatus(rawValue: status) ?? .rejected,
      errorCount: errorCount, warningCount: warningCount, lineCount: lineCount, storedPath: storedPath,
      totals: FundTotals(
        total: Money(dong: totalDong), national: Money(dong: nationalDong), local: Money(dong: localDong),
        counterpart: Money(dong: counterpartDong), other: Money(dong: otherDong)))
  }
}

/// A row of `inbox_hash` (migration v2).
struct InboxHashRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "inbox_hash"

  var name: String
  var size: Int64
  var modifiedNanoseconds: Int64
  var changedNanoseconds: Int64
  /// The inode's bits as SQLite's signed INTEGER.
  var inode: Int64
  var sha256: String

  enum CodingKeys: String, CodingKey {
    case name, size
    case modifiedNanoseconds = "modified_ns"
    case changedNanoseconds = "changed_ns"
    case inode, sha256
  }

  init(name: String, cached: Ledger.CachedHash) {
    self.name = name
    size = cached.status.size
    modifiedNanoseconds = cached.status.modifiedNanoseconds
    changedNanoseconds = cached.status.changedNanoseconds
    inode = Int64(bitPattern: cached.status.inode)
    sha256 = cached.sha256
  }

  var cached: Ledger.CachedHash {
    // The device is not kept: the inbox is one folder, read without descending.
    let status = FileStatus(
      kind: .regular, size: size, modifiedNanoseconds: modifiedNanoseconds,
      changedNanoseconds: changedNanoseconds, inode: UInt64(bitPattern: inode), device: 0)
    return Ledger.CachedHash(status: status, sha256: sha256)
  }
}

/// A row of `oversized_file` (migration v2).
struct OversizedFileRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "oversized_file"

  var name: String
  var size: Int64
  var modifiedNanoseconds: Int64
  var inode: Int64
  var limitBytes: Int
  var receivedAt: String

  enum CodingKeys: String, CodingKey {
    case name, size
    case modifiedNanoseconds = "modified_ns"
    case inode
    case limitBytes = "limit_bytes"
    case receivedAt = "received_at"
  }

  init(_ file: OversizedFile) {
    name = file.name
    size = file.size
    modifiedNanoseconds = file.modifiedNanoseconds
    inode = Int64(bitPattern: file.inode)
    limitBytes = file.limit
    receivedAt = file.receivedAt
  }

  var file: OversizedFile {
    OversizedFile(
      name: name, size: size, modifiedNanoseconds: modifiedNanoseconds, inode: UInt64(bitPattern: inode),
      limit: limitBytes, receivedAt: receivedAt)
  }
}
