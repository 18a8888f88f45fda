extension PlanMerger {
  /// Totals and quantities by content area and indicator, in programme order. Every area and
  /// indicator of the programme appears (zero when unused), so the summary always has the
  /// same rows; codes the programme does not know come after, by code.
  static func summarize(
    lines: [ConsolidatedLine], programme: Programme,
    earlier: [MeasureKey: ExactDecimal]
  ) -> [ContentAreaSummary] {
    let resolver = ContentResolver(programme: programme)
    var areas: [ContentAreaSummary] = []
    var areaIndex: [IndicatorCode: Int] = [:]
    var indicatorIndex: [IndicatorCode: (area: Int, indicator: Int)] = [:]
    var quantities: [MeasureKey: ExactDecimal] = [:]

    func addArea(_ code: IndicatorCode, name: String) -> Int {
      if let index = areaIndex[code] { return index }
      areas.append(ContentAreaSummary(code: code, name: name))
      areaIndex[code] = areas.count - 1
      return areas.count - 1
    }
    func addIndicator(_ code: IndicatorCode, area: Int, name: String, measures: [Measure]) {
      guard indicatorIndex[code] == nil else { return }
      let progress = measures.enumerated().map { index, measure in
        IndicatorProgress(
          code: code, name: measures.count == 1 ? name : measure.name, unit: measure.unit,
          measure: index, target: measure.target, thisYear: .zero, earlierYears: .zero,
          cumulative: .zero, percentOfTarget: nil)
      }
      var summary = IndicatorSummary(totals: .zero, lineCount: 0, measures: progress)
      summary.name = name
      areas[area].indicators.append(summary)
      indicatorIndex[code] = (area, areas[area].indicators.count - 1)
    }

    for area in programme.contentAreas {
      let index = addArea(area.code, name: area.name)
      for indicator in area.indicators {
        addIndicator(indicator.code, area: index, name: indicator.name, measures: indicator.measures)
      }
    }
    // Unknown codes (the validator rejects them, but the plan must never drop a line).
    let programmeAreas = areas.count
    for entry in lines {
      let line = entry.line
      let areaCode = line.contentArea ?? line.indicator.map(areaOf) ?? IndicatorCode(rawValue: "")
      if areaIndex[areaCode] == nil {
        _ = addArea(areaCode, name: areaCode.rawValue.isEmpty ? line.contentText : areaCode.rawValue)
      }
      if let code = line.indicator, indicatorIndex[code] == nil, let area = areaIndex[areaCode] {
        addIndicator(
          code, area: area, name: code.rawValue,
          measures: [Measure(name: code.rawValue, unit: line.unit ?? "", unitAliases: [], target: nil)])
      }
    }
    if areas.count > programmeAreas {
      areas[programmeAreas...].sort { $0.code < $1.code }
      for (index, area) in areas.enumerated() {
        areaIndex[area.code] = index
        for (position, indicator) in area.indicators.enumerated() {
          indicatorIndex[indicator.code] = (index, position)
        }
      }
    }

    for entry in lines {
      let line = entry.line
      let areaCode = line.contentArea ?? line.indicator.map(areaOf) ?? IndicatorCode(rawValue: "")
      guard let area = areaIndex[areaCode] else { continue }  // added above for every line
      areas[area].totals += line.amounts
      areas[area].lineCount += 1
      if let code = line.indicator, let place = indicatorIndex[code] {
        areas[place.area].indicators[place.indicator].totals += line.amounts
        areas[place.area].indicators[place.indicator].lineCount += 1
        let key = measureKey(of: line, indicator: code, programme: programme, resolver: resolver)
        let sum = quantities[key, default: .zero]
        quantities[key] = sum.adding(line.quantity ?? .zero) ?? sum
      } else {
        areas[area].withoutIndicator += line.amounts
        areas[area].withoutIndicatorLines += 1
      }
    }

    for a in areas.indices {
      for i in areas[a].indicators.indices {
        for m in areas[a].indicators[i].measures.indices {
          var progress = areas[a].indicators[i].measures[m]
          progress.thisYear = quantities[progress.key, default: .zero]
          progress.earlierYears = earlier[progress.key, default: .zero]
          progress.cumulative = progress.thisYear.adding(progress.earlierYears) ?? progress.thisYear
          if let target = progress.target {
            progress.percentOfTarget = Percentage.of(progress.cumulative, in: target, places: 1)
          }
          areas[a].indicators[i].measures[m] = progress
        }
      }
    }
    return areas
  }

  /// The measure a line's quantity counts towards: the one its unit picks, else the first
  /// (an accepted line always has a fitting unit; the plan must never drop a quantity).
  static func measureKey(
    of line: PlanLine, indicator: IndicatorCode, programme: Programme, resolver: ContentResolver
  ) -> MeasureKey {
    let index = programme.indicator(indicator).flatMap { resolver.measureIndex(line.unit, $0) } ?? 0
    return MeasureKey(indicator: indicator, measure: index)
  }

  /// The content area of an indicator code: `3` for `3.3`.
  static func areaOf(_ indicator: IndicatorCode) -> IndicatorCode {
    IndicatorCode(rawValue: String(indicator.rawValue.prefix { $0 != "." }))
  }
}
