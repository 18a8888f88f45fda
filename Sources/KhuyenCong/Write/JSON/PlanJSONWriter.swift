/// Writes the consolidated plan as JSON (`plan-N.json`, SPEC §5): everything, for machines.
///
/// The SPEC §5 keys come first in each object, in the SPEC's order, then extra keys
/// (`priorityShare`, `diagnostics` of rejected districts, `crossDuplicates`, `progress`, …).
/// Money and percentages are decimal strings (`"1234.5"` triệu đồng, `"33.19"` %); counts
/// (quantity, target, cumulative) are JSON numbers written from their exact literal.
/// `schemas/plan.schema.json` is the JSON Schema. 2-space indentation, fixed key order.
public enum PlanJSONWriter {
  /// The JSON bytes (UTF-8, LF, final newline).
  /// - Parameters:
  ///   - plan: the merged plan.
  ///   - programme: for the programme's id, title and period.
  ///   - messages: renders a diagnostic's `message` (the CLI's catalog, in the chosen language).
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String
  ) -> [UInt8] {
    var sink = MemorySink()
    write(plan, programme: programme, messages: messages, into: &sink)
    return sink.bytes
  }

  /// Streams the JSON into `sink`: the lines and the merge notes one at a time, each object
  /// written and let go.
  public static func write(
    _ plan: ConsolidatedPlan, programme: Programme,
    messages: (Diagnostic) -> String, into sink: inout some ByteSink
  ) {
    let districts = plan.districts.map { district -> JSONValue in
      var members: [(String, JSONValue)] = [
        ("code", .string(district.code.rawValue)), ("name", .string(district.name)),
        ("priority", .bool(district.priority)), ("status", .string(district.status.rawValue)),
        ("file", .string(district.file)), ("lines", .number(String(district.lineCount))),
        ("totals", totals(district.totals)),
      ]
      members += [
        ("officialName", .string(district.officialName)),
        ("sheet", .string(district.sheet)),
        ("submittedOn", .string(district.submittedOn?.isoText)),
        ("documentNumber", .string(district.documentNumber)),
        ("shareOfTotal", .string(district.shareOfTotal?.description)),
        ("supersededFiles", .array(district.supersededFiles.map { .string($0) })),
        ("diagnostics", .array(district.diagnostics.map { diagnostic($0, messages) })),
      ]
      return .object(members)
    }
    /// One measure of an indicator: its unit, this year's quantity and its five-year progress.
    func measure(_ p: IndicatorProgress) -> JSONValue {
      .object([
        ("name", .string(p.name)), ("unit", .string(p.unit)),
        ("quantity", .number(p.thisYear.description)),
        ("target", p.target.map { .number($0.description) } ?? .null),
        ("earlierYears", .number(p.earlierYears.description)),
        ("cumulative", .number(p.cumulative.description)),
        ("percentOfTarget", .string(p.percentOfTarget?.fixedText(places: 1))),
      ])
    }
    let areas = plan.contentAreas.map { area -> JSONValue in
      .object([
        ("code", .string(area.code.rawValue)), ("name", .string(area.name)),
        ("totals", totals(area.totals)),
        (
          "indicators",
          .array(
            area.indicators.map { indicator in
              let p = indicator.progress
              return .object([
                ("code", .string(p.code.rawValue)), ("unit", .string(p.unit)),
                ("quantity", .number(p.thisYear.description)),
                ("target", p.target.map { .number($0.description) } ?? .null),
                ("cumulative", .number(p.cumulative.description)),
                ("name", .string(indicator.name)), ("lines", .number(String(indicator.lineCount))),
                ("totals", totals(indicator.totals)),
                ("measures", .array(indicator.measures.map(measure))),
              ])
            })
        ),
        ("lines", .number(String(area.lineCount))),
        ("withoutIndicator", totals(area.withoutIndicator)),
        ("withoutIndicatorLines", .number(String(area.withoutIndicatorLines))),
      ])
    }
    func lineValue(_ entry: ConsolidatedLine) -> JSONValue {
      let line = entry.line
      return .object([
        ("district", .string(entry.district.rawValue)),
        ("indicator", .string(line.indicator?.rawValue)),
        ("activity", .string(line.activity)), ("place", .string(line.place)),
        ("unit", .string(line.unit)),
        ("quantity", line.quantity.map { .number($0.description) } ?? .null),
        ("totals", totals(line.amounts)),
        (
          "source",
          .object([
            ("file", .string(line.source.file)), ("sheet", .string(line.source.sheet)),
            ("row", line.source.row.map { .number(String($0)) } ?? .null),
          ])
        ),
        ("contentArea", .string(line.contentArea?.rawValue)),
        ("content", .string(line.contentText)),
        ("implementer", .string(line.implementer)), ("beneficiary", .string(line.beneficiary)),
        ("commune", .string(line.commune?.rawValue)), ("groupProject", .bool(line.isGroup)),
        ("start", .string(line.start?.displayText)), ("end", .string(line.end?.displayText)),
        ("note", .string(line.note)),
      ])
    }
    let progress = plan.progress.map { p -> JSONValue in
      .object([
        ("code", .string(p.code.rawValue)), ("name", .string(p.name)), ("unit", .string(p.unit)),
        ("target", p.target.map { .number($0.description) } ?? .null),
        ("thisYear", .number(p.thisYear.description)),
        ("earlierYears", .number(p.earlierYears.description)),
        ("cumulative", .number(p.cumulative.description)),
        ("percentOfTarget", .string(p.percentOfTarget?.fixedText(places: 1))),
      ])
    }
    // The document's members, in order; the long arrays are written element by element.
    var out = TextOutput(sink)
    out += "{\n"
    func member(_ key: String, _ value: JSONValue, last: Bool = false) {
      out += "  "
      JSONValue.writeString(key, to: &out)
      out += ": "
      value.write(to: &out, indent: 2)
      out += last ? "\n" : ",\n"
    }
    func arrayMember(_ key: String, count: Int, _ item: (Int) -> JSONValue) {
      out += "  "
      JSONValue.writeString(key, to: &out)
      if count == 0 {
        out += ": [],\n"
        return
      }
      out += ": [\n"
      for index in 0..<count {
        out += "    "
        item(index).write(to: &out, indent: 4)
        out += index == count - 1 ? "\n" : ",\n"
      }
      out += "  ],\n"
    }
    member("planYear", .number(String(plan.planYear.rawValue)))
    member("totals", totals(plan.totals))
    member("districts", .array(districts))
    member("contentAreas", .array(areas))
    arrayMember("lines", count: plan.lines.count) { lineValue(plan.lines[$0]) }
    member(
      "programme",
      .object([
        ("id", .string(programme.id)), ("title", .string(programme.title)),
        ("province", .string(programme.province.name)),
        ("firstYear", .number(String(programme.firstYear.rawValue))),
        ("lastYear", .number(String(programme.lastYear.rawValue))),
      ]))
    member("moneyUnit", .string("triệu đồng"))
    member(
      "priorityShare",
      .object([
        ("totals", totals(plan.priorityTotals)),
        ("ofTotal", .string(plan.priorityShareOfTotal?.description)),
        ("ofSupport", .string(plan.priorityShareOfSupport?.description)),
      ]))
    member(
      "progress",
      .object([
        ("earlierYears", .array(plan.earlierYears.map { .number(String($0.rawValue)) })),
        ("indicators", .array(progress)),
      ]))
    let crossDuplicates = plan.crossDuplicates
    arrayMember("crossDuplicates", count: crossDuplicates.count) { diagnostic(crossDuplicates[$0], messages) }
    arrayMember("diagnostics", count: plan.diagnostics.count) { diagnostic(plan.diagnostics[$0], messages) }
    member(
      "unattributedRejections",
      .array(
        plan.unattributedRejections.map { rejected in
          .object([
            ("file", .string(rejected.file)),
            ("diagnostics", .array(rejected.diagnostics.map { diagnostic($0, messages) })),
          ])
        }))
    member(
      "otherRejections",
      .array(
        plan.otherRejections.map { rejected in
          .object([
            ("file", .string(rejected.file)), ("district", .string(rejected.district?.rawValue)),
            ("diagnostics", .array(rejected.diagnostics.map { diagnostic($0, messages) })),
          ])
        }), last: true)
    out += "}\n"
    sink = out.finish()
  }

  /// `{"total","national","local","counterpart","other"}` as decimal strings in triệu đồng.
  static func totals(_ totals: FundTotals) -> JSONValue {
    .object([
      ("total", .string(totals.total.trieuText)), ("national", .string(totals.national.trieuText)),
      ("local", .string(totals.local.trieuText)),
      ("counterpart", .string(totals.counterpart.trieuText)),
      ("other", .string(totals.other.trieuText)),
    ])
  }

  /// A diagnostic as `validate --format json` shows one (SPEC §6), plus its file and values
  /// (keys sorted, so the order is fixed).
  static func diagnostic(_ diagnostic: Diagnostic, _ messages: (Diagnostic) -> String) -> JSONValue {
    let position = diagnostic.position
    return .object([
      ("code", .string(diagnostic.code.rawValue)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("message", .string(messages(diagnostic))),
      ("file", .string(position.file.isEmpty ? nil : position.file)),
      ("sheet", .string(position.sheet)),
      ("row", position.row.map { .number(String($0)) } ?? .null),
      ("column", .string(position.columnLetter)),
      (
        "values",
        .object(
          diagnostic.values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { ($0, .string(diagnostic.values[$0] ?? "")) })
      ),
    ])
  }
}
