/// Reads the programme's commune register: every version of every commune (SPEC §2).
///
/// Each version decodes itself (`Commune: Decodable`); a code may appear in several versions
/// (renamed, moved to another district), so the checks here are on versions: two versions of
/// one code are never in force on the same day, or a place would match two units, and a
/// successor is a commune of the register.
struct CommuneRegisterDecoder {
  let file: String

  func communes(_ top: ProgrammeDecoder.TopLevel, context: DecodingContext) throws(ProgrammeError)
    -> [Commune]
  {
    var communes: [Commune] = []
    var lines: [Int] = []
    var successorNodes: [(offset: Int, node: JSONNode)] = []
    for (offset, node) in try top.array(.communes).enumerated() {
      let commune = try JSONNodeDecoder.decode(
        Commune.self, from: node, path: [NameKey("communes"), IndexKey(offset)], file: file, context: context)
      if commune.successor != nil, let successorNode = ContentAreaDecoder.member("successor", of: node) {
        successorNodes.append((offset, successorNode))
      }
      // Versions of one code must not overlap in time.
      for (index, other) in communes.enumerated() where other.code == commune.code {
        if overlaps(other, commune) {
          throw top.failure(
            node.line,
            "communes[\(offset)]: commune \(commune.code) has two versions in force at the same time (the other is on line \(lines[index]))"
          )
        }
      }
      communes.append(commune)
      lines.append(node.line)
    }
    let codes = Set(communes.map(\.code))
    for (offset, node) in successorNodes {
      guard let successor = communes[offset].successor, codes.contains(successor) else {
        throw top.failure(
          node.line,
          "communes[\(offset)].successor \"\(communes[offset].successor?.rawValue ?? "")\" is not a commune of the register"
        )
      }
    }
    return communes
  }

  /// Whether two versions share at least one day of validity (open ends are unbounded).
  private func overlaps(_ a: Commune, _ b: Commune) -> Bool {
    let aStartsBeforeBEnds = a.validFrom.flatMap { from in b.validTo.map { from <= $0 } } ?? true
    let bStartsBeforeAEnds = b.validFrom.flatMap { from in a.validTo.map { from <= $0 } } ?? true
    return aStartsBeforeBEnds && bStartsBeforeAEnds
  }
}
