extension DiagnosticCode {
  /// The caps of the legal text in force for the plan year are not in the programme
  /// (Thông tư số 28/2018/TT-BTC from 2019): said once per file, no old cap applied (info).
  public static let budgetCapUnknown = Self(rawValue: "budget.cap-unknown")
  /// Caps of the law the form cannot check (no column carries what they need): named once
  /// per file (info).
  public static let budgetUnchecked = Self(rawValue: "budget.unchecked")
  /// The place names a commune with another unit type than the register's ("Phường Hòa Phú"
  /// for Xã Hòa Phú): the commune is recognised (warning).
  public static let placeType = Self(rawValue: "place.type")
  /// A header's second row whose cells sit left of the groups they belong under: the one
  /// fault of the file, said with its fix; the lines are not judged against it (error).
  public static let headerShifted = Self(rawValue: "header.shifted")
}
