import KhuyenCongXML

/// One file of the consolidated plan, ready to be written.
public struct PlanOutputFile: Hashable, Sendable {
  /// `plan-2017.xml`, `plan-2017.csv`, `plan-2017.json`, `plan-2017.html`.
  public var name: String
  public var bytes: [UInt8]
}

/// Why the plan's files could not be produced: a fault of the program, never of a district.
public enum PlanOutputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The XML plan does not pass its own schema (a bug in the writer).
  case invalidSpreadsheet(line: Int, message: String)
  /// The embedded schema does not compile (a bug in the build).
  case schema(String)

  public var description: String {
    switch self {
    case .invalidSpreadsheet(let line, let message):
      return "plan XML fails schemas/plan-spreadsheet.xsd at line \(line): \(message)"
    case .schema(let message): return "the embedded plan schema does not compile: \(message)"
    }
  }
}

/// Renders the four files of SPEC §5 for a consolidated plan.
public enum PlanOutputs {
  /// The names of the plan's files, in the order they are written.
  public static func names(of plan: ConsolidatedPlan) -> [String] {
    let stem = "plan-\(plan.planYear.rawValue)"
    return [stem + ".xml", stem + ".csv", stem + ".json", stem + ".html"]
  }

  /// The files of `plan` in memory, messages in `language`. The XML is checked against
  /// `schemas/plan-spreadsheet.xsd` before it is handed out (issue 4).
  public static func render(_ plan: ConsolidatedPlan, programme: Programme, language: Language)
    throws(PlanOutputError) -> [PlanOutputFile]
  {
    var files: [PlanOutputFile] = []
    do {
      try write(plan, programme: programme, language: language) { name, body in
        var sink: any ByteSink = MemorySink()
        try body(&sink)
        files.append(PlanOutputFile(name: name, bytes: (sink as? MemorySink)?.bytes ?? []))
      }
    } catch let error as PlanOutputError {
      throw error
    } catch {
      throw .schema(String(describing: error))
    }
    return files
  }

  /// Streams the files of `plan` one after the other, messages in `language`: for each,
  /// `file(name, body)` opens where it goes, runs `body` on its sink, and keeps the file only
  /// when `body` returns (the CLI: a temporary file, renamed once complete). No file is ever
  /// whole in memory. The XML is checked against `schemas/plan-spreadsheet.xsd` as it streams;
  /// when it fails, its `body` throws `PlanOutputError` and no later file is written.
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme, language: Language,
    to file: (_ name: String, _ body: (inout any ByteSink) throws -> Void) throws -> Void
  ) throws {
    for writer in try writers(plan, programme: programme, language: language) {
      try file(writer.name, writer.write)
    }
  }

  /// The four files of `plan` as independent writers, in order: they read the plan only, so
  /// they may run at once (the CLI stages all four, then renames all four, or none). The XML's
  /// writer checks it against `schemas/plan-spreadsheet.xsd` as it streams and throws
  /// `PlanOutputError.invalidSpreadsheet` when it fails.
  ///
  /// `checking`: where the XML's bytes go for their check. By default the check runs on the
  /// writer's own thread; a caller with threads to spare may run it on another one (the CLI
  /// does, `PipedSpreadsheetCheck`: the check of a 248 MB plan takes longer than writing it).
  public static func writers(
    _ plan: ConsolidatedPlan, programme: Programme, language: Language,
    checking: @escaping @Sendable (PlanSpreadsheetCheck) -> any PlanSpreadsheetCheckFeed = { $0 }
  ) throws(PlanOutputError) -> [PlanOutputWriter] {
    let names = names(of: plan)
    let validator = try PlanSpreadsheetCheck.compiledSchema()
    let messages: @Sendable (Diagnostic) -> String = { MessageCatalog.message($0, in: language) }
    return [
      PlanOutputWriter(name: names[0]) { sink in
        let check = checking(PlanSpreadsheetCheck(validator: validator))
        var checked = SchemaCheckedSink(base: sink, check: check)
        PlanXMLSpreadsheetWriter.write(plan, programme: programme, messages: messages, into: &checked)
        sink = checked.base
        if let error = check.finish() { throw error }
      },
      PlanOutputWriter(name: names[1]) { sink in
        ForwardingSink.write(into: &sink) { PlanCSVWriter.write(plan, programme: programme, into: &$0) }
      },
      PlanOutputWriter(name: names[2]) { sink in
        ForwardingSink.write(into: &sink) {
          PlanJSONWriter.write(plan, programme: programme, messages: messages, into: &$0)
        }
      },
      PlanOutputWriter(name: names[3]) { sink in
        ForwardingSink.write(into: &sink) {
          PlanHTMLWriter.write(plan, programme: programme, messages: messages, into: &$0)
        }
      },
    ]
  }
}

