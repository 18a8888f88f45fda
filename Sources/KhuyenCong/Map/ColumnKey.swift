/// The columns a plan table may have: the SPEC's column keys (SPEC §3) plus the meta columns
/// of the flat layout and the row number column.
public enum ColumnKey: String, Hashable, Sendable, CaseIterable, Comparable {
  case rowNumber = "stt"
  case district
  case planYear = "plan_year"
  case submittedOn = "submitted_on"
  case content
  case activity
  case implementer
  case beneficiary
  case place
  case group = "group_project"
  case unit
  case quantity
  case start
  case end
  /// "Thời gian thực hiện" with no sub-columns: start and end in one cell.
  case period
  case total
  case national
  case local
  case counterpart
  case other
  case note

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

  /// How many keys there are (`allCases.count`; a test keeps them equal).
  static let count = 21

  /// The key's place in `allCases`: a row's cells are kept by it (`KeyedCells`).
  var index: Int {
    switch self {
    case .rowNumber: return 0
    case .district: return 1
    case .planYear: return 2
    case .submittedOn: return 3
    case .content: return 4
    case .activity: return 5
    case .implementer: return 6
    case .beneficiary: return 7
    case .place: return 8
    case .group: return 9
    case .unit: return 10
    case .quantity: return 11
    case .start: return 12
    case .end: return 13
    case .period: return 14
    case .total: return 15
    case .national: return 16
    case .local: return 17
    case .counterpart: return 18
    case .other: return 19
    case .note: return 20
    }
  }

  /// Hashed by its place, not by its raw text: the default for a `String` raw value hashes
  /// the text, and keys are looked up for every cell of every line (issue 7).
  public func hash(into hasher: inout Hasher) { hasher.combine(index) }

  /// The money columns, in fund order.
  public static let money: [ColumnKey] = [.total, .national, .local, .counterpart, .other]

  /// Columns without which no line can be read (SPEC §3 "required").
  public static let required: [ColumnKey] = [.content, .activity, .implementer, .total]

  /// Header texts that name this column, folded (see `TextKey`). Vietnamese as districts
  /// write them, the SPEC's English keys, and the common abbreviations.
  var headerAliases: [String] {
    switch self {
    case .rowNumber: return ["stt", "so tt", "tt", "so thu tu", "no", "row"]
    case .district:
      return ["district", "huyen", "huyen thanh pho", "don vi", "don vi gui", "ma huyen"]
    case .planYear: return ["plan year", "nam ke hoach", "nam", "ke hoach nam"]
    case .submittedOn:
      return ["submitted on", "ngay gui", "ngay lap", "ngay", "ngay ky", "ngay trinh"]
    case .content:
      return [
        "noi dung", "ma noi dung", "content", "noi dung ma", "ma chi tieu", "chi tieu",
        "ma", "noi dung khuyen cong", "noi dung hoat dong",
      ]
    case .activity:
      return [
        "ten de an", "ten hoat dong", "ten de an hoat dong", "activity", "de an hoat dong",
        "ten de an nhiem vu", "ten nhiem vu", "de an",
      ]
    case .implementer:
      return ["don vi thuc hien", "implementer", "don vi chu tri", "co quan thuc hien"]
    case .beneficiary:
      return ["don vi thu huong", "co so thu huong", "beneficiary", "doi tuong thu huong"]
    case .place:
      return [
        "dia diem", "xa phuong thi tran", "place", "dia diem thuc hien",
        "dia diem xa phuong thi tran", "dia ban", "dia diem xa",
      ]
    case .group: return ["de an nhom", "group project", "nhom", "group"]
    case .unit: return ["don vi tinh", "dvt", "unit"]
    case .quantity: return ["so luong", "quantity", "khoi luong", "sl"]
    case .start:
      return ["thoi gian bat dau", "bat dau", "start", "tu thang", "tu", "thoi gian thuc hien bat dau"]
    case .end:
      return ["thoi gian ket thuc", "ket thuc", "end", "den thang", "den", "thoi gian thuc hien ket thuc"]
    case .period: return ["thoi gian thuc hien", "thoi gian", "tien do thuc hien", "tien do"]
    case .total:
      return [
        "tong kinh phi", "tong", "total", "kinh phi tong", "tong cong", "kinh phi tong so",
        "tong so", "kinh phi", "tong du toan",
      ]
    case .national:
      return [
        "kcqg", "khuyen cong quoc gia", "national", "kinh phi kcqg", "kinh phi khuyen cong quoc gia",
        "ngan sach trung uong",
      ]
    case .local:
      return [
        "kcdp", "khuyen cong dia phuong", "local", "kinh phi kcdp", "kinh phi khuyen cong dia phuong",
        "ngan sach dia phuong",
      ]
    case .counterpart:
      return ["doi ung", "von doi ung", "counterpart", "kinh phi doi ung", "co so doi ung"]
    case .other: return ["nguon khac", "other", "kinh phi khac", "huy dong khac", "von khac"]
    case .note: return ["ghi chu", "note", "notes"]
    }
  }

  /// The column whose header is `key`, if any.
  static func matching(_ key: TextKey) -> ColumnKey? {
    guard !key.isEmpty else { return nil }
    return lookup[key.folded]
  }

  private static let lookup: [String: ColumnKey] = {
    var table: [String: ColumnKey] = [:]
    for column in ColumnKey.allCases {
      for alias in column.headerAliases where table[alias] == nil { table[alias] = column }
    }
    return table
  }()
}
