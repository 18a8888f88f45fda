/// A horizontal bar chart as inline SVG: no script, no font download, no network.
///
/// Lengths are computed with integers from exact amounts (`Money.dong`), so the same plan
/// draws the same bytes on every machine.
struct SVGBarChart: Sendable {
  /// One bar: its label, its value, the text printed after it, and whether to highlight it.
  struct Bar: Sendable {
    var label: String
    var value: UInt64
    var valueText: String
    var highlighted: Bool = false
  }

  var title: String
  var bars: [Bar]
  /// The value a full-width bar stands for; the largest bar when `nil`.
  var scaleMaximum: UInt64?

  static let labelWidth = 280
  static let barWidth = 420
  static let rowHeight = 26

  /// The `<svg>` element.
  func svg() -> String {
    let height = max(1, bars.count) * Self.rowHeight + 8
    let width = Self.labelWidth + Self.barWidth + 150
    var out = "<svg role=\"img\" aria-label=\"\(HTMLText.escaped(title))\" width=\"\(width)\""
    out += " height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
    out += "<title>\(HTMLText.escaped(title))</title>\n"
    let maximum = scaleMaximum ?? bars.map(\.value).max() ?? 0
    for (index, bar) in bars.enumerated() {
      let y = index * Self.rowHeight + 4
      let length = Self.length(bar.value, of: maximum, width: Self.barWidth)
      let fill = bar.highlighted ? "#c55a11" : "#2f5597"
      out += "<text x=\"\(Self.labelWidth - 6)\" y=\"\(y + 16)\" text-anchor=\"end\">"
      out += HTMLText.escaped(bar.label) + "</text>\n"
      out += "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 3)\" width=\"\(Self.barWidth)\""
      out += " height=\"18\" fill=\"#eef1f7\"/>\n"
      out += "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"18\""
      out += " fill=\"\(fill)\"/>\n"
      out += "<text x=\"\(Self.labelWidth + Self.barWidth + 6)\" y=\"\(y + 16)\">"
      out += HTMLText.escaped(bar.valueText) + "</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// `value / maximum × width`, rounded down, at most `width`; 0 when `maximum` is 0.
  static func length(_ value: UInt64, of maximum: UInt64, width: Int) -> Int {
    guard maximum > 0, width > 0 else { return 0 }
    let capped = min(value, maximum)
    let (high, low) = capped.multipliedFullWidth(by: UInt64(width))
    let (quotient, _) = maximum.dividingFullWidth((high, low))
    return Int(quotient)
  }
}
