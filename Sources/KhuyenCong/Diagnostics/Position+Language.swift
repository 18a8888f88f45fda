extension Position {
  /// `cellReference` as a reader of `language` reads it: the line of a text file is
  /// "dòng 40" in Vietnamese, "line 40" in English.
  public func cellReference(in language: Language) -> String {
    guard language == .vi, let line else { return cellReference }
    var cell = self
    cell.line = nil
    let base = cell.cellReference
    return base + (base.isEmpty ? "" : " ") + "dòng \(line)"
  }
}
