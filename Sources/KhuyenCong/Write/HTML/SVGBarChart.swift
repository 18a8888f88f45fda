/// A horizontal bar chart as inline SVG: no script, no font download, no network.
///
/// Each label sits on its own line above its bar, starting at the left edge: content-area and
/// indicator names run to 120 characters, and a label column beside the bars cut them off at
/// the left edge in Chromium (seen in the rendered report). The picture scales down with the
/// page (`viewBox`, `max-width:100%`) instead of overflowing a narrow window or a printed page.
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

  /// The whole drawing's width in user units (CSS pixels at full size).
  static let width = 1000
  /// The track a full bar fills; the value text follows it.
  static let barWidth = 860
  /// Label line, bar and gap.
  static let rowHeight = 38
  /// Labels longer than this are shortened with "…" (the full text stays in a tooltip): at
  /// 13px a longer line would run past the right edge.
  static let maximumLabelCharacters = 140

  /// The `<svg>` element.
  func svg() -> String {
    let height = max(1, bars.count) * Self.rowHeight + 4
    var out = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTMLText.escaped(title))\""
    out += " width=\"\(Self.width)\" height=\"\(height)\" viewBox=\"0 0 \(Self.width) \(height)\">\n"
    out += "<title>\(HTMLText.escaped(title))</title>\n"
    let maximum = scaleMaximum ?? bars.map(\.value).max() ?? 0
    for (index, bar) in bars.enumerated() {
      let y = index * Self.rowHeight
      let length = Self.length(bar.value, of: maximum, width: Self.barWidth)
      let fill = bar.highlighted ? "#c55a11" : "#2f5597"
      let label = Self.shortened(bar.label)
      out += "<text x=\"0\" y=\"\(y + 14)\">" + HTMLText.escaped(label)
      if label != bar.label { out += "<title>\(HTMLText.escaped(bar.label))</title>" }
      out += "</text>\n"
      out += "<rect x=\"0\" y=\"\(y + 19)\" width=\"\(Self.barWidth)\" height=\"14\" fill=\"#eef1f7\"/>\n"
      out += "<rect x=\"0\" y=\"\(y + 19)\" width=\"\(length)\" height=\"14\" fill=\"\(fill)\"/>\n"
      out += "<text x=\"\(Self.barWidth + 8)\" y=\"\(y + 31)\">"
      out += HTMLText.escaped(bar.valueText) + "</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// `label`, or its first characters and "…" when it is longer than the line holds.
  static func shortened(_ label: String) -> String {
    guard label.count > maximumLabelCharacters else { return label }
    return String(label.prefix(maximumLabelCharacters - 1)) + "…"
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
