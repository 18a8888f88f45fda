/// A stable, dotted diagnostic code (`budget.sum`): part of the JSON contract, never renamed
/// or reused (SPEC §4).
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public static let fileUnreadable = Self(rawValue: "file.unreadable")
  public static let fileEncoding = Self(rawValue: "file.encoding")
  public static let csvMalformed = Self(rawValue: "csv.malformed")
  public static let xmlMalformed = Self(rawValue: "xml.malformed")
  public static let headerMissing = Self(rawValue: "header.missing")
  public static let headerUnknownColumn = Self(rawValue: "header.unknown-column")
  public static let metaDistrict = Self(rawValue: "meta.district")
  public static let metaYear = Self(rawValue: "meta.year")
  public static let metaDate = Self(rawValue: "meta.date")
  /// The money unit of a header differs from the title block's "Đơn vị tính".
  public static let metaUnit = Self(rawValue: "meta.unit")
  /// A submission with no plan line at all.
  public static let planEmpty = Self(rawValue: "plan.empty")
  /// A row under the header that is neither a line, a section, a total nor a signature (info).
  public static let rowIgnored = Self(rawValue: "row.ignored")
  public static let deadlineLate = Self(rawValue: "deadline.late")
  public static let cellRequired = Self(rawValue: "cell.required")
  public static let cellType = Self(rawValue: "cell.type")
  public static let contentUnknown = Self(rawValue: "content.unknown")
  public static let contentUnit = Self(rawValue: "content.unit")
  public static let placeUnknown = Self(rawValue: "place.unknown")
  public static let placeOtherDistrict = Self(rawValue: "place.other-district")
  public static let placeMerged = Self(rawValue: "place.merged")
  public static let periodOutside = Self(rawValue: "period.outside")
  public static let budgetSum = Self(rawValue: "budget.sum")
  public static let budgetNegative = Self(rawValue: "budget.negative")
  public static let budgetCap = Self(rawValue: "budget.cap")
  public static let budgetPriorityOnly = Self(rawValue: "budget.priority-only")
  public static let totalMismatch = Self(rawValue: "total.mismatch")
  public static let lineDuplicate = Self(rawValue: "line.duplicate")
  public static let crossDuplicate = Self(rawValue: "cross.duplicate")
  public static let submissionSuperseded = Self(rawValue: "submission.superseded")
}
