import Foundation
import Testing
@testable import KhuyenCong

/// Small flat-layout plans written in the test, checked against the embedded programme:
/// for the rules of Decision 69 and the law, one behaviour per test.
enum DecisionPlans {
  static let header =
    "district,plan_year,submitted_on,content,activity,implementer,beneficiary,place,group_project,unit,quantity,start,end,total,national,local,counterpart,other,note"

  /// One flat row: `content | unit | quantity | total national local counterpart` for `district`.
  static func row(
    _ content: String, _ unit: String, _ quantity: String, total: String, national: String = "0",
    local: String = "0", counterpart: String? = nil, district: String = "Lâm Bình", year: Int = 2017,
    date: String = "25/10/2016", place: String = "Xã Thượng Lâm", activity: String = "Hoạt động",
    beneficiary: String = "HTX Thượng Lâm", note: String = ""
  ) -> String {
    let rest =
      counterpart
      ?? String(
        (Int(total) ?? 0) - (Int(national) ?? 0) - (Int(local) ?? 0))
    return [
      district, String(year), date, content, activity, "Trung tâm Khuyến công", beneficiary, place, "",
      unit, quantity, "03/\(year)", "10/\(year)", total, national, local, rest, "0", note,
    ].map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
  }

  /// Validates the plan made of `rows` (named `file`).
  static func validate(
    _ rows: [String], file: String = "plan.csv", programme: Programme = Programme.embeddedDefault()
  ) -> SubmissionResult {
    let text = ([header] + rows).joined(separator: "\n") + "\n"
    var source = MemorySource(Array(text.utf8))
    return SubmissionValidator.validate(&source, named: file, against: programme).result
  }
}

extension SubmissionResult {
  /// The diagnostics with `code`.
  func with(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}
