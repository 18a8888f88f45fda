/// The lines of a submission, kept compactly: a consolidation holds every accepted line of
/// every district and year, and a province's history runs to hundreds of thousands of lines
/// (SPEC §8, issue 7).
///
/// Each line is a fixed record of about 112 bytes (amounts, row, flags, and 32-bit references);
/// its texts, places, periods and quantities are kept once per submission in tables and
/// referenced (a plan repeats its implementer, unit, place and content on every line). Reading
/// a line (`lines[i]`) rebuilds the `PlanLine`, equal to the one appended.
public struct PlanLines: RandomAccessCollection, MutableCollection, Hashable, Sendable,
  ExpressibleByArrayLiteral
{
  private var storage: Storage

  /// No lines.
  public init() { storage = Storage() }

  /// The lines of `lines`, in order.
  public init(_ lines: some Sequence<PlanLine>) {
    self.init()
    for line in lines { append(line) }
    compact()
  }

  public init(arrayLiteral lines: PlanLine...) { self.init(lines) }

  /// The lines of `lines` reduced to what five-year progress counts of them: indicator, unit
  /// and quantity (12 bytes a line); every other field is empty, the amounts zero, the
  /// source a file without a name.
  init(counting lines: some Sequence<PlanLine>) {
    self.init()
    var counted: [Counted] = []
    for line in lines {
      counted.append(
        Counted(
          indicator: storage.texts.reference(line.indicator?.rawValue),
          unit: storage.texts.reference(line.unit),
          quantity: storage.quantities.reference(line.quantity)))
    }
    storage.counted = counted
    storage.compact()
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { storage.counted?.count ?? storage.records.count }

  public subscript(position: Int) -> PlanLine {
    get { storage.line(at: position) }
    set {
      makeUnique()
      storage.records[position] = storage.record(of: newValue)
    }
  }

  /// Adds a line after the others.
  public mutating func append(_ line: PlanLine) {
    makeUnique()
    storage.records.append(storage.record(of: line))
  }

  /// Drops what only adding lines needed (the tables' lookups) and spare capacity: call it
  /// once the lines are all there. Appending later still works.
  public mutating func compact() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    storage.compact()
  }

  /// Puts the lines in the order of their rows (lines that waited come last when built).
  mutating func sortByRow() {
    makeUnique()
    storage.records.sort { $0.row < $1.row }
  }

  /// The source of line `index` (without rebuilding the line).
  public func source(at index: Int) -> Position {
    guard storage.counted == nil else { return Position(file: "") }
    let record = storage.records[index]
    var source = storage.positions.value(record.position) ?? Position(file: "")
    source.row = record.row == .min ? nil : Int(record.row)
    return source
  }

  /// The amounts of line `index` (without rebuilding the line).
  public func amounts(at index: Int) -> FundTotals {
    storage.counted == nil ? storage.records[index].amounts : .zero
  }

  /// The sum of every line's amounts, in line order (without rebuilding the lines).
  public var totals: FundTotals {
    storage.records.reduce(into: FundTotals.zero) { $0 += $1.amounts }
  }

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    storage.widen()
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.storage === rhs.storage || lhs.elementsEqual(rhs)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
  }
}

