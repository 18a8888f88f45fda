/// Reads the programme's commune register: every version of every commune (SPEC §2).
///
/// A code may appear in several versions (renamed, moved to another district), so the
/// checks are on versions: `(code, validFrom)` is unique and two versions of one code are
/// never in force on the same day, or a place would match two units.
struct CommuneRegisterDecoder {
  let file: String

  /// The kinds of commune-level unit.
  static let kinds = ["xã", "phường", "thị trấn"]

  func communes(_ top: JSONObjectReader, districts: [District]) throws(ProgrammeError) -> [Commune] {
    let shared = ProgrammeDecoder(file: file)
    var communes: [Commune] = []
    var lines: [Int] = []
    var successorNodes: [(offset: Int, node: JSONNode)] = []
    for (offset, node) in try top.array("communes").enumerated() {
      let object = try JSONObjectReader(
        node, path: "communes[\(offset)]", file: file,
        allowed: [
          "code", "name", "kind", "district", "validFrom", "validTo", "successor",
        ])
      let code = CommuneCode(rawValue: try shared.digits(object, "code"))
      let kindNode = try object.required("kind")
      let kind = try object.stringValue(kindNode, path: object.path("kind"))
      guard Self.kinds.contains(kind) else {
        throw object.failure(
          kindNode.line,
          "\(object.path("kind")) must be one of "
            + Self.kinds.map { "\"\($0)\"" }.joined(separator: ", ") + ", found \"\(kind)\"")
      }
      let validFrom = try object.optionalDate("validFrom")
      let validTo = try object.optionalDate("validTo")
      if let from = validFrom, let to = validTo, to < from {
        throw object.failure(
          object.optional("validTo")?.line ?? node.line,
          "\(object.path("validTo")) \(to) is before \(object.path("validFrom")) \(from)")
      }
      var successor: CommuneCode?
      if let successorNode = object.optional("successor") {
        successor = CommuneCode(rawValue: try shared.digits(object, "successor"))
        successorNodes.append((offset, successorNode))
      }
      let commune = Commune(
        code: code, name: try object.text("name"), kind: kind,
        district: try shared.districtReference(object, "district", districts: districts),
        validFrom: validFrom, validTo: validTo, successor: successor)
      // Versions of one code must not overlap in time.
      for (index, other) in communes.enumerated() where other.code == code {
        if overlaps(other, commune) {
          throw object.failure(
            node.line,
            "communes[\(offset)]: commune \(code) has two versions in force at the same time (the other is on line \(lines[index]))"
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
