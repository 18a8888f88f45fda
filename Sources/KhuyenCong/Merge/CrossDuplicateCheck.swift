/// `cross.duplicate`: the same beneficiary and indicator in two districts' accepted plans
/// (SPEC §4, a warning found at merge time).
///
/// Beneficiaries compare by `BeneficiaryKey` (NFC, case-, diacritic- and space-insensitive);
/// group projects and lines without a beneficiary are skipped, since a group has many.
/// The warning sits on the later line (in plan order) and names the earliest line of
/// another district: `otherDistrict`, `otherDistrictName`, `otherFile`, `otherSheet`,
/// `otherRow`, plus `beneficiary` and `indicator`.
enum CrossDuplicateCheck {
  /// The warnings, in line order.
  static func run(lines: [ConsolidatedLine], districts: [PlanDistrict], year: PlanYear)
    -> [Diagnostic]
  {
    struct Key: Hashable {
      let beneficiary: BeneficiaryKey
      let indicator: IndicatorCode
    }
    var firstByKey: [Key: [ConsolidatedLine]] = [:]
    var warnings: [Diagnostic] = []
    // A plan names few beneficiaries, each on many lines; folding one through Foundation's
    // normalisations costs about 85 000 instructions: once per distinct name.
    var keys = Memo<TextBytes, BeneficiaryKey?>()
    for entry in lines {
      let line = entry.line
      guard !line.isGroup, let name = line.beneficiary,
        let folded = keys.value(for: TextBytes(name), { BeneficiaryKey($0.text) }),
        let indicator = line.indicator ?? line.contentArea
      else { continue }
      let key = Key(beneficiary: folded, indicator: indicator)
      let earlier = firstByKey[key, default: []]
      if let other = earlier.first(where: { $0.district != entry.district }) {
        var values = [
          "beneficiary": name, "indicator": indicator.rawValue,
          "district": entry.district.rawValue,
          "otherDistrict": other.district.rawValue,
          "otherFile": other.line.source.file,
          "planYear": String(year.rawValue),
        ]
        values["otherDistrictName"] = districts.first { $0.code == other.district }?.name
        values["otherSheet"] = other.line.source.sheet
        values["otherRow"] = other.line.source.row.map(String.init)
        warnings.append(
          Diagnostic(
            code: .crossDuplicate, severity: .warning,
            position: line.source, values: values))
      }
      // Keep the first line of each district only: enough to name "the other district".
      if !earlier.contains(where: { $0.district == entry.district }) {
        firstByKey[key, default: []].append(entry)
      }
    }
    return warnings
  }
}
