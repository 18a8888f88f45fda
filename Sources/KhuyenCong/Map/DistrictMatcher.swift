/// Finds the district a text names: a GSO code, a name with or without "huyện"/"thành phố"
/// and diacritics, or one of the programme's aliases.
///
/// "UBND tỉnh Tuyên Quang" names the province, not the city of Tuyên Quang (issue 3).
public struct DistrictMatcher: Sendable {
  private let byKey: [String: DistrictCode]
  /// "huyen lam binh", "thanh pho tuyen quang", …: each name after each kind of unit, longest
  /// names first (folded once here, not once per title line).
  private let mentions: [(key: TextKey, code: DistrictCode)]

  /// Words that may stand before a district's name.
  static let prefixes = ["uy ban nhan dan", "ubnd", "huyen", "thanh pho", "tp", "thi xa", "quan"]

  /// Builds the matcher for `programme`'s districts.
  public init(programme: Programme) {
    var table: [String: DistrictCode] = [:]
    var names: [(TextKey, DistrictCode)] = []
    for district in programme.districts {
      table[district.code.rawValue] = district.code
      for spelling in [district.name, district.officialName] + district.aliases {
        let key = DistrictMatcher.stripped(TextKey(spelling))
        guard !key.isEmpty else { continue }
        if table[key.folded] == nil { table[key.folded] = district.code }
        names.append((key, district.code))
      }
    }
    self.byKey = table
    // Longest names first, so "Yên Sơn" is not found inside a longer name by accident.
    let longestFirst = names.sorted { $0.0.folded.count > $1.0.folded.count }
    self.mentions = longestFirst.flatMap { name, code in
      ["huyen", "thanh pho", "tp", "thi xa"].map { kind in (TextKey(kind + " " + name.folded), code) }
    }
  }

  /// The district a cell value names as a whole ("071", "Lâm Bình", "huyện Lâm Bình",
  /// "UBND huyện Lâm Bình"), or `nil`.
  public func exact(_ text: String) -> DistrictCode? {
    let key = TextKey(text)
    if let code = byKey[key.folded] { return code }
    if key.words.first == "tinh" { return nil }
    let stripped = DistrictMatcher.stripped(key)
    return byKey[stripped.folded]
  }

  /// The district a title line mentions with its kind ("HUYỆN LÂM BÌNH", "UBND thành phố
  /// Tuyên Quang", "Kế hoạch … của huyện Na Hang"), or `nil`. A bare name is not enough
  /// here, and "tỉnh Tuyên Quang" is the province.
  public func mentioned(in text: String) -> DistrictCode? {
    let key = TextKey(text)
    for (mention, code) in mentions where key.contains(words: mention) { return code }
    return nil
  }

  /// The district a place-and-date line starts with ("Lâm Bình, ngày 25 tháng 10 năm 2016"),
  /// unless the name is also the province's (the city writes "Tuyên Quang, ngày …" as the
  /// province does).
  public func placeOfDateLine(_ text: String, provinceName: String) -> DistrictCode? {
    guard let comma = text.firstIndex(of: ",") else { return nil }
    let place = TextKey(text[..<comma])
    guard place != TextKey(provinceName) else { return nil }
    return byKey[DistrictMatcher.stripped(place).folded]
  }

  static func stripped(_ key: TextKey) -> TextKey {
    var current = key
    var changed = true
    while changed {
      let next = current.droppingPrefix(prefixes)
      changed = next != current
      current = next
    }
    return current
  }
}
