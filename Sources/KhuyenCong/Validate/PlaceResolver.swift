/// Matches each line's place to the commune register in force on 1 January of the plan year
/// (SPEC §2): `place.unknown`, `place.other-district`, `place.merged`, `place.type`.
///
/// A place may name several communes ("Xã Thượng Lâm, xã Khuôn Hà"), the district itself
/// ("huyện Lâm Bình", "toàn huyện") for district-wide activities, or a commune with its
/// district ("Xã Thượng Lâm, huyện Lâm Bình").
///
/// Names match on their text with diacritics first (in the district, then the province, to
/// name another district), allowing the spellings Vietnamese allows either way ("Quí"/"Quý",
/// "Hòa"/"Hoà"); without diacritics only when that names one commune of the whole register
/// ("Tân Thanh" of Sơn Dương and "Tân Thành" of Hàm Yên stay apart). The register's events
/// are told as they happened: merged into another commune, renamed, or moved to another
/// district (an error for a plan of the old district from that day on).
public struct PlaceResolver: Sendable {
  private let programme: Programme
  private let districts: DistrictMatcher

  /// Folded prefixes of commune names.
  static let communePrefixes = ["xa", "phuong", "thi tran", "tt", "p"]
  /// Folded phrases that mean "the whole district" (or province).
  static let wholeArea = [
    "toan huyen", "tren dia ban huyen", "dia ban huyen", "cac xa", "toan tinh",
    "tren dia ban", "toan thanh pho", "cac xa thi tran", "cac xa phuong",
    "trong tinh", "tinh", "cac huyen",
  ]

  private let index: CommuneIndex

  /// A resolver for `programme`'s register, with its tables (built from `programme` when not
  /// given).
  public init(programme: Programme, lookups: ProgrammeLookups? = nil) {
    let lookups = lookups ?? ProgrammeLookups(programme)
    self.programme = programme
    self.districts = lookups.districts
    self.index = lookups.register
  }
}

/// The commune register indexed by name, both ways (`ProgrammeLookups`).
struct CommuneIndex: Sendable {
  var byExact: [String: [Commune]] = [:]
  var byFolded: [String: [Commune]] = [:]

  init(_ communes: [Commune]) {
    for commune in communes {
      let name = CommuneName(registerName: commune.name, kind: commune.kind)
      byExact[name.exact, default: []].append(commune)
      byFolded[name.folded, default: []].append(commune)
    }
  }

  /// Versions whose name is `name`'s: exactly, else folded when that names one commune
  /// (one code, one spelling) of the whole register. `nil` with the candidates when the
  /// folded name is ambiguous.
  func versions(of name: CommuneName) -> (versions: [Commune], ambiguous: [Commune]) {
    if let exact = byExact[name.exact] { return (exact, []) }
    let folded = byFolded[name.folded] ?? []
    let spellings = Set(folded.map { CommuneName(registerName: $0.name, kind: $0.kind).exact })
    let codes = Set(folded.map(\.code))
    if spellings.count <= 1 && codes.count <= 1 { return (folded, []) }
    return ([], folded)
  }
}

extension PlaceResolver {
  /// What the resolver remembers between lines: each distinct place text already resolved (a
  /// plan names the same few places on many lines), found by its bytes (`TextBytes`: a
  /// `String` key's hash normalised the Vietnamese text on every line).
  struct Memo {
    fileprivate var resolved = KhuyenCong.Memo<TextBytes, (matched: [CommuneCode], found: [Diagnostic])>()
  }

