/// Matches each line's place to the commune register in force on 1 January of the plan year
/// (SPEC §2): `place.unknown`, `place.other-district`, `place.merged`.
///
/// A place may name several communes ("Xã Thượng Lâm, xã Khuôn Hà"), the district itself
/// ("huyện Lâm Bình", "toàn huyện") for district-wide activities, or a commune with its
/// district ("Xã Thượng Lâm, huyện Lâm Bình").
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

  /// A resolver for `programme`'s register.
  public init(programme: Programme) {
    self.programme = programme
    self.districts = DistrictMatcher(programme: programme)
  }

  /// Sets `commune` on lines whose place is one commune of the district, and returns the
  /// problems of every place.
  public func resolve(
    _ lines: inout [PlanLine], district: District, year: PlanYear,
    columns: [ColumnKey: Int]
  ) -> [Diagnostic] {
    let day = CivilDate(year: year.rawValue, month: 1, day: 1)
    var byName: [String: [Commune]] = [:]
    for commune in programme.communes {
      byName[DistrictMatcher.strippedCommune(TextKey(commune.name)).folded, default: []].append(commune)
    }
    var found: [Diagnostic] = []
    // A plan names the same few places on many lines: each distinct text is resolved once,
    // its diagnostics moved to each line's cell.
    var resolved: [String: (matched: [CommuneCode], found: [Diagnostic])] = [:]
    for index in lines.indices {
      guard let place = lines[index].place else { continue }
      let at = lines[index].source.at(column: columns[.place])
      if let known = resolved[place] {
        for diagnostic in known.found {
          var moved = diagnostic
          moved.position = at
          found.append(moved)
        }
        if known.matched.count == 1 { lines[index].commune = known.matched[0] }
        continue
      }
      let before = found.count
      var matched: [CommuneCode] = []
      for part in Self.parts(of: place) {
        let key = TextKey(part)
        if key.isEmpty || Self.wholeArea.contains(key.folded) { continue }
        if let code = districts.exact(part), code == district.code { continue }
        let name = DistrictMatcher.strippedCommune(key).folded
        let versions = byName[name] ?? []
        let inForce = versions.filter { $0.isInForce(on: day) }
        if let own = inForce.first(where: { $0.district == district.code }) {
          matched.append(own.code)
        } else if let other = inForce.first {
          found.append(
            Diagnostic(
              code: .placeOtherDistrict, severity: .error, position: at,
              values: [
                "value": part, "commune": other.officialName,
                "district": programme.district(other.district)?.officialName ?? other.district.rawValue,
                "expectedDistrict": district.officialName,
              ]))
        } else if let old = versions.filter({ ($0.validTo.map { $0 < day }) ?? false })
          .max(by: { ($0.validTo ?? day) < ($1.validTo ?? day) })
        {
          let successor =
            old.successor.flatMap { code in
              programme.communes.first { $0.code == code && $0.isInForce(on: day) }
            } ?? programme.communes.first { $0.code == old.code && $0.isInForce(on: day) }
          found.append(
            Diagnostic(
              code: .placeMerged, severity: .warning, position: at,
              values: [
                "value": part, "until": old.validTo?.vietnameseText ?? "",
                "successor": successor?.officialName ?? "", "year": year.description,
              ]))
          if let successor, successor.district == district.code { matched.append(successor.code) }
        } else {
          found.append(
            Diagnostic(
              code: .placeUnknown, severity: .error, position: at,
              values: ["value": part, "district": district.officialName]))
        }
      }
      if matched.count == 1 { lines[index].commune = matched[0] }
      if resolved.count < 4096 { resolved[place] = (matched, Array(found[before...])) }
    }
    return found
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
