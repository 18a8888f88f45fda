import KhuyenCongXML

/// The SpreadsheetML elements a session acts on.
enum SpreadsheetMLElement {
  case workbook, worksheet, table, row, cell, data, worksheetOptions, visible
  /// Any other element (or one of these in another namespace).
  case other
}

/// What `SpreadsheetMLSession` asks of the node it is on: the same questions whether the
/// document comes through `XMLPullReader` (`PulledNode`) or through SAX call backs
/// (`ScannedNode`), so both ways read a document alike.
protocol SpreadsheetMLNode {
  /// Which element a start tag is.
  var element: SpreadsheetMLElement { get }
  /// A `Worksheet`'s `ss:Name`, else its plain `Name`, as written.
  func sheetName() -> String?
  /// A `Row`'s `ss:Index` (else plain `Index`) and `ss:Span`: `nil` when absent, `.some(nil)`
  /// when not a non-negative integer (`XMLPullReader.nonNegativeInteger`).
  func rowPlacement() -> (index: Int??, span: Int?)
  /// A `Cell`'s `Index`, `MergeAcross` and `MergeDown`, read as `rowPlacement` reads.
  func cellPlacement() -> (index: Int??, across: Int??, down: Int??)
  /// A `Data` element's `ss:Type`.
  func dataType() -> String?
  /// The line the parser is on, for a diagnostic.
  var line: Int { get }
  /// The encoding the XML declaration names (asked at the root element).
  var declaredEncoding: String? { get }
  /// `{namespace}local` of the element, for a message.
  var qualifiedName: String { get }
}

/// The node `XMLPullReader` is on.
struct PulledNode: SpreadsheetMLNode {
  let reader: XMLPullReader
  let names: SpreadsheetMLNames

  var element: SpreadsheetMLElement {
    let name = reader.name
    if name == names.row { return .row }
    if name == names.cell { return .cell }
    if name == names.data { return .data }
    if name == names.table { return .table }
    if name == names.worksheet { return .worksheet }
    if name == names.workbook { return .workbook }
    if name == names.worksheetOptions { return .worksheetOptions }
    if name == names.visible { return .visible }
    return .other
  }

  func sheetName() -> String? { reader.attribute(names.name) ?? reader.attribute(names.plainName) }

  func rowPlacement() -> (index: Int??, span: Int?) {
    let index = reader.attributeInt(names.index) ?? reader.attributeInt(names.plainIndex)
    return (index, reader.attributeInt(names.span) ?? nil)
  }

  func cellPlacement() -> (index: Int??, across: Int??, down: Int??) {
    var index: Int??
    var plainIndex: Int??
    var across: Int??
    var down: Int??
    reader.forEachAttribute {
      if reader.hasName(names.index) {
        index = reader.withValue(XMLPullReader.nonNegativeInteger)
      } else if reader.hasName(names.plainIndex) {
        plainIndex = reader.withValue(XMLPullReader.nonNegativeInteger)
      } else if reader.hasName(names.mergeAcross) {
        across = reader.withValue(XMLPullReader.nonNegativeInteger)
      } else if reader.hasName(names.mergeDown) {
        down = reader.withValue(XMLPullReader.nonNegativeInteger)
      }
      return true
    }
    return (index ?? plainIndex, across, down)
  }

  func dataType() -> String? { reader.attribute(names.type) }

  var line: Int { reader.line }

  var declaredEncoding: String? { reader.declaredEncoding }

  var qualifiedName: String { "{\(reader.namespaceURI ?? "")}\(reader.localName)" }
}

/// The two namespace URIs of SpreadsheetML as one SAX scan hands them over: the parser gives
/// every use of a URI as the same pointer, so each is compared by its bytes once and by
/// identity after.
final class SpreadsheetMLNamespaces {
  // Passed `inout` once per name asked: unchecked, or the run-time exclusivity check costs
  // more than the comparison (nothing here re-enters).
  @exclusivity(unchecked) private var spreadsheet: UnsafeRawPointer?
  @exclusivity(unchecked) private var excel: UnsafeRawPointer?

  /// Whether `handle` is the spreadsheet namespace; `spelled` compares its bytes.
  func isSpreadsheet(_ handle: UnsafeRawPointer?, spelled: () -> Bool) -> Bool {
    Self.matches(handle, known: &spreadsheet, spelled: spelled)
  }

  /// Whether `handle` is the excel namespace; `spelled` compares its bytes.
  func isExcel(_ handle: UnsafeRawPointer?, spelled: () -> Bool) -> Bool {
    Self.matches(handle, known: &excel, spelled: spelled)
  }

  private static func matches(
    _ handle: UnsafeRawPointer?, known: inout UnsafeRawPointer?, spelled: () -> Bool
  ) -> Bool {
    guard let handle else { return false }
    if handle == known { return true }
    guard spelled() else { return false }
    known = handle
    return true
  }
}

/// The start or end tag an `XMLStartTagScanner` call back is on.
struct ScannedNode: SpreadsheetMLNode {
  let tag: XMLStartTag
  // Both outlive every node (`SpreadsheetMLScan` holds them); counting references to them
  // node after node cost more than the rest of the node.
  unowned(unsafe) let scanner: XMLStartTagScanner
  unowned(unsafe) let namespaces: SpreadsheetMLNamespaces

