extension PlanMerger {
  /// Totals and quantities by content area and indicator, in programme order. Every area and
  /// indicator of the programme appears (zero when unused), so the summary always has the
  /// same rows; codes the programme does not know come after, by code.
  static func summarize(
    lines: [ConsolidatedLine], programme: Programme,
    earlier: [IndicatorCode: ExactDecimal]
  ) -> [ContentAreaSummary] {
    var areas: [ContentAreaSummary] = []
    var areaIndex: [IndicatorCode: Int] = [:]
    var indicatorIndex: [IndicatorCode: (area: Int, indicator: Int)] = [:]
    var quantities: [IndicatorCode: ExactDecimal] = [:]

    func addArea(_ code: IndicatorCode, name: String) -> Int {
      if let index = areaIndex[code] { return index }
      areas.append(ContentAreaSummary(code: code, name: name))
      areaIndex[code] = areas.count - 1
      return areas.count - 1
    }
    func addIndicator(
      _ code: IndicatorCode, area: Int, name: String, unit: String,
      target: ExactDecimal?
    ) {
      guard indicatorIndex[code] == nil else { return }
      let progress = IndicatorProgress(
        code: code, name: name, unit: unit, target: target,
        thisYear: .zero, earlierYears: .zero, cumulative: .zero,
        percentOfTarget: nil)
      areas[area].indicators.append(
        IndicatorSummary(
          totals: .zero, lineCount: 0,
          progress: progress))
      indicatorIndex[code] = (area, areas[area].indicators.count - 1)
    }

    for area in programme.contentAreas {
      let index = addArea(area.code, name: area.name)
      for indicator in area.indicators {
        addIndicator(
          indicator.code, area: index, name: indicator.name, unit: indicator.unit,
          target: indicator.target)
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
        addIndicator(code, area: area, name: code.rawValue, unit: line.unit ?? "", target: nil)
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
        let sum = quantities[code, default: .zero]
        quantities[code] = sum.adding(line.quantity ?? .zero) ?? sum
      } else {
        areas[area].withoutIndicator += line.amounts
      }
    }

    for a in areas.indices {
      for i in areas[a].indicators.indices {
        var progress = areas[a].indicators[i].progress
        progress.thisYear = quantities[progress.code, default: .zero]
        progress.earlierYears = earlier[progress.code, default: .zero]
        progress.cumulative = progress.thisYear.adding(progress.earlierYears) ?? progress.thisYear
        if let target = progress.target {
          progress.percentOfTarget = Percentage.of(progress.cumulative, in: target, places: 1)
        }
        areas[a].indicators[i].progress = progress
      }
    }
    return areas
  }

  /// The content area of an indicator code: `3` for `3.3`.
  static func areaOf(_ indicator: IndicatorCode) -> IndicatorCode {
    IndicatorCode(rawValue: String(indicator.rawValue.prefix { $0 != "." }))
  }
}
