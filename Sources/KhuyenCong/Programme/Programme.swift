/// A khuyến công programme: everything province- or period-specific, as data (SPEC §2).
///
/// The binary embeds the default one (Tuyên Quang 2016–2020, Decision 69/QĐ-UBND); another
/// is loaded with `--program FILE` and needs no code change.
public struct Programme: Hashable, Sendable {
  /// A short identifier (`tuyen-quang-2016-2020`).
  public var id: String
  /// The programme's title as the decision names it.
  public var title: String
  /// The decision that approves it ("Quyết định số 69/QĐ-UBND ngày 10/3/2016 …").
  public var basis: String
  public var province: Province
  /// The submitting units (districts), in the order the province lists them.
  public var districts: [District]
  /// The commune register: every version of every commune, with validity dates.
  public var communes: [Commune]
  /// The first and last plan year the programme covers.
  public var firstYear: PlanYear
  public var lastYear: PlanYear
  public var deadline: DeadlineRule
  /// The content areas (section II of the decision), with their indicators.
  public var contentAreas: [ContentArea]
  public var budget: BudgetFigures
  /// Support caps and other budget rules, each with its legal basis.
  public var rules: [BudgetRule]
  /// How much the absolute caps may be raised in priority districts (TTLT 26/2014 Art. 6.2.t).
  public var priorityMultiplier: ExactDecimal
  public var priorityMultiplierBasis: String
  /// Unit synonyms valid for every indicator ("người" = "lao động").
  public var unitSynonyms: [[String]]
  /// Which legal text sets the caps for which plan years; empty when the file says nothing
  /// (then the rules' own years decide).
  public var capPeriods: [CapPeriod]

  /// Creates a programme from its parts.
  public init(
    id: String, title: String, basis: String, province: Province, districts: [District],
    communes: [Commune], firstYear: PlanYear, lastYear: PlanYear, deadline: DeadlineRule,
    contentAreas: [ContentArea], budget: BudgetFigures, rules: [BudgetRule],
    priorityMultiplier: ExactDecimal, priorityMultiplierBasis: String,
    unitSynonyms: [[String]], capPeriods: [CapPeriod] = []
  ) {
    self.id = id
    self.title = title
    self.basis = basis
    self.province = province
    self.districts = districts
    self.communes = communes
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.deadline = deadline
    self.contentAreas = contentAreas
    self.budget = budget
    self.rules = rules
    self.priorityMultiplier = priorityMultiplier
    self.priorityMultiplierBasis = priorityMultiplierBasis
    self.unitSynonyms = unitSynonyms
    self.capPeriods = capPeriods
  }

  /// Whether `year` is inside the programme period.
  public func covers(_ year: PlanYear) -> Bool { firstYear <= year && year <= lastYear }

  /// The district with this code.
  public func district(_ code: DistrictCode) -> District? { districts.first { $0.code == code } }

  /// Every indicator of every area, in programme order.
  public var indicators: [Indicator] { contentAreas.flatMap(\.indicators) }

  /// The indicator with this code.
  public func indicator(_ code: IndicatorCode) -> Indicator? {
    indicators.first { $0.code == code }
  }

  /// The content area with this code (`3`).
  public func contentArea(_ code: IndicatorCode) -> ContentArea? {
    contentAreas.first { $0.code == code }
  }

  /// The communes in force on `day` (SPEC §2: on 1 January of the plan year).
  public func communes(inForceOn day: CivilDate) -> [Commune] {
    communes.filter { $0.isInForce(on: day) }
  }
}

/// The province that runs the programme.
public struct Province: Hashable, Sendable {
  /// GSO code (`08`).
  public var code: String
  /// Bare name (`Tuyên Quang`).
  public var name: String

  /// Creates a province.
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// A submitting unit (huyện, thành phố).
public struct District: Hashable, Sendable {
  public var code: DistrictCode
  /// Bare name (`Lâm Bình`).
  public var name: String
  /// `huyện` or `thành phố`.
  public var kind: String
  /// Other spellings that name it (without diacritics, older spellings, English).
  public var aliases: [String]
  /// A priority district: "điều kiện kinh tế - xã hội khó khăn và đặc biệt khó khăn".
  public var priority: Bool
  /// Why it is a priority district, when it is.
  public var priorityBasis: String?

  /// Creates a district.
  public init(
    code: DistrictCode, name: String, kind: String, aliases: [String], priority: Bool,
    priorityBasis: String?
  ) {
    self.code = code
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.priority = priority
    self.priorityBasis = priorityBasis
  }

  /// `Huyện Lâm Bình`, `Thành phố Tuyên Quang`.
  public var officialName: String { kind.prefix(1).uppercased() + kind.dropFirst() + " " + name }

