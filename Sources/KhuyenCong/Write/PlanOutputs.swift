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
  /// The files of `plan`, messages in `language`. The XML is checked against
  /// `schemas/plan-spreadsheet.xsd` before it is handed out (issue 4).
  public static func render(_ plan: ConsolidatedPlan, programme: Programme, language: Language)
    throws(PlanOutputError) -> [PlanOutputFile]
  {
    let messages: (Diagnostic) -> String = { MessageCatalog.message($0, in: language) }
    let stem = "plan-\(plan.planYear.rawValue)"
    let xml = PlanXMLSpreadsheetWriter.write(plan, programme: programme, messages: messages)
    let validator: XMLSchemaValidator
    do {
      validator = try XMLSchemaValidator(xsd: Array(PlanSpreadsheetSchema.xsd.utf8))
    } catch {
      throw .schema(String(describing: error))
    }
    if let issue = validator.validate(xml).first {
      throw .invalidSpreadsheet(line: issue.line, message: issue.message)
    }
    return [
      PlanOutputFile(name: stem + ".xml", bytes: xml),
      PlanOutputFile(name: stem + ".csv", bytes: PlanCSVWriter.write(plan, programme: programme)),
      PlanOutputFile(
        name: stem + ".json", bytes: PlanJSONWriter.write(plan, programme: programme, messages: messages)),
      PlanOutputFile(
        name: stem + ".html", bytes: PlanHTMLWriter.write(plan, programme: programme, messages: messages)),
    ]
  }
}
