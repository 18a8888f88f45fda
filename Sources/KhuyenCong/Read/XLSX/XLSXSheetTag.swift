import KhuyenCongXML

/// A start tag of the rows pass (`XLSXSheetReader.start`), from whichever parser read it.
protocol SheetTag {
  var element: XLSXSheetReader.Element { get }
  var isEmptyElement: Bool { get }
  /// The attribute's text, `nil` when absent.
  func text(_ attribute: XLSXSheetReader.Attribute) -> String?
  /// The attribute as a non-negative integer: `nil` when absent, `.some(nil)` when not one.
  func integer(_ attribute: XLSXSheetReader.Attribute) -> Int??
  /// The cell reference `r`: `nil` when absent, `.some(nil)` when not one.
  func reference() -> (row: Int?, column: Int)??
}

/// The pull reader's current element.
struct PulledTag: SheetTag {
  let reader: XMLPullReader
  let names: XLSXSheetReader.Names

  var element: XLSXSheetReader.Element { names.element(reader) }
  var isEmptyElement: Bool { reader.isEmptyElement }
  func text(_ attribute: XLSXSheetReader.Attribute) -> String? {
    names.name(attribute).attribute(in: reader)
  }
  func integer(_ attribute: XLSXSheetReader.Attribute) -> Int?? {
    names.name(attribute).attributeInt(in: reader)
  }
  func reference() -> (row: Int?, column: Int)?? {
    text(.r).map { XLSXCellReference.parse($0) }
  }
}

/// A start tag from the SAX parser, read as the pull reader reads it: the same names (main
/// namespace, Transitional or Strict; attributes without a prefix) and the same values.
///
/// It holds what the rows pass asks of a tag: its element, whether it is empty, and for a row
/// or a cell the bytes of `r`, `t` and `s` as SAX hands them (`&` as `&#38;`). They point into
/// the parser's buffer during its call back (`init(_:known:)`), or into a batch of events
/// recorded on the parser's thread and read on the rows' (`XLSXSheetEvents`): either way the
/// same bytes are read by the same code here.
struct SheetStartTag: SheetTag {
  let element: XLSXSheetReader.Element
  let isEmptyElement: Bool
  /// The raw bytes of `r`, `t`, `s`; `nil` when absent (always for an element that is not a
  /// row nor a cell).
  let r: UnsafeBufferPointer<UInt8>?
  let type: UnsafeBufferPointer<UInt8>?
  let style: UnsafeBufferPointer<UInt8>?

  // The memberwise initializer builds one from recorded events (`XLSXSheetEvents`); the one
  // from the parser is in the extension below, which keeps the memberwise one.
}

extension SheetStartTag {
  /// `tag` during the SAX call back that hands it over: valid only until it returns.
  init(_ tag: XMLStartTag, known: inout UnsafeRawPointer?) {
    element = Self.element(tag, known: &known)
    isEmptyElement = tag.isEmptyElement
    guard element == .row || element == .c else {
      (r, type, style) = (nil, nil, nil)
      return
    }
    // The bytes stay libxml2's: the closures hand back where they are, not a copy.
    r = tag.withAttribute("r") { $0 }
    type = tag.withAttribute("t") { $0 }
    style = tag.withAttribute("s") { $0 }
  }

  /// The worksheet's namespaces (the local name aside).
  static let main = XMLTagName("", in: [XLSXName.mainTransitional, XLSXName.mainStrict])

  /// The element a start tag is: by its local name's bytes, then its namespace, once (a loop
  /// over `XMLTagName`s retained and compared each name's namespace in turn).
  static func element(_ tag: XMLStartTag, known: inout UnsafeRawPointer?) -> XLSXSheetReader.Element {
    let element = tag.withLocalName(Self.element(named:))
    // Not `&&`: its right side is a closure, and `known` captured by it would be checked for
    // exclusive access at run time.
    guard element != .other else { return .other }
    return tag.isInNamespace(of: main, known: &known) ? element : .other
  }

  /// Whether `bytes` spell `word`.
  private static func spell(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    word.utf8CodeUnitCount == bytes.count
      && UnsafeBufferPointer(start: word.utf8Start, count: bytes.count).elementsEqual(bytes)
  }

  private static func element(named name: UnsafeBufferPointer<UInt8>) -> XLSXSheetReader.Element {
    func spells(_ word: StaticString) -> Bool { spell(name, word) }
    switch name.count {
    case 1:
      switch name[0] {
      case UInt8(ascii: "c"): return .c
      case UInt8(ascii: "v"): return .v
      case UInt8(ascii: "t"): return .t
      default: return .other
      }
    case 2: return spells("is") ? .inlineString : .other
    case 3: return spells("row") ? .row : spells("rPh") ? .rPh : .other
    case 9: return spells("sheetData") ? .sheetData : .other
    default: return .other
    }
  }

  /// The attribute's bytes as SAX handed them.
  func raw(_ attribute: XLSXSheetReader.Attribute) -> UnsafeBufferPointer<UInt8>? {
    switch attribute {
    case .r: r
    case .type: type
    case .style: style
    }
  }

  func text(_ attribute: XLSXSheetReader.Attribute) -> String? {
    guard let raw = raw(attribute) else { return nil }
    // A cell's type is one of a few words: given as a literal, not made for every cell.
    if case .type = attribute, let known = Self.knownType(raw) { return known }
    // As a tree would hold it (`XMLStartTag.decoded`).
    return String(decoding: XMLStartTag.decoded(raw), as: UTF8.self)
  }

  /// The cell types xlsx defines (ECMA-376 ST_CellType), as literals (no `String` made, no
  /// table retained for each cell); `nil` for anything else.
  private static func knownType(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    switch bytes.count {
    case 1:
      switch bytes[0] {
      case UInt8(ascii: "s"): "s"
      case UInt8(ascii: "n"): "n"
      case UInt8(ascii: "b"): "b"
      case UInt8(ascii: "e"): "e"
      case UInt8(ascii: "d"): "d"
      default: nil
      }
    case 3: spell(bytes, "str") ? "str" : nil
    case 9: spell(bytes, "inlineStr") ? "inlineStr" : nil
    default: nil
    }
  }

  func integer(_ attribute: XLSXSheetReader.Attribute) -> Int?? {
    // The raw bytes: `&#38;` (an `&`) is no digit either way.
    raw(attribute).map(XMLPullReader.nonNegativeInteger)
  }

  func reference() -> (row: Int?, column: Int)?? {
    // The raw bytes: a reference holding `&#38;` is not one, as the `&` it stands for is not.
    r.map { XLSXCellReference.parse(utf8: $0) }
  }
}
