/// One problem libxml2 (or our own policy) reported about an XML document.
public struct XMLIssue: Hashable, Sendable {
  /// 1-based line in the document (0 when unknown).
  public var line: Int
  /// 1-based column (0 when unknown; schema errors carry none).
  public var column: Int
  /// libxml2's message, without its trailing newline.
  public var message: String
  /// Whether the problem stopped the parse (a well-formedness error or a refused construct).
  public var isFatal: Bool

  /// Creates an issue.
  public init(line: Int, column: Int, message: String, isFatal: Bool) {
    self.line = line
    self.column = column
    self.message = message
    self.isFatal = isFatal
  }
}
