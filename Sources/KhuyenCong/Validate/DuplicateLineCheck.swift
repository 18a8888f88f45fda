/// `line.duplicate`: the same line twice in one submission would be counted twice.
///
/// Lines are the same when content, activity, beneficiary, place and every amount agree
/// (text compared case-, diacritic- and spacing-insensitively). The first line of a key is
/// the one with the lowest row; each later one is reported, naming it.
///
/// Lines stream in row order, and each keeps only its 16-byte fingerprint. A line whose
/// amounts wait for the file's number convention comes first as a promise of the amounts it
/// may end with (`expect`), then final at the end: a line that may equal one of its possible
/// keys waits with it (with its row and activity, the only text the report needs) until the
/// end, when both are put back in row order.
struct DuplicateLineCheck: LineCheck {
  /// A line whose first occurrence depends on lines not final yet.
  private struct Waiting {
    var fingerprint: LineFingerprints.Fingerprint
    var source: Position
    var activity: String
  }

  /// The first row of each key among the lines checked as they came.
  private var first = LineFingerprints()
  /// The keys that lines not final yet may end with.
  private var promised: Set<LineFingerprints.Fingerprint> = []
  /// Lines that may be duplicates of lines not final yet, and those lines once final.
  private var waiting: [Waiting] = []
  /// Folds of the short texts (beneficiary, place, content), which repeat from line to line.
  private var folds = Memo<TextBytes, TextKey>()

  /// The fingerprint of the line's key: its content (the code, or the text folded), activity,
  /// beneficiary and place (folded: `TextKey`) and `amounts`, written one after the other as
  /// bytes and hashed once. Each text ends with 0xFF, which UTF-8 never holds, and the five
  /// amounts take eight bytes each, so two keys give the same bytes only when they are equal.
  /// The activity, unique on most lines, is folded straight into the bytes, never kept as a
  /// `String` (issue 7). Equal bytes is what the `String` key's hash gave before: folds are
  /// made of starters and of the marks NFD leaves, in canonical order, so two canonically
  /// equivalent folds are the same bytes.
  private mutating func fingerprint(_ line: PlanLine, amounts: FundTotals) -> LineFingerprints.Fingerprint {
    let content = (line.indicator ?? line.contentArea)?.rawValue ?? fold(line.contentText).folded
    let beneficiary = fold(line.beneficiary ?? "").folded
    let place = fold(line.place ?? "").folded
    let activity = line.activity
    let short = activity.utf8.count > 64 ? nil : fold(activity).folded
    let parts = KeyParts(content: content, beneficiary: beneficiary, place: place, amounts: amounts)
    if let fingerprint = parts.fingerprint(activity: activity, folded: short, scratch: &scratch) {
      return fingerprint
    }
    // A long activity with a scalar `TextFolding` does not table (rare): Foundation folds it.
    // A folded activity is written as it is, into a buffer never empty: there is always a key.
    guard
      let fingerprint = parts.fingerprint(
        activity: activity, folded: TextKey(activity).folded, scratch: &scratch)
    else { preconditionFailure("DuplicateLineCheck: a key with its activity folded was not written") }
    return fingerprint
  }

  /// Where each line's key is written before it is hashed: one buffer for every line (issue 7:
  /// a new array a line was an allocation and a free, 530 instructions).
  private var scratch: [UInt8] = []

  /// A key's bytes as they are written (a struct, not variables captured by nested functions,
  /// whose every write the runtime checked for exclusive access: 85 instructions each).
  private struct KeyBytes {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    /// The end of a text: 0xFF, which UTF-8 never holds.
    mutating func end() {
      base[count] = 0xFF
      count += 1
    }

    mutating func write(_ text: String) {
      var text = text
      text.withUTF8 { utf8 in
        guard let source = utf8.baseAddress else { return }
        (base + count).update(from: source, count: utf8.count)
        count += utf8.count
      }
      end()
    }

    mutating func write(_ amount: Money) {
      UnsafeMutableRawPointer(base + count).storeBytes(of: amount.dong.littleEndian, as: Int64.self)
      count += 8
    }
  }

  /// The parts of a line's key other than its activity.
  private struct KeyParts {
    var content: String
    var beneficiary: String
    var place: String
    var amounts: FundTotals

    /// The fingerprint of the key's bytes with `activity`'s folding: `folded`, or folded here by
    /// `TextFolding` (`nil` when it cannot be), written in `scratch`.
    func fingerprint(activity: String, folded: String?, scratch: inout [UInt8]) -> LineFingerprints
      .Fingerprint?
    {
      let activityRoom = folded?.utf8.count ?? TextFolding.foldCapacity(activity.utf8.count)
      let capacity = content.utf8.count + activityRoom + beneficiary.utf8.count + place.utf8.count + 4 + 5 * 8
      if scratch.count < capacity { scratch = Array(repeating: 0, count: max(capacity, 2 * scratch.count)) }
      return scratch.withUnsafeMutableBufferPointer { buffer -> LineFingerprints.Fingerprint? in
        guard let base = buffer.baseAddress else { return nil }
        var key = KeyBytes(base: base)
        key.write(content)
        if let folded {
          key.write(folded)
        } else if let length = TextFolding.fold(activity, into: base + key.count) {
          key.count += length
          key.end()
        } else {
          return nil
        }
        key.write(beneficiary)
        key.write(place)
        key.write(amounts.total)
        key.write(amounts.national)
        key.write(amounts.local)
        key.write(amounts.counterpart)
        key.write(amounts.other)
        let count = key.count
        return LineFingerprints.fingerprint(bytes: UnsafeBufferPointer(start: base, count: count))
      }
    }
  }

