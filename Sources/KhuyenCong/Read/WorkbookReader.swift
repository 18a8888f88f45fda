/// Reads any supported file: sniffs its format from the first bytes, then hands the stream
/// to the reader of that format (SPEC §3, "Formats").
///
/// The file name's extension is not trusted: districts send `.xls` files that are XML,
/// `.csv` files saved as Unicode text, and `.xlsx` renamed `.xls`.
public enum WorkbookReader {
  /// What the first bytes say a file is.
  public static func sniff(_ prefix: [UInt8]) -> SpreadsheetFormat {
    if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      return .xlsx
    }
    if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .unknown }  // binary .xls (BIFF)
    var bytes = prefix[...]
    var stride = 1
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes = bytes.dropFirst(3)
    } else if bytes.starts(with: [0xFF, 0xFE]) {
      bytes = bytes.dropFirst(2)
      stride = 2
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      bytes = bytes.dropFirst(3)  // skip the BOM and the high byte of the first unit
      stride = 2
    }
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += stride
        continue
      }
      return byte == UInt8(ascii: "<") ? .spreadsheetML : .csv
    }
    return .csv
  }

  /// Reads `source` (named `file`) into `visitor`, whatever its format. `concurrently`: the
  /// reader may use more threads where it has work to give them (xlsx: inflating a large part
  /// ahead of its parser, parsing a large worksheet ahead of its rows); the outcome is the
  /// same either way.
  public static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits = .standard,
    concurrently: Bool = false, into visitor: inout Visitor
  ) -> ReadReport {
    var prefix: [UInt8] = []
    do {
      while prefix.count < 512 {
        let chunk = try source.read(maxCount: 512 - prefix.count)
        if chunk.isEmpty { break }
        prefix += chunk
      }
    } catch {
      return ReadReport(
        format: .unknown,
        diagnostics: [
          Diagnostic(
            code: .fileUnreadable, severity: .error, position: Position(file: file),
            values: ["reason": error.reason])
        ])
    }
    var replay = PrefixedSource(prefix: prefix, base: source)
    switch sniff(prefix) {
    case .xlsx:
      return XLSXReader.read(
        &replay, file: file, limits: limits, concurrently: concurrently, into: &visitor)
    case .spreadsheetML:
      return SpreadsheetMLReader.read(&replay, file: file, limits: limits, into: &visitor)
    case .csv:
      return CSVReader.read(&replay, file: file, limits: limits, into: &visitor)
    case .unknown:
      return ReadReport(
        format: .unknown,
        diagnostics: [
          Diagnostic(
            code: .fileUnreadable, severity: .error, position: Position(file: file),
            values: ["reason": "binary Excel 97-2003 (.xls)"])
        ])
    }
  }
}
