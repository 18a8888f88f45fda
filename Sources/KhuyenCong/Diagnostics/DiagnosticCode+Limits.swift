extension DiagnosticCode {
  /// A reading budget was reached (cell text delivered, cells, rows, attributes per element,
  /// shared strings): names the limit and its value; the file is refused (SPEC §4).
  public static let fileLimit = Self(rawValue: "file.limit")
  /// A report keeps at most so many diagnostics of a file: this one counts those left out
  /// (info, SPEC §4).
  public static let reportTruncated = Self(rawValue: "report.truncated")
}
