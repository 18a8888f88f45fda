// TEMPORARY until the xlsx branch lands (removed at merge).
enum XLSXReader {
  static func read<Source: ByteSource, Visitor: WorkbookVisitor>(
    _ source: inout Source, file: String, limits: ReadLimits = .standard,
    into visitor: inout Visitor
  ) -> ReadReport {
    ReadReport(format: .xlsx, diagnostics: [Diagnostic(code: .fileUnreadable, severity: .error,
      position: Position(file: file), values: ["reason": "xlsx pending"])])
  }
}