  /// `huyện Lâm Bình`, `thành phố Tuyên Quang`: as a sentence names it mid-way.
  public var nameInSentence: String { kind + " " + name }
}

/// One version of a commune-level unit (xã, phường, thị trấn) of the register.
public struct Commune: Hashable, Sendable {
  public var code: CommuneCode
  public var name: String
  /// `xã`, `phường` or `thị trấn`.
  public var kind: String
  public var district: DistrictCode
  /// First day this version was valid; `nil` when it existed before the register starts.
  public var validFrom: CivilDate?
  /// Last day this version was valid; `nil` while still valid.
  public var validTo: CivilDate?
  /// For a unit merged away: the code of the unit it was merged into.
  public var successor: CommuneCode?

  /// Creates a commune version.
  public init(
    code: CommuneCode, name: String, kind: String, district: DistrictCode,
    validFrom: CivilDate?, validTo: CivilDate?, successor: CommuneCode?
  ) {
    self.code = code
    self.name = name
    self.kind = kind
    self.district = district
    self.validFrom = validFrom
    self.validTo = validTo
    self.successor = successor
  }

  /// Whether this version is in force on `day`.
  public func isInForce(on day: CivilDate) -> Bool {
    (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
  }

  /// `Xã Lăng Can`.
  public var officialName: String { kind.prefix(1).uppercased() + kind.dropFirst() + " " + name }
}

/// When a plan is due and what happens to a late one (SPEC §2).
public struct DeadlineRule: Hashable, Sendable {
  /// A plan for year N is due on `day`/`month` of year N + `yearOffset` (−1 in the seed).
  public var month: Int
  public var day: Int
  public var yearOffset: Int
  /// Whether a plan dated on the deadline day itself is on time.
  public var inclusive: Bool
  public var latePolicy: LatePolicy
  /// Later deadlines granted to named districts.
  public var extensions: [DeadlineExtension]
  /// "Quyết định số 69/QĐ-UBND, mục V.4".
  public var basis: String
  /// The first plan year the rule binds (a decision cannot set a deadline already past when
  /// it was signed: Decision 69 of 10/3/2016 binds the plans for 2017 on); `nil` for every year.
  public var firstPlanYear: PlanYear?

  /// Creates a deadline rule.
  public init(
    month: Int, day: Int, yearOffset: Int, inclusive: Bool, latePolicy: LatePolicy,
    extensions: [DeadlineExtension], basis: String, firstPlanYear: PlanYear? = nil
  ) {
    self.firstPlanYear = firstPlanYear
    self.month = month
    self.day = day
    self.yearOffset = yearOffset
    self.inclusive = inclusive
    self.latePolicy = latePolicy
    self.extensions = extensions
    self.basis = basis
  }
}

/// What a late plan gets.
public enum LatePolicy: String, Hashable, Sendable, Codable {
  /// `deadline.late` is an error: the plan is rejected.
  case reject
  /// `deadline.late` is a warning: the plan goes in.
  case warn
}

/// A later deadline granted to one district (for one plan year, or for every year).
public struct DeadlineExtension: Hashable, Sendable {
  public var district: DistrictCode
  /// The plan year it applies to; `nil` for every year.
  public var planYear: PlanYear?
  /// The last day (inclusive) the district may submit.
  public var until: CivilDate
  public var basis: String

  /// Creates an extension.
  public init(district: DistrictCode, planYear: PlanYear?, until: CivilDate, basis: String) {
    self.district = district
    self.planYear = planYear
    self.until = until
    self.basis = basis
  }
}

/// A content area of the programme (section II of the decision: "1. Tổ chức đào tạo nghề…").
public struct ContentArea: Hashable, Sendable {
  /// `1` … `9`.
  public var code: IndicatorCode
  public var name: String
  /// Other names a district may write in the content column.
  public var aliases: [String]
  public var basis: String
  public var indicators: [Indicator]
  /// Activities the decision names in this area without a number (study tours, setting up
  /// trade associations): planned against the area itself, counted in its budget, never
  /// towards a target.
  public var activities: [String] = []

  /// Creates a content area.
  public init(
    code: IndicatorCode, name: String, aliases: [String], basis: String,
    indicators: [Indicator]
  ) {
    self.code = code
    self.name = name
    self.aliases = aliases
    self.basis = basis
    self.indicators = indicators
  }
}

/// A measurable expected result of a content area, with one or more measures, each a unit
/// and a five-year target ("tổ chức tham gia 10 hội chợ … cho khoảng 100 lượt cơ sở": 4.3
/// has two). A line's unit picks the measure it counts towards.
public struct Indicator: Hashable, Sendable {
  /// `1.1`, `4.3`, …
  public var code: IndicatorCode
  public var name: String
  /// What is counted, in programme order; never empty.
  public var measures: [Measure]
  /// Where the targets come from ("Quyết định số 69/QĐ-UBND, mục II.1.2").
  public var basis: String

  /// Creates an indicator with its measures.
  public init(code: IndicatorCode, name: String, measures: [Measure], basis: String) {
    self.code = code
    self.name = name
    self.measures = measures
    self.basis = basis
  }

