/// `line.duplicate`: the same line twice in one submission would be counted twice.
///
/// Lines are the same when content, activity, beneficiary, place and every amount agree
/// (text compared case-, diacritic- and spacing-insensitively).
public struct DuplicateLineCheck: SubmissionCheck {
  /// Creates the check.
  public init() {}

  private struct Key: Hashable {
    var content: String
    var activity: TextKey
    var beneficiary: TextKey
    var place: TextKey
    var amounts: FundTotals
  }

  public func check(_ mapped: MappedSubmission, in context: ValidationContext) -> [Diagnostic] {
    var first = LineFingerprints()
    var found: [Diagnostic] = []
    for line in mapped.submission.lines {
      let key = Key(
        content: (line.indicator ?? line.contentArea)?.rawValue ?? TextKey(line.contentText).folded,
        activity: TextKey(line.activity), beneficiary: TextKey(line.beneficiary ?? ""),
        place: TextKey(line.place ?? ""), amounts: line.amounts)
      if let earlier = first.insert(key, row: line.source.row ?? 0) {
        found.append(
          Diagnostic(
            code: .lineDuplicate, severity: .error, position: line.source,
            values: ["activity": line.activity, "otherRow": String(earlier)]))
      }
    }
    return found
  }
}

/// The lines seen so far, 16 bytes each whatever their text: a 96-bit fingerprint of the
/// line's key and the row of its first occurrence (SPEC §8, memory that does not grow with
/// the text of the lines).
///
/// The fingerprint is two keyed SipHash values (`Hasher`, seeded per process) of the key with
/// different salts: two different lines share one with a probability of about 2⁻⁹⁶, and a
/// file cannot be crafted to collide because the key is secret.
struct LineFingerprints {
  private struct Fingerprint: Hashable {
    var high: UInt64
    var low: UInt32
  }

  private var rows: [Fingerprint: UInt32] = [:]

  /// Records `key` at `row`; returns the row of an earlier line with the same key, if any.
  mutating func insert(_ key: some Hashable, row: Int) -> Int? {
    var a = Hasher()
    a.combine(0x6B63_6475_706C_3031 as UInt64)
    a.combine(key)
    var b = Hasher()
    b.combine(0x6B63_6475_706C_3032 as UInt64)
    b.combine(key)
    let fingerprint = Fingerprint(
      high: UInt64(bitPattern: Int64(a.finalize())), low: UInt32(truncatingIfNeeded: b.finalize()))
    if let earlier = rows[fingerprint] { return Int(earlier) }
    rows[fingerprint] = UInt32(clamping: row)
    return nil
  }
}