extension PlanLines: Codable {
  /// Encoded as the array of its lines.
  public init(from decoder: any Decoder) throws {
    self.init(try [PlanLine](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try Array(self).encode(to: encoder)
  }
}

extension PlanLines {
  /// One line, without its texts and rarer values (references into the tables, 0 for none).
  fileprivate struct Record {
    var total: Int64
    var national: Int64
    var local: Int64
    var counterpart: Int64
    var other: Int64
    /// `Int64.min` for none.
    var row: Int64
    /// The line's position without its row.
    var position: UInt32
    var indicator: UInt32
    var contentArea: UInt32
    var commune: UInt32
    var contentText: UInt32
    var activity: UInt32
    var implementer: UInt32
    var beneficiary: UInt32
    var place: UInt32
    var unit: UInt32
    var note: UInt32
    var quantity: UInt32
    var start: UInt32
    var end: UInt32
    /// Bit 0: a group project; bit 1: its amounts are readable.
    var flags: UInt8

    var amounts: FundTotals {
      FundTotals(
        total: Money(dong: total), national: Money(dong: national), local: Money(dong: local),
        counterpart: Money(dong: counterpart), other: Money(dong: other))
    }
  }

  /// A line reduced to what progress counts (`init(counting:)`).
  fileprivate struct Counted {
    var indicator: UInt32
    var unit: UInt32
    var quantity: UInt32
  }

  /// Values kept once, referenced by number (1-based; 0 is "none").
  fileprivate struct Table<Value: Hashable> {
    private(set) var values: [Value] = []
    /// Lookups while lines are added; rebuilt on demand after `compact`.
    private var numbers: [Value: UInt32]?
    /// Whether a value is worth looking up (a text of an activity, unique per line, is not).
    private let shared: (Value) -> Bool

    init(shared: @escaping (Value) -> Bool = { _ in true }) {
      self.shared = shared
      numbers = [:]
    }

    mutating func reference(_ value: Value?) -> UInt32 {
      guard let value else { return 0 }
      guard shared(value) else {
        values.append(value)
        return UInt32(values.count)
      }
      if numbers == nil {
        var rebuilt: [Value: UInt32] = [:]
        for (index, known) in values.enumerated() where shared(known) { rebuilt[known] = UInt32(index + 1) }
        numbers = rebuilt
      }
      if let number = numbers?[value] { return number }
      values.append(value)
      numbers?[value] = UInt32(values.count)
      return UInt32(values.count)
    }

    func value(_ reference: UInt32) -> Value? {
      reference == 0 ? nil : values[Int(reference) - 1]
    }

    mutating func compact() {
      numbers = nil
      values = Array(values)
    }
  }

  fileprivate final class Storage: @unchecked Sendable {
    var records: [Record] = []
    /// Set instead of `records` for lines reduced to what progress counts.
    var counted: [Counted]?
    // Texts of at most 64 bytes repeat from line to line; longer ones (an activity) do not.
    var texts = Table<String>(shared: { $0.utf8.count <= 64 })
    var positions = Table<Position>()
    var times = Table<PlanTime>()
    var quantities = Table<ExactDecimal>()

    func copy() -> Storage {
      let copy = Storage()
      copy.records = records
      copy.counted = counted
      copy.texts = texts
      copy.positions = positions
      copy.times = times
      copy.quantities = quantities
      return copy
    }

    /// Turns reduced lines into full records, before one is changed or added.
    func widen() {
      guard let counted else { return }
      let lines = counted.indices.map(line(at:))
      self.counted = nil
      records = lines.map(record(of:))
    }

    func compact() {
      records = Array(records)
      counted = counted.map { Array($0) }
      texts.compact()
      positions.compact()
      times.compact()
      quantities.compact()
    }

    func record(of line: PlanLine) -> Record {
      var position = line.source
      position.row = nil
      return Record(
        total: line.amounts.total.dong, national: line.amounts.national.dong,
        local: line.amounts.local.dong, counterpart: line.amounts.counterpart.dong,
        other: line.amounts.other.dong, row: line.source.row.map(Int64.init) ?? .min,
        position: positions.reference(position), indicator: texts.reference(line.indicator?.rawValue),
        contentArea: texts.reference(line.contentArea?.rawValue),
        commune: texts.reference(line.commune?.rawValue), contentText: texts.reference(line.contentText),
        activity: texts.reference(line.activity), implementer: texts.reference(line.implementer),
        beneficiary: texts.reference(line.beneficiary), place: texts.reference(line.place),
        unit: texts.reference(line.unit), note: texts.reference(line.note),
        quantity: quantities.reference(line.quantity), start: times.reference(line.start),
        end: times.reference(line.end),
        flags: (line.isGroup ? 1 : 0) | (line.amountsAreReadable ? 2 : 0))
    }

    func line(at index: Int) -> PlanLine {
      if let counted {
        var line = PlanLine(
          source: Position(file: ""), contentText: "", activity: "", implementer: "", amounts: .zero)
        line.indicator = texts.value(counted[index].indicator).map(IndicatorCode.init(rawValue:))
        line.unit = texts.value(counted[index].unit)
        line.quantity = quantities.value(counted[index].quantity)
        return line
      }
      let record = records[index]
      var source = positions.value(record.position) ?? Position(file: "")
      source.row = record.row == .min ? nil : Int(record.row)
      var line = PlanLine(
        source: source, contentText: texts.value(record.contentText) ?? "",
        activity: texts.value(record.activity) ?? "", implementer: texts.value(record.implementer) ?? "",
        amounts: record.amounts)
      line.indicator = texts.value(record.indicator).map(IndicatorCode.init(rawValue:))
      line.contentArea = texts.value(record.contentArea).map(IndicatorCode.init(rawValue:))
      line.commune = texts.value(record.commune).map(CommuneCode.init(rawValue:))
      line.beneficiary = texts.value(record.beneficiary)
      line.place = texts.value(record.place)
      line.unit = texts.value(record.unit)
      line.note = texts.value(record.note)
      line.quantity = quantities.value(record.quantity)
      line.start = times.value(record.start)
      line.end = times.value(record.end)
      line.isGroup = record.flags & 1 != 0
      line.amountsAreReadable = record.flags & 2 != 0
      return line
    }
  }
}
