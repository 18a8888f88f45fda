/// Which number formats show a number as a date or time (ECMA-376 Part 1, §18.8.30).
///
/// An xlsx cell stores a date as a plain serial number; only its style's number format says
/// it is a date. Excel, LibreOffice and Gnumeric decide the same way: a built-in date id, or
/// a format code with a date or time letter outside quoted text, `[…]` and escapes.
enum XLSXNumberFormat {
  /// The built-in ids that are dates or times: 14–22 (`m/d/yyyy` … `m/d/yyyy h:mm`) and
  /// 45–47 (`mm:ss`, `[h]:mm:ss`, `mm:ss.0`). The East Asian ids 27–36 and 50–58 depend on
  /// the reader's locale and are not counted (no Vietnamese-locale Excel writes them).
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id)
  }

  /// Whether `code` formats a number as a date or time: `dd/mm/yyyy`, `[$-42A]d mmmm yyyy`,
  /// `h:mm` are; `#,##0 "đ"`, `"TRUE";"TRUE";"FALSE"`, `[Red]0.00`, `General` are not.
  static func isDate(code: String) -> Bool {
    var inQuotes = false
    var inBrackets = false
    var escaped = false
    var skipNext = false
    for scalar in code.unicodeScalars {
      if skipNext {
        skipNext = false
        continue
      }
      if escaped {
        escaped = false
        continue
      }
      if inQuotes {
        if scalar == "\"" { inQuotes = false }
        continue
      }
      if inBrackets {
        if scalar == "]" { inBrackets = false }
        continue
      }
      switch scalar {
      case "\"": inQuotes = true
      case "[": inBrackets = true
      case "\\": escaped = true
      // `_x` leaves the width of x blank and `*x` repeats x: x is never a code letter.
      case "_", "*": skipNext = true
      case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S": return true
      default: continue
      }
    }
    return false
  }
}
