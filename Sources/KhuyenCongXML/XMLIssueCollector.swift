internal import CLibXML2

/// Collects the structured errors libxml2 reports for one parser, reader or schema context.
///
/// libxml2 calls back through a C function pointer that cannot capture, so the collector is
/// passed as the opaque context (NOTES-toolchain, "libxml2 from Swift 6").
final class XMLIssueCollector {
  var issues: [XMLIssue] = []
  /// Lines removed before the document reached libxml2 (leading whitespace), added back.
  var lineOffset = 0
  /// Stops a hostile file from making us store millions of messages.
  private let maxIssues = 100

  func append(_ issue: XMLIssue) {
    guard issues.count < maxIssues else { return }
    issues.append(issue)
  }

  var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  /// The C callback; `context` is an unretained `XMLIssueCollector`.
  static let handler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<XMLIssueCollector>.fromOpaque(context).takeUnretainedValue()
    let record = error.pointee
    var message = record.message.map { String(cString: $0) } ?? "unknown XML error"
    while let last = message.last, last == "\n" || last == " " { message.removeLast() }
    let line = Int(record.line)
    collector.append(
      XMLIssue(
        line: line > 0 ? line + collector.lineOffset : 0, column: Int(record.int2),
        message: message, isFatal: record.level.rawValue >= XML_ERR_ERROR.rawValue))
  }
}
