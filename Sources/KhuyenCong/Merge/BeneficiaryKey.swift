import Foundation

/// A beneficiary's name folded for comparison across districts (`cross.duplicate`).
///
/// NFC, then case-, diacritic- and spacing-insensitive: "Cơ sở  Mộc Hùng Cường" and
/// "co so moc hung cuong" are the same beneficiary. `đ` folds to `d` by hand because it is a
/// letter of its own in Unicode, not `d` with a combining mark.
struct BeneficiaryKey: Hashable, Sendable {
  let folded: String

  /// The key of `name`, or `nil` when nothing but spaces is left.
  init?(_ name: String) {
    let decomposed = name.precomposedStringWithCanonicalMapping.decomposedStringWithCanonicalMapping
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in decomposed.lowercased().unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if scalar.properties.isWhitespace {
        pendingSpace = !scalars.isEmpty
        continue
      }
      if pendingSpace {
        scalars.append(" ")
        pendingSpace = false
      }
      scalars.append(scalar == "đ" ? "d" : scalar)
    }
    guard !scalars.isEmpty else { return nil }
    folded = String(scalars)
  }
}
