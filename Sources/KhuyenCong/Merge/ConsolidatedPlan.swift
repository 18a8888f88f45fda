/// The consolidated provincial annual plan of one year (SPEC §5): one accepted submission per
/// district, its lines, its totals, and the progress against the five-year targets.
///
/// Built by `PlanMerger.merge(results:year:programme:)`; every array is in a fixed order so
/// the writers never iterate a `Dictionary` or a `Set`.
public struct ConsolidatedPlan: Hashable, Sendable {
  /// The year the plan is for.
  public var planYear: PlanYear
  /// Every district of the programme (and any unknown code an accepted file named), ranked:
  /// priority districts first in programme order, then the others in programme order.
  public var districts: [PlanDistrict]
  /// Every line of every winning submission, by district rank, then file, sheet and row.
  public var lines: [ConsolidatedLine]
  /// Totals and quantities by content area and indicator, in programme order.
  public var contentAreas: [ContentAreaSummary]
  /// The sum of every line: the totals by fund source.
  public var totals: FundTotals
  /// The sum of the priority districts' lines.
  public var priorityTotals: FundTotals
  /// Priority districts' share of `totals.total`, in percent (two decimals, half up);
  /// `nil` when the total is zero.
  public var priorityShareOfTotal: ExactDecimal?
  /// Priority districts' share of khuyến công support (national + local), in percent.
  public var priorityShareOfSupport: ExactDecimal?
  /// The earlier plan years whose accepted submissions fed the five-year progress.
  public var earlierYears: [PlanYear]
  /// Rejected files of this year that name no district we know: listed, never dropped.
  public var unattributedRejections: [RejectedFile]
  /// Every other rejected file of this year: versions rejected from districts whose plan came
  /// from another file, and earlier rejected tries of rejected districts. Listed with their
  /// errors so the Department can answer each file, never dropped (issue 4).
  public var otherRejections: [RejectedFile] = []
  /// Merge-time findings: `submission.superseded` (info), `cross.duplicate` (warning),
  /// `budget.envelope` (warning), `meta.district` for an accepted file naming no district.
  public var diagnostics: [Diagnostic]

  /// Creates a plan from its parts (the merger does this; tests may too).
  public init(
    planYear: PlanYear, districts: [PlanDistrict], lines: [ConsolidatedLine],
    contentAreas: [ContentAreaSummary], totals: FundTotals, priorityTotals: FundTotals,
    priorityShareOfTotal: ExactDecimal?, priorityShareOfSupport: ExactDecimal?,
    earlierYears: [PlanYear], unattributedRejections: [RejectedFile],
    diagnostics: [Diagnostic]
  ) {
    self.planYear = planYear
    self.districts = districts
    self.lines = lines
    self.contentAreas = contentAreas
    self.totals = totals
    self.priorityTotals = priorityTotals
    self.priorityShareOfTotal = priorityShareOfTotal
    self.priorityShareOfSupport = priorityShareOfSupport
    self.earlierYears = earlierYears
    self.unattributedRejections = unattributedRejections
    self.diagnostics = diagnostics
  }

  /// Progress of every measure of every indicator against its five-year target, in programme
  /// order (4.3 gives two entries: hội chợ, lượt cơ sở).
  public var progress: [IndicatorProgress] { contentAreas.flatMap { $0.indicators.flatMap(\.measures) } }

  /// The `cross.duplicate` warnings, in line order.
  public var crossDuplicates: [Diagnostic] {
    diagnostics.filter { $0.code == .crossDuplicate }
  }

  /// The district entry with this code.
  public func district(_ code: DistrictCode) -> PlanDistrict? {
    districts.first { $0.code == code }
  }
}

/// One line of the consolidated plan: a district's line with the district it belongs to.
///
/// A reference into the submission's compact lines (`PlanLines`), not a copy: the plan of a
/// province holds every line of every district.
public struct ConsolidatedLine: Hashable, Sendable {
  /// The district whose accepted submission holds the line.
  public var district: DistrictCode
  private var lines: PlanLines
  private var index: Int

  /// Creates a line entry.
  public init(district: DistrictCode, line: PlanLine) {
    self.init(district: district, lines: [line], index: 0)
  }

  /// Line `index` of `lines`.
  init(district: DistrictCode, lines: PlanLines, index: Int) {
    self.district = district
    self.lines = lines
    self.index = index
  }

  /// The line as read, with its source file, sheet and row.
  public var line: PlanLine {
    get { lines[index] }
    set { self = ConsolidatedLine(district: district, line: newValue) }
  }

  /// The line's source (without rebuilding the line).
  public var source: Position { lines.source(at: index) }

  /// The line's amounts (without rebuilding the line).
  public var amounts: FundTotals { lines.amounts(at: index) }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.district == rhs.district && lhs.line == rhs.line
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(district)
    hasher.combine(line)
  }
}

/// A rejected file of the plan year that could not be attributed to a district.
public struct RejectedFile: Hashable, Sendable {
  /// The file name as submitted.
  public var file: String
  /// The district it names, when it names one the programme knows.
  public var district: DistrictCode?
  /// Its error diagnostics, in the order found.
  public var diagnostics: [Diagnostic]

  /// Creates an entry.
  public init(file: String, district: DistrictCode? = nil, diagnostics: [Diagnostic]) {
    self.file = file
    self.district = district
    self.diagnostics = diagnostics
  }
}
