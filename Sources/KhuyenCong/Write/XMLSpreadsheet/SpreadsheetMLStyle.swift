/// The cell styles every SpreadsheetML file we write declares, by `ss:ID`.
///
/// One fixed list, written in this order, so the `Styles` block is the same bytes every run.
/// Checked by rendering in LibreOffice 7.4 (`tools/render-check`), not only against the XSD.
enum SpreadsheetMLStyle: String, CaseIterable, Sendable {
  // The order matters to LibreOffice 7.4, whose default SpreadsheetML import (liborcus 0.17)
  // carries a style's borders and fill over to the next style that declares none: styles
  // without borders come first, then bordered ones, and the two shaded ones last. Styles that
  // hold no number format name `General` for the same reason (else STT showed as `1.0`).
  /// `Default`/`Normal`: Times New Roman 12, as Vietnamese administrative documents use.
  case normal = "Default"
  /// The sheet title: bold 14, centred (merged across with `ss:MergeAcross`).
  case title
  /// A centred line under the title (italic).
  case subtitle
  /// Centred bold text with no border (the form's title block).
  case centerBold
  /// Centred text with no border.
  case center
  /// Italic text with no border, right-aligned ("Đơn vị tính: triệu đồng").
  case note
  /// Plain text, no border (signature block).
  case plain
  /// Bold text, no border ("Nơi nhận:").
  case textBoldPlain
  /// A body text cell: wrapped, bordered.
  case text
  /// A body text cell in bold (section and total rows).
  case textBold
  /// Centred, bordered (STT, codes).
  case code
  /// Money and quantities: `#,##0.###` (thousands grouping, up to three decimals).
  case number
  /// The same in bold.
  case numberBold
  /// Percentages written as numbers (`66.7`, `12.35`): `0.0#`.
  case percent
  /// Column headings: bold, centred, wrapped, bordered, shaded.
  case header
  /// A text cell of a priority district, shaded so the ranking shows.
  case textPriority

  /// The `<Style>` element.
  var xml: String {
    let borders = """
      <Borders>
        <Border ss:Position="Bottom" ss:LineStyle="Continuous" ss:Weight="1"/>
        <Border ss:Position="Left" ss:LineStyle="Continuous" ss:Weight="1"/>
        <Border ss:Position="Right" ss:LineStyle="Continuous" ss:Weight="1"/>
        <Border ss:Position="Top" ss:LineStyle="Continuous" ss:Weight="1"/>
      </Borders>
      """
    let font = #"<Font ss:FontName="Times New Roman" x:Family="Roman" ss:Size="12""#
    let body: [String]
    switch self {
    case .normal:
      body = [#"<Alignment ss:Vertical="Top"/>"#, font + "/>"]
    case .title:
      body = [
        #"<Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>"#,
        #"<Font ss:FontName="Times New Roman" x:Family="Roman" ss:Size="14" ss:Bold="1"/>"#,
      ]
    case .subtitle:
      body = [
        #"<Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>"#,
        font + #" ss:Italic="1"/>"#,
      ]
    case .centerBold:
      body = [
        #"<Alignment ss:Horizontal="Center" ss:Vertical="Top" ss:WrapText="1"/>"#,
        font + #" ss:Bold="1"/>"#,
      ]
    case .center:
      body = [
        #"<Alignment ss:Horizontal="Center" ss:Vertical="Top" ss:WrapText="1"/>"#,
        font + "/>",
      ]
    case .note:
      body = [#"<Alignment ss:Horizontal="Right" ss:Vertical="Top"/>"#, font + #" ss:Italic="1"/>"#]
    case .header:
      body = [
        #"<Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>"#,
        borders, font + #" ss:Bold="1"/>"#,
        ##"<Interior ss:Color="#D9E1F2" ss:Pattern="Solid"/>"##, #"<NumberFormat ss:Format="General"/>"#,
      ]
    case .text:
      body = [
        #"<Alignment ss:Vertical="Top" ss:WrapText="1"/>"#, borders, #"<NumberFormat ss:Format="General"/>"#,
      ]
    case .textBold:
      body = [
        #"<Alignment ss:Vertical="Top" ss:WrapText="1"/>"#, borders, font + #" ss:Bold="1"/>"#,
        #"<NumberFormat ss:Format="General"/>"#,
      ]
    case .textPriority:
      body = [
        #"<Alignment ss:Vertical="Top" ss:WrapText="1"/>"#, borders,
        ##"<Interior ss:Color="#FFF2CC" ss:Pattern="Solid"/>"##, #"<NumberFormat ss:Format="General"/>"#,
      ]
    case .number:
      body = [#"<Alignment ss:Vertical="Top"/>"#, borders, ####"<NumberFormat ss:Format="#,##0.###"/>"####]
    case .numberBold:
      body = [
        #"<Alignment ss:Vertical="Top"/>"#, borders, font + #" ss:Bold="1"/>"#,
        ####"<NumberFormat ss:Format="#,##0.###"/>"####,
      ]
    case .percent:
      body = [#"<Alignment ss:Vertical="Top"/>"#, borders, #"<NumberFormat ss:Format="0.0#"/>"#]
    case .code:
      body = [
        #"<Alignment ss:Horizontal="Center" ss:Vertical="Top" ss:WrapText="1"/>"#, borders,
        #"<NumberFormat ss:Format="General"/>"#,
      ]
    case .plain:
      body = [#"<Alignment ss:Vertical="Top"/>"#]
    case .textBoldPlain:
      body = [#"<Alignment ss:Vertical="Top"/>"#, font + #" ss:Bold="1" ss:Italic="1"/>"#]
    }
    let name = self == .normal ? #" ss:Name="Normal""# : ""
    var lines = ["  <Style ss:ID=\"\(rawValue)\"\(name)>"]
    for part in body {
      for line in part.split(separator: "\n") { lines.append("   " + line) }
    }
    lines.append("  </Style>")
    return lines.joined(separator: "\n")
  }
}
