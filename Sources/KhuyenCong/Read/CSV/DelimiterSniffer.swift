/// Chooses a CSV file's delimiter among `,` `;` and tab (SPEC §3).
///
/// Counts each candidate outside quotes in every one of the first records. The delimiter is
/// the candidate whose most frequent non-zero count is shared by the most records: Excel
/// writes every row of a sheet with the same number of delimiters, even the title rows of the
/// form layout (`Số: 215/KH-UBND;;;;`), while a comma inside a Vietnamese number
/// (`1.234,5`) or a place (`Lâm Bình, ngày 25…`) comes and goes.
enum DelimiterSniffer {
  /// Candidates in order of preference when the evidence ties.
  static func candidates(for encoding: TextEncoding) -> [Unicode.Scalar] {
    switch encoding {
    // Excel's "Unicode text" is always tab-delimited.
    case .utf16LittleEndian, .utf16BigEndian: return ["\t", ",", ";"]
    // Excel on Vietnamese Windows uses the list separator of the region settings.
    case .windows1258, .tcvn3: return [";", ",", "\t"]
    case .utf8: return [",", ";", "\t"]
    }
  }

  /// The delimiter of the text that starts with `units`, looking at up to `maxRecords` records.
  static func sniff(
    _ units: [DecodedUnit], encoding: TextEncoding, maxRecords: Int = 50
  ) -> Unicode.Scalar {
    let options = candidates(for: encoding)
    var countsPerRecord: [[Int]] = []
    var current = [Int](repeating: 0, count: options.count)
    var inQuotes = false
    var previousWasCR = false
    for unit in units {
      guard countsPerRecord.count < maxRecords else { break }
      guard case .scalar(let scalar) = unit else { continue }
      defer { previousWasCR = scalar == "\r" }
      if scalar == "\"" {
        inQuotes.toggle()  // a doubled quote toggles twice: still inside
        continue
      }
      guard !inQuotes else { continue }
      if scalar == "\n" && previousWasCR { continue }
      if scalar == "\n" || scalar == "\r" {
        if current.contains(where: { $0 > 0 }) { countsPerRecord.append(current) }
        current = [Int](repeating: 0, count: options.count)
      } else if let index = options.firstIndex(of: scalar) {
        current[index] += 1
      }
    }
    if current.contains(where: { $0 > 0 }) && countsPerRecord.count < maxRecords {
      countsPerRecord.append(current)
    }
    var best = options[0]
    var bestScore = (records: 0, count: 0)
    for (index, option) in options.enumerated() {
      var frequency: [Int: Int] = [:]
      for counts in countsPerRecord where counts[index] > 0 {
        frequency[counts[index], default: 0] += 1
      }
      // The most frequent count; ties go to the larger count, so the choice is deterministic.
      guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
        continue
      }
      if (mode.value, mode.key) > (bestScore.records, bestScore.count) {
        best = option
        bestScore = (mode.value, mode.key)
      }
    }
    return best
  }
}