  private static let spreadsheetURI: StaticString = "urn:schemas-microsoft-com:office:spreadsheet"
  private static let excelURI: StaticString = "urn:schemas-microsoft-com:office:excel"

  var element: SpreadsheetMLElement {
    let candidate: SpreadsheetMLElement = tag.withLocalName { name in
      switch (name.count, name.first) {
      case (3, UInt8(ascii: "R")): return tag.hasLocalName("Row") ? .row : .other
      case (4, UInt8(ascii: "C")): return tag.hasLocalName("Cell") ? .cell : .other
      case (4, UInt8(ascii: "D")): return tag.hasLocalName("Data") ? .data : .other
      case (5, UInt8(ascii: "T")): return tag.hasLocalName("Table") ? .table : .other
      case (9, UInt8(ascii: "W")): return tag.hasLocalName("Worksheet") ? .worksheet : .other
      case (8, UInt8(ascii: "W")): return tag.hasLocalName("Workbook") ? .workbook : .other
      case (16, UInt8(ascii: "W")):
        return tag.hasLocalName("WorksheetOptions") ? .worksheetOptions : .other
      case (7, UInt8(ascii: "V")): return tag.hasLocalName("Visible") ? .visible : .other
      default: return .other
      }
    }
    switch candidate {
    case .other: return .other
    case .worksheetOptions, .visible:
      let excel = namespaces.isExcel(tag.namespaceHandle) { tag.isInNamespace(Self.excelURI) }
      return excel ? candidate : .other
    default:
      let spreadsheet = namespaces.isSpreadsheet(tag.namespaceHandle) {
        tag.isInNamespace(Self.spreadsheetURI)
      }
      return spreadsheet ? candidate : .other
    }
  }

  /// `ss:` attributes (the spreadsheet namespace) and plain ones; others are not asked for.
  private enum Scope { case spreadsheet, plain, other }

  private func scope(_ attribute: XMLStartTagAttribute) -> Scope {
    guard let handle = attribute.namespaceHandle else { return .plain }
    let spreadsheet = namespaces.isSpreadsheet(handle) {
      attribute.isInNamespace(Self.spreadsheetURI)
    }
    return spreadsheet ? .spreadsheet : .other
  }

  private static func integer(_ attribute: XMLStartTagAttribute) -> Int? {
    XMLPullReader.nonNegativeInteger(attribute.value)
  }

  func sheetName() -> String? {
    var name: String?
    var plain: String?
    tag.forEachAttribute { attribute in
      guard attribute.hasLocalName("Name") else { return }
      switch scope(attribute) {
      case .spreadsheet: name = attribute.decodedText
      case .plain: plain = attribute.decodedText
      case .other: break
      }
    }
    return name ?? plain
  }

  /// `ss:Index` (else plain `Index`), `ss:Span`, `ss:MergeAcross` and `ss:MergeDown`, in one
  /// walk over the attributes.
  private func placement() -> (index: Int??, span: Int??, across: Int??, down: Int??) {
    var index: Int??
    var plainIndex: Int??
    var span: Int??
    var across: Int??
    var down: Int??
    tag.forEachAttribute { attribute in
      if attribute.hasLocalName("Index") {
        switch scope(attribute) {
        case .spreadsheet: index = .some(Self.integer(attribute))
        case .plain: plainIndex = .some(Self.integer(attribute))
        case .other: break
        }
      } else if scope(attribute) == .spreadsheet {
        if attribute.hasLocalName("Span") {
          span = .some(Self.integer(attribute))
        } else if attribute.hasLocalName("MergeAcross") {
          across = .some(Self.integer(attribute))
        } else if attribute.hasLocalName("MergeDown") {
          down = .some(Self.integer(attribute))
        }
      }
    }
    return (index ?? plainIndex, span, across, down)
  }

  func rowPlacement() -> (index: Int??, span: Int?) {
    let placement = placement()
    return (placement.index, placement.span ?? nil)
  }

  func cellPlacement() -> (index: Int??, across: Int??, down: Int??) {
    let placement = placement()
    return (placement.index, placement.across, placement.down)
  }

  func dataType() -> String? {
    var type: String?
    tag.forEachAttribute { attribute in
      if attribute.hasLocalName("Type"), scope(attribute) == .spreadsheet {
        type = Self.knownType(attribute.value) ?? attribute.decodedText
      }
    }
    return type
  }

  /// The types SpreadsheetML writes, each made once (a `String` for every `Data` was 5 % of
  /// a SAX read).
  private static let knownTypes = ["String", "Number", "DateTime", "Boolean", "Error"].map {
    (bytes: Array($0.utf8), text: $0)
  }

  private static func knownType(_ value: UnsafeBufferPointer<UInt8>) -> String? {
    knownTypes.first { $0.bytes.elementsEqual(value) }?.text
  }

  var line: Int { scanner.line }

  var declaredEncoding: String? { scanner.declaredEncoding }

  var qualifiedName: String {
    let (local, namespace) = tag.qualifiedNameText
    return "{\(namespace ?? "")}\(local)"
  }
}