  /// Creates an indicator with one measure.
  public init(
    code: IndicatorCode, name: String, unit: String, unitAliases: [String],
    target: ExactDecimal?, basis: String
  ) {
    self.init(
      code: code, name: name,
      measures: [Measure(name: name, unit: unit, unitAliases: unitAliases, target: target)],
      basis: basis)
  }

  /// The first measure's unit (`lao động`).
  public var unit: String { measures.first?.unit ?? "" }
  /// The first measure's other units.
  public var unitAliases: [String] { measures.first?.unitAliases ?? [] }
  /// The first measure's five-year target, `nil` when the programme sets none (area 9).
  public var target: ExactDecimal? { measures.first?.target }

  /// The content area this indicator belongs to (`3` for `3.3`).
  public var contentArea: IndicatorCode {
    IndicatorCode(rawValue: String(code.rawValue.prefix { $0 != "." }))
  }
}

/// The programme's budget figures (section IV of the decision).
public struct BudgetFigures: Hashable, Sendable {
  /// 27,377 tỷ đồng in the seed.
  public var total: Money
  /// For khuyến công activities: 18,877 tỷ.
  public var activities: Money
  /// Of which national funds: 15,935 tỷ.
  public var national: Money
  /// Of which local funds: 2,942 tỷ.
  public var local: Money
  /// Investment in the centre's premises: 8,5 tỷ (national funds).
  public var premises: Money
  /// Optional annual envelopes per plan year and fund source.
  public var annualEnvelopes: [AnnualEnvelope]
  public var basis: String

  /// Creates the budget figures.
  public init(
    total: Money, activities: Money, national: Money, local: Money, premises: Money,
    annualEnvelopes: [AnnualEnvelope], basis: String
  ) {
    self.total = total
    self.activities = activities
    self.national = national
    self.local = local
    self.premises = premises
    self.annualEnvelopes = annualEnvelopes
    self.basis = basis
  }
}

/// How much one fund source may give in one plan year.
public struct AnnualEnvelope: Hashable, Sendable {
  public var planYear: PlanYear
  public var fund: FundSource
  public var amount: Money
  public var basis: String

  /// Creates an envelope.
  public init(planYear: PlanYear, fund: FundSource, amount: Money, basis: String) {
    self.planYear = planYear
    self.fund = fund
    self.amount = amount
    self.basis = basis
  }
}

/// A budget rule of the programme, decoded once into a typed case (STYLE §7).
public enum BudgetRule: Hashable, Sendable {
  /// A cap on support per unit of quantity.
  case cap(SupportCap)
  /// Support allowed only in priority districts (enterprise set-up, TTLT 26/2014 Art. 6.2.a).
  case priorityOnly(PriorityOnlyRule)
  /// A cap the form cannot check: said once per file (`budget.unchecked`).
  case unchecked(UncheckedRule)
}

/// A support cap for one indicator and fund source (TTLT 26/2014 Art. 6.2).
///
/// The support of a line (its amount from `fund`) must not exceed `maxPercent` of the
/// line's total cost, nor `maxAmountPerUnit` × quantity (× the priority multiplier in a
/// priority district when `raisedInPriorityDistricts`).
public struct SupportCap: Hashable, Sendable {
  public var indicator: IndicatorCode
  public var fund: FundSource
  /// Largest share of the total cost, in percent (30 = 30 %); `nil` for none.
  public var maxPercent: ExactDecimal?
  /// Largest support per unit of quantity (per model, per facility, per cluster).
  public var maxAmountPerUnit: Money?
  /// Whether the priority multiplier raises `maxAmountPerUnit` in priority districts.
  public var raisedInPriorityDistricts: Bool
  /// "điểm b khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT".
  public var basis: String
  /// The plan years the cap is in force.
  public var years: PlanYearSpan = PlanYearSpan()
  /// When not empty, the cap applies only to lines whose activity or note holds one of these
  /// words (a model "tại cơ sở đang hoạt động", point b's second clause): the property no
  /// column carries, written where the form asks for it.
  public var markers: [String] = []
  /// What one unit of the cap is ("mô hình", "cụm"), for messages; empty when not given.
  public var per: String = ""

  /// Creates a cap.
  public init(
    indicator: IndicatorCode, fund: FundSource, maxPercent: ExactDecimal?,
    maxAmountPerUnit: Money?, raisedInPriorityDistricts: Bool, basis: String
  ) {
    self.indicator = indicator
    self.fund = fund
    self.maxPercent = maxPercent
    self.maxAmountPerUnit = maxAmountPerUnit
    self.raisedInPriorityDistricts = raisedInPriorityDistricts
    self.basis = basis
  }
}

/// An indicator that may be supported only in priority districts.
public struct PriorityOnlyRule: Hashable, Sendable {
  public var indicator: IndicatorCode
  public var basis: String
  /// The plan years the rule is in force.
  public var years: PlanYearSpan = PlanYearSpan()

  /// Creates the rule.
  public init(indicator: IndicatorCode, basis: String) {
    self.indicator = indicator
    self.basis = basis
  }
}