  private mutating func fold(_ text: String) -> TextKey {
    text.utf8.count > 64 ? TextKey(text) : folds.value(for: TextBytes(text)) { TextKey($0.text) }
  }

  mutating func expect(_ line: PlanLine, amounts: [FundTotals]) {
    for possible in amounts {
      promised.insert(fingerprint(line, amounts: possible))
    }
  }

  mutating func check(_ built: BuiltLine, in context: LineContext) -> [Diagnostic] {
    let line = built.line
    let fingerprint = self.fingerprint(line, amounts: line.amounts)
    if case .resolved = built.stage {
      waiting.append(Waiting(fingerprint: fingerprint, source: line.source, activity: line.activity))
      return []
    }
    if !promised.isEmpty && promised.contains(fingerprint) {
      waiting.append(Waiting(fingerprint: fingerprint, source: line.source, activity: line.activity))
      return []
    }
    guard let earlier = first.insert(fingerprint, row: line.source.row ?? 0) else { return [] }
    return [Self.duplicate(line.source, activity: line.activity, of: earlier)]
  }

  func finish(_ mapped: MappedSubmission, in context: LineContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var seen: [LineFingerprints.Fingerprint: Int] = [:]
    for line in waiting.sorted(by: { ($0.source.row ?? 0) < ($1.source.row ?? 0) }) {
      let row = line.source.row ?? 0
      let earlier = [first.row(of: line.fingerprint), seen[line.fingerprint]].compactMap { $0 }
        .filter { $0 < row }.min()
      if let earlier { found.append(Self.duplicate(line.source, activity: line.activity, of: earlier)) }
      if seen[line.fingerprint] == nil { seen[line.fingerprint] = row }
    }
    return found
  }

  private static func duplicate(_ source: Position, activity: String, of row: Int) -> Diagnostic {
    Diagnostic(
      code: .lineDuplicate, severity: .error, position: source,
      values: ["activity": activity, "otherRow": String(row)])
  }
}

/// The lines seen so far, 16 bytes each whatever their text: a 96-bit fingerprint of the
/// line's key and the row of its first occurrence (SPEC §8, memory that does not grow with
/// the text of the lines).
///
/// The fingerprint is 64 bits of a keyed SipHash (`Hasher`, seeded per process) of the key's
/// bytes and 32 bits of the readers' seeded bytes hash (`TextBytes.bytesHash`, a fifth of
/// SipHash's instructions): two different lines share one with a probability of about 2⁻⁹⁶,
/// and a file cannot be crafted to collide because the SipHash key is secret.
struct LineFingerprints {
  struct Fingerprint: Hashable {
    var high: UInt64
    var low: UInt32
  }

  /// An open-addressing table of 16-byte entries, a power of two in size and at most three
  /// quarters full. The fingerprint is already a keyed hash: its bits place it, with no
  /// hashing again (a `Dictionary` ran SipHash on each, about 1 000 instructions a line with
  /// its probing).
  private var entries: [Entry] = []
  private var count = 0

  private struct Entry {
    var fingerprint: Fingerprint
    /// The row + 1; 0 for an empty entry.
    var row: UInt32
  }

  /// The place of `fingerprint` in `entries`, or of the empty entry where it would go.
  private func place(of fingerprint: Fingerprint) -> Int {
    let mask = entries.count - 1
    var index = Int(truncatingIfNeeded: fingerprint.high) & mask
    while entries[index].row != 0 && entries[index].fingerprint != fingerprint {
      index = (index + 1) & mask
    }
    return index
  }

  /// The fingerprint of a key written as `bytes`.
  static func fingerprint(bytes buffer: UnsafeBufferPointer<UInt8>) -> Fingerprint {
    var a = Hasher()
    a.combine(0x6B63_6475_706C_3031 as UInt64)
    a.combine(bytes: UnsafeRawBufferPointer(buffer))
    let b = TextBytes.bytesHash(buffer)
    return Fingerprint(
      high: UInt64(bitPattern: Int64(a.finalize())), low: UInt32(truncatingIfNeeded: b ^ (b >> 32)))
  }

  /// Records `fingerprint` at `row`; returns the row of an earlier line with it, if any.
  mutating func insert(_ fingerprint: Fingerprint, row: Int) -> Int? {
    if 4 * (count + 1) > 3 * entries.count {
      let old = entries
      let empty = Entry(fingerprint: Fingerprint(high: 0, low: 0), row: 0)
      entries = Array(repeating: empty, count: max(1024, 2 * old.count))
      for entry in old where entry.row != 0 { entries[place(of: entry.fingerprint)] = entry }
    }
    let index = place(of: fingerprint)
    if entries[index].row != 0 { return Int(entries[index].row - 1) }
    entries[index] = Entry(fingerprint: fingerprint, row: UInt32(clamping: row + 1))
    count += 1
    return nil
  }

  /// The row recorded with `fingerprint`, if any.
  func row(of fingerprint: Fingerprint) -> Int? {
    guard !entries.isEmpty else { return nil }
    let entry = entries[place(of: fingerprint)]
    return entry.row == 0 ? nil : Int(entry.row - 1)
  }
}
