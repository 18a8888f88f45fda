internal import CLibXML2

/// The parser options and process-wide settings every document is read with.
enum XMLSafety {
  // NONET: a submission must never make us fetch a URL. Without NOENT and DTDLOAD no
  // entity is substituted and no external DTD is read; without HUGE, libxml2 keeps its
  // size (10 MB per text node) and depth (256) limits (SPEC §8, hostile input). NOENT alone
  // would leak local files (`file:` is not "network"), HUGE lets billion-laughs run to
  // gigabytes (NOTES-toolchain, "Hostile XML").
  static let readerOptions = Int32(XML_PARSE_NONET.rawValue)

  /// Installs, once per process, an external entity loader that loads nothing: a second
  /// belt behind refusing DOCTYPEs, should some code path ever ask libxml2 for a URL.
  static let installed: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
  }()
}