  /// The commune `line`'s place is, when it is one commune of the district, and the problems
  /// of its place, at its place cell. The caller sets the commune on the lines it keeps
  /// (`validate` keeps none: copying each line to set it cost a retain and a release of each
  /// of its texts).
  func resolution(
    of line: PlanLine, district: District, year: PlanYear, columns: [ColumnKey: Int], memo: inout Memo
  ) -> (commune: CommuneCode?, found: [Diagnostic]) {
    guard let place = line.place else { return (nil, []) }
    let at = line.source.at(column: columns[.place])
    // Each distinct text is resolved once, its diagnostics moved to each line's cell.
    let key = TextBytes(place)
    let known: (matched: [CommuneCode], found: [Diagnostic])
    if let remembered = memo.resolved.known(key) {
      known = remembered
    } else {
      known = resolve(place, district: district, year: year)
      memo.resolved.remember(known, for: key)
    }
    let found = known.found.map { diagnostic in
      var moved = diagnostic
      moved.position = at
      return moved
    }
    return (known.matched.count == 1 ? known.matched[0] : nil, found)
  }

  /// The communes `place` names for `district`'s plan of `year`, and its problems (their
  /// position set by the caller).
  private func resolve(_ place: String, district: District, year: PlanYear) -> (
    matched: [CommuneCode], found: [Diagnostic]
  ) {
    let at = Position(file: "")
    let day = CivilDate(year: year.rawValue, month: 1, day: 1)
    var found: [Diagnostic] = []
    var matched: [CommuneCode] = []
    for part in Self.parts(of: place) {
      let key = TextKey(part)
      if key.isEmpty || Self.wholeArea.contains(key.folded) { continue }
      if let code = districts.exact(part), code == district.code { continue }
      let name = CommuneName(part)
      let outcome = judge(part, name: name, index: index, district: district, day: day, year: year)
      found += outcome.diagnostics.map { diagnostic in
        var placed = diagnostic
        placed.position = at
        return placed
      }
      if let code = outcome.match { matched.append(code) }
    }
    return (matched, found)
  }

  /// What one written commune is for `district`'s plan of `year`.
  private func judge(
    _ part: String, name: CommuneName, index: CommuneIndex, district: District, day: CivilDate, year: PlanYear
  ) -> (match: CommuneCode?, diagnostics: [Diagnostic]) {
    let here = Position(file: "")
    let (versions, ambiguous) = index.versions(of: name)
    if !ambiguous.isEmpty {
      let candidates = ambiguous.filter { $0.isInForce(on: day) }
      let listed = (candidates.isEmpty ? ambiguous : candidates).map(described)
      var unique: [String] = []
      for item in listed where !unique.contains(item) { unique.append(item) }
      return (
        nil,
        [
          Diagnostic(
            code: .placeUnknown, severity: .error, position: here,
            values: [
              "value": part, "district": district.nameInSentence, "reason": "ambiguous",
              "candidates": unique.joined(separator: "; "),
            ])
        ]
      )
    }
    let inForce = versions.filter { $0.isInForce(on: day) }
    if let own = inForce.first(where: { $0.district == district.code }) {
      return (own.code, typeMismatch(part, name: name, commune: own))
    }
    if let other = inForce.first {
      var values = [
        "value": part, "commune": other.officialName, "district": districtName(other.district),
        "expectedDistrict": district.nameInSentence,
      ]
      // A name that differs only in its diacritics from one of this district's communes.
      if let near = (index.byFolded[name.folded] ?? []).first(where: {
        $0.district == district.code && $0.isInForce(on: day)
      }) {
        values["suggestion"] = near.officialName
        values["reason"] = "suggestion"
      }
      return (nil, [Diagnostic(code: .placeOtherDistrict, severity: .error, position: here, values: values)])
    }
    if let old = versions.filter({ ($0.validTo.map { $0 < day }) ?? false })
      .max(by: { ($0.validTo ?? day) < ($1.validTo ?? day) })
    {
      return event(part, old: old, district: district, day: day, year: year)
    }
    if let future = versions.filter({ ($0.validFrom.map { $0 > day }) ?? false })
      .min(by: { ($0.validFrom ?? day) < ($1.validFrom ?? day) })
    {
      return (
        nil,
        [
          Diagnostic(
            code: .placeUnknown, severity: .error, position: here,
            values: [
              "value": part, "district": district.nameInSentence, "reason": "not-yet",
              "commune": future.officialName, "from": future.validFrom?.vietnameseText ?? "",
              "year": year.description,
            ])
        ]
      )
    }
    return (
      nil,
      [
        Diagnostic(
          code: .placeUnknown, severity: .error, position: here,
          values: ["value": part, "district": district.nameInSentence])
      ]
    )
  }