/// One file of the plan: its name, and what writes it into a sink.
public struct PlanOutputWriter: Sendable {
  /// `plan-2017.xml`, …
  public let name: String
  /// Streams the file into the sink; throws when the file must not be kept.
  public let write: @Sendable (inout any ByteSink) throws -> Void

  init(name: String, write: @escaping @Sendable (inout any ByteSink) throws -> Void) {
    self.name = name
    self.write = write
  }
}

/// Passes the bytes on to `base` and to the schema check as they are written.
private struct SchemaCheckedSink: ByteSink {
  var base: any ByteSink
  let check: any PlanSpreadsheetCheckFeed

  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    check.feed(bytes)
    base.write(bytes)
  }
}

/// Where the writer of `plan-N.xml` sends its bytes, in order, for the schema check, then asks
/// for the verdict (`finish`, once).
public protocol PlanSpreadsheetCheckFeed: AnyObject {
  /// The next bytes of the document (valid only during the call).
  func feed(_ bytes: UnsafeRawBufferPointer)
  /// The verdict once every byte fed is checked: `nil` when the document passes.
  func finish() -> PlanOutputError?
}

/// The check of `plan-N.xml` against `schemas/plan-spreadsheet.xsd` as it streams, on the
/// thread that feeds it. Used by one thread at a time: the one that made it, or one it was
/// handed to before its first `feed` (`PipedSpreadsheetCheck`).
public final class PlanSpreadsheetCheck: PlanSpreadsheetCheckFeed, @unchecked Sendable {
  private let stream: XMLSchemaStream

  init(validator: XMLSchemaValidator) {
    stream = validator.stream()
  }

  /// A check of its own (tests, and callers that check bytes they have).
  public convenience init() throws(PlanOutputError) {
    self.init(validator: try Self.compiledSchema())
  }

  static func compiledSchema() throws(PlanOutputError) -> XMLSchemaValidator {
    do {
      return try XMLSchemaValidator(xsd: Array(PlanSpreadsheetSchema.xsd.utf8))
    } catch {
      throw .schema(String(describing: error))
    }
  }

  public func feed(_ bytes: UnsafeRawBufferPointer) {
    stream.feed(bytes)
  }

  public func finish() -> PlanOutputError? {
    stream.finish().first.map { .invalidSpreadsheet(line: $0.line, message: $0.message) }
  }
}

/// `base` behind a concrete type. A writer handed an `any ByteSink` runs as unspecialised
/// generic code that asks the runtime for its output's type metadata at every append (a tenth
/// of the 700 000-line history's `consolidate`, issue 7); handed this, it is compiled for it,
/// and only the 64 KiB chunks go through the existential.
private struct ForwardingSink: ByteSink {
  var base: any ByteSink

  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    base.write(bytes)
  }

  /// Runs `write` on `sink` wrapped, and keeps what the wrapped sink became.
  static func write(into sink: inout any ByteSink, _ write: (inout ForwardingSink) -> Void) {
    var forwarding = ForwardingSink(base: sink)
    write(&forwarding)
    sink = forwarding.base
  }
}
