/// The relationships of one part (`xl/_rels/workbook.xml.rels`): id → target part.
struct XLSXRelationships {
  /// One `<Relationship>`.
  struct Relationship: Hashable {
    var id: String
    /// The type URI; compared by its last segment (`…/worksheet`), which Transitional and
    /// Strict share.
    var type: String
    /// The target as a part name inside the package (`xl/worksheets/sheet1.xml`).
    var target: String
    /// `TargetMode="External"`: a URL outside the package, never opened.
    var isExternal: Bool
  }

  /// In document order.
  private(set) var all: [Relationship] = []

  /// The relationship with this id.
  subscript(id: String) -> Relationship? { all.first { $0.id == id } }

  /// The first internal relationship whose type ends in `/kind` (`styles`, `sharedStrings`).
  func first(kind: String) -> Relationship? {
    all.first { !$0.isExternal && $0.type.hasSuffix("/" + kind) }
  }

  /// The relationships part of `source` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`;
  /// the package itself, `""` → `_rels/.rels`).
  static func partName(for source: String) -> String {
    let (directory, file) = split(source)
    return directory + "_rels/" + file + ".rels"
  }

  /// Parses the relationships of `source` streamed by `stream`, resolving targets against it.
  static func parse(_ stream: XLSXPartStream, part: String, source: String, file: String)
    throws(XLSXFailure) -> XLSXRelationships
  {
    struct Names {
      var relationship: XLSXName
      var id: XLSXName
      var type: XLSXName
      var target: XLSXName
      var targetMode: XLSXName
      var result = XLSXRelationships()
    }
    let state = try XLSXPartParser.parse(
      stream, part: part, file: file,
      setUp: { reader in
        Names(
          relationship: XLSXName(packageRelationships: "Relationship", in: reader),
          id: XLSXName(plain: "Id", in: reader), type: XLSXName(plain: "Type", in: reader),
          target: XLSXName(plain: "Target", in: reader),
          targetMode: XLSXName(plain: "TargetMode", in: reader))
      },
      visit: { reader, names in
        guard reader.kind == .elementStart, names.relationship.matches(reader),
          let id = names.id.attribute(in: reader), let target = names.target.attribute(in: reader)
        else { return }
        let external = names.targetMode.attribute(in: reader) == "External"
        names.result.all.append(
          Relationship(
            id: id, type: names.type.attribute(in: reader) ?? "",
            target: external ? target : resolve(target, from: source), isExternal: external))
      })
    return state.result
  }

  /// Resolves a relative target (`worksheets/sheet1.xml`, `../media/x.png`) against the
  /// folder of `source`; an absolute one (`/xl/worksheets/sheet1.xml`) against the root.
  static func resolve(_ target: String, from source: String) -> String {
    let base = target.hasPrefix("/") ? "" : split(source).directory
    var segments: [Substring] = []
    for segment in (base + target).split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  /// `xl/workbook.xml` → (`xl/`, `workbook.xml`).
  private static func split(_ part: String) -> (directory: String, file: String) {
    guard let slash = part.lastIndex(of: "/") else { return ("", part) }
    return (String(part[...slash]), String(part[part.index(after: slash)...]))
  }
}
