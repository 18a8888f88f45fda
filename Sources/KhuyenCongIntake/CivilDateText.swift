import KhuyenCong

/// Calendar text for the ledger, from the core's `CivilDate` (no Foundation formatter, so no
/// locale or time zone can change what is stored).
enum CivilDateText {
  /// `2016-10-27` for a day counted from 1970-01-01.
  static func iso(daysSinceEpoch days: Int) -> String {
    CivilDate(daysSinceEpoch: days).isoText
  }
}