  /// A version no longer in force on `day`: what became of it, told as the register says.
  private func event(
    _ part: String, old: Commune, district: District, day: CivilDate, year: PlanYear
  ) -> (match: CommuneCode?, diagnostics: [Diagnostic]) {
    let here = Position(file: "")
    let from = old.validTo.map { CivilDate(daysSinceEpoch: $0.daysSinceEpoch + 1) }
    let successor = old.successor.flatMap { code in
      programme.communes.first { $0.code == code && $0.isInForce(on: day) }
    }
    let renamed = programme.communes.first { $0.code == old.code && $0.isInForce(on: day) }
    guard let now = successor ?? renamed else {
      return (
        nil,
        [
          Diagnostic(
            code: .placeUnknown, severity: .error, position: here,
            values: [
              "value": part, "district": district.nameInSentence, "reason": "ended",
              "commune": old.officialName, "until": old.validTo?.vietnameseText ?? "",
            ])
        ]
      )
    }
    let kind = successor != nil ? "merged" : "renamed"
    var values = [
      "value": part, "old": old.officialName, "successor": now.officialName,
      "from": from?.vietnameseText ?? "", "year": year.description,
      "oldDistrict": districtName(old.district), "district": districtName(now.district),
      "expectedDistrict": district.nameInSentence,
    ]
    if now.district != district.code {
      // It left the district (or never was in it): from that day on, not this district's.
      values["reason"] = kind == "merged" ? "merged-away" : "moved"
      return (nil, [Diagnostic(code: .placeOtherDistrict, severity: .error, position: here, values: values)])
    }
    values["reason"] = kind
    return (now.code, [Diagnostic(code: .placeMerged, severity: .warning, position: here, values: values)])
  }

  /// `place.type` when the text names the unit type and the register has another.
  private func typeMismatch(_ part: String, name: CommuneName, commune: Commune) -> [Diagnostic] {
    guard let written = name.kind, written != commune.kind else { return [] }
    return [
      Diagnostic(
        code: .placeType, severity: .warning, position: Position(file: ""),
        values: ["value": part, "written": written, "commune": commune.officialName])
    ]
  }

  private func districtName(_ code: DistrictCode) -> String {
    programme.district(code)?.nameInSentence ?? code.rawValue
  }

  /// `Xã Tân Thanh (huyện Sơn Dương)`.
  private func described(_ commune: Commune) -> String {
    "\(commune.officialName) (\(districtName(commune.district)))"
  }

  /// "Xã A, xã B và thị trấn C" → ["Xã A", "xã B", "thị trấn C"]; a trailing district or
  /// province ("…, huyện Lâm Bình", "tỉnh Tuyên Quang") stays a part, recognised above.
  static func parts(of place: String) -> [String] {
    var parts: [String] = []
    for piece in place.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
      // " và " in any case: "Thị trấn Na Hang Và xã Mỹ Bằng".
      var rest = Substring(piece)
      while let range = rest.range(of: " và ", options: .caseInsensitive) {
        parts.append(String(rest[..<range.lowerBound]).nfcTrimmed)
        rest = rest[range.upperBound...]
      }
      parts.append(String(rest).nfcTrimmed)
    }
    return parts.filter { !$0.isEmpty && TextKey($0).words.first != "tinh" }
  }
}

extension DistrictMatcher {
  /// A commune name without its "xã"/"phường"/"thị trấn" prefix.
  static func strippedCommune(_ key: TextKey) -> TextKey {
    key.droppingPrefix(PlaceResolver.communePrefixes)
  }
}
