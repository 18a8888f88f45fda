import KhuyenCongXML

/// An element or attribute name of SpreadsheetML, in both of the namespaces it is written in:
/// Transitional (what Excel, LibreOffice and Gnumeric write) and Strict (Excel's "Strict Open
/// XML Spreadsheet" option). Interned in one reader, compared by pointer.
struct XLSXName {
  private let transitional: XMLName
  private let strict: XMLName

  /// A name in the spreadsheet main namespace.
  init(main local: String, in reader: XMLPullReader) {
    transitional = reader.intern(namespace: Self.mainTransitional, local: local)
    strict = reader.intern(namespace: Self.mainStrict, local: local)
  }

  /// A name in the package relationships namespace (`.rels` parts; the same in both).
  init(packageRelationships local: String, in reader: XMLPullReader) {
    transitional = reader.intern(namespace: Self.packageRelationships, local: local)
    strict = transitional
  }

  /// An attribute in the officeDocument relationships namespace (`r:id`).
  init(relationshipAttribute local: String, in reader: XMLPullReader) {
    transitional = reader.intern(namespace: Self.relationshipsTransitional, local: local)
    strict = reader.intern(namespace: Self.relationshipsStrict, local: local)
  }

  /// An attribute without a namespace (`r`, `t`, `s`, `name`, `state`).
  init(plain local: String, in reader: XMLPullReader) {
    transitional = reader.intern(namespace: nil, local: local)
    strict = transitional
  }

  /// Whether the reader's current node has this name.
  func matches(_ reader: XMLPullReader) -> Bool {
    reader.hasName(transitional) || (strict != transitional && reader.hasName(strict))
  }

  /// The attribute of this name on the reader's current element.
  func attribute(in reader: XMLPullReader) -> String? {
    reader.attribute(transitional) ?? (strict == transitional ? nil : reader.attribute(strict))
  }

  /// The attribute as a non-negative integer: `nil` when absent, `.some(nil)` when present
  /// but not a number.
  func attributeInt(in reader: XMLPullReader) -> Int?? {
    reader.attributeInt(transitional)
  }

  static let mainTransitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let mainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
  static let packageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships"
  static let relationshipsTransitional =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let relationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
}
