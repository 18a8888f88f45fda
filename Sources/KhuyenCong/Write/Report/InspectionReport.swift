import Foundation

/// What `khuyencong inspect` prints about a file (SPEC §6): what was detected, how the plan
/// table was found, then each sheet's cells as CSV with the row number first.
public enum InspectionReport {
  /// The detection summary followed by `cells` (already rendered by `csvLine`).
  public static func text(report: ReadReport, mapped: MappedSubmission, cells: String) -> String {
    var out = "format: \(report.format.rawValue)\n"
    if let encoding = report.encoding { out += "encoding: \(encoding)\n" }
    if let delimiter = report.delimiter {
      out += "delimiter: " + (delimiter == "\t" ? "tab" : "'\(delimiter)'") + "\n"
    }
    out += "sheets: \(report.sheets.count)\n"
    for sheet in report.sheets {
      out +=
        "  - \(sheet.name): \(sheet.rowCount) rows with values, last row \(sheet.lastRow), last column "
        + ColumnName.letters(sheet.lastColumn) + (sheet.hidden ? ", hidden" : "") + "\n"
      if !sheet.merges.isEmpty { out += "    merges: " + sheet.merges.joined(separator: " ") + "\n" }
    }
    let submission = mapped.submission
    if let sheet = submission.sheet {
      out += "plan sheet: \(sheet)\n"
      out += "layout: \(submission.layout?.rawValue ?? "?")\n"
      let headerColumns = mapped.columns.sorted { $0.value < $1.value }
        .map { ColumnName.letters($0.value) + "=" + $0.key.rawValue }
      out += "columns: " + headerColumns.joined(separator: " ") + "\n"
      out += "money unit: \(submission.moneyUnit.vietnameseName)\n"
      if let convention = mapped.numberConvention { out += "number convention: \(convention.rawValue)\n" }
      out +=
        "district: \(submission.district?.rawValue ?? "?")  plan year: \(submission.planYear?.description ?? "?")"
        + "  dated: \(submission.submittedOn?.isoText ?? "?")"
        + (submission.documentNumber.map { "  number: \($0)" } ?? "") + "\n"
      out += "lines: \(submission.lines.count)  total rows: \(mapped.declaredTotals.count)\n"
    } else {
      out += "plan sheet: none found\n"
    }
    for diagnostic in report.diagnostics {
      out += "read problem: \(diagnostic.located) \(MessageCatalog.message(diagnostic, in: .en))\n"
    }
    return out + cells
  }

  /// `12,"text","1.5"`: the row number, then every column up to the row's last, quoted
  /// where CSV needs it; dates ISO, booleans TRUE/FALSE, numbers as their literal.
  public static func csvLine(_ row: SheetRow) -> String {
    var fields = [String(row.number)]
    var column = 1
    for cell in row.cells {
      while column < cell.column {
        fields.append("")
        column += 1
      }
      fields.append(quoted(cell.value.displayText))
      column += 1
    }
    return fields.joined(separator: ",") + "\n"
  }

  /// Quoted when it holds a comma, quote, CR or LF byte, every quote doubled (RFC 4180), by
  /// bytes as a CSV reader reads them. (By `Character`, as this was, a CR LF pair or a comma
  /// that a combining mark follows is none of those: such a cell was printed unquoted and broke
  /// the line into two rows, or into more columns.)
  static func quoted(_ text: String) -> String { CSVField.quoted(text) }
}
