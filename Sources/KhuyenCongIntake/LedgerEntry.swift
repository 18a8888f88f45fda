import KhuyenCong

/// One submission file as the ledger records it: a row of `submission` (SPEC §7).
///
/// The fields are the ledger's columns; money is whole đồng, as SQLite INTEGER (STYLE §3).
public struct LedgerEntry: Hashable, Sendable {
  /// SHA-256 of the file's bytes, 64 lowercase hex digits: what identifies a submission.
  public var sha256: String
  /// The file's name in the inbox when it was first seen.
  public var originalName: String
  /// Size in bytes.
  public var size: Int64
  /// When the run that filed it started, UTC (`2016-10-27T08:15:00Z`).
  public var receivedAt: String
  /// The district the file names, when it could be read.
  public var district: DistrictCode?
  /// The plan year the file names, when it could be read.
  public var planYear: PlanYear?
  /// The date the file carries.
  public var submittedOn: CivilDate?
  /// Accepted or rejected, as validation decided when it was filed.
  public var status: SubmissionStatus
  /// Errors and warnings found.
  public var errorCount: Int
  public var warningCount: Int
  /// Plan lines read.
  public var lineCount: Int
  /// Where the copy is, relative to the store (`accepted/2017/073/3f2a…-chiem-hoa.csv`).
  public var storedPath: String
  /// The file's totals.
  public var totals: FundTotals

  /// Creates an entry.
  public init(
    sha256: String, originalName: String, size: Int64, receivedAt: String,
    district: DistrictCode?, planYear: PlanYear?, submittedOn: CivilDate?,
    status: SubmissionStatus, errorCount: Int, warningCount: Int, lineCount: Int,
    storedPath: String, totals: FundTotals
  ) {
    self.sha256 = sha256
    self.originalName = originalName
    self.size = size
    self.receivedAt = receivedAt
    self.district = district
    self.planYear = planYear
    self.submittedOn = submittedOn
    self.status = status
    self.errorCount = errorCount
    self.warningCount = warningCount
    self.lineCount = lineCount
    self.storedPath = storedPath
    self.totals = totals
  }

  /// The entry for a validated file.
  public init(
    result: SubmissionResult, sha256: String, originalName: String, size: Int64,
    receivedAt: String, storedPath: String
  ) {
    let submission = result.submission
    self.init(
      sha256: sha256, originalName: originalName, size: size, receivedAt: receivedAt,
      district: submission.district, planYear: submission.planYear,
      submittedOn: submission.submittedOn, status: result.status,
      errorCount: result.diagnostics.filter { $0.severity == .error }.count,
      warningCount: result.diagnostics.filter { $0.severity == .warning }.count,
      lineCount: submission.lines.count, storedPath: storedPath, totals: submission.totals)
  }
}
