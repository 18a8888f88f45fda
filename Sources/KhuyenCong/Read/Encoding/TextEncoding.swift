/// The text encodings a CSV submission may arrive in (SPEC §3), as detected from its bytes.
enum TextEncoding: Hashable, Sendable {
  /// UTF-8; `bom` when the file starts with EF BB BF (Excel's "CSV UTF-8").
  case utf8(bom: Bool)
  /// UTF-16 little-endian with a BOM (Excel's "Unicode text", tab-delimited).
  case utf16LittleEndian
  /// UTF-16 big-endian with a BOM.
  case utf16BigEndian
  /// Windows code page 1258 (Excel's "CSV" on Vietnamese Windows).
  case windows1258
  /// Legacy TCVN3 ("ABC") text: converted, and said so in an `info` diagnostic.
  case tcvn3

  /// The name `ReadReport.encoding` and `inspect` show (`UTF-8 (BOM)`, `Windows-1258`, …).
  var reportName: String {
    switch self {
    case .utf8(let bom): return bom ? "UTF-8 (BOM)" : "UTF-8"
    case .utf16LittleEndian: return "UTF-16LE (BOM)"
    case .utf16BigEndian: return "UTF-16BE (BOM)"
    case .windows1258: return "Windows-1258"
    case .tcvn3: return "TCVN3"
    }
  }

  /// How many bytes of byte-order mark precede the text.
  var bomLength: Int {
    switch self {
    case .utf8(let bom): return bom ? 3 : 0
    case .utf16LittleEndian, .utf16BigEndian: return 2
    case .windows1258, .tcvn3: return 0
    }
  }
}
