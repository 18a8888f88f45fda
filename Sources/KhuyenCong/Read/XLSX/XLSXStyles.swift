/// Which cell styles (`s="…"` → `cellXfs/xf`) show numbers as dates (`xl/styles.xml`).
struct XLSXStyles {
  /// Indexed by the cell's `s`.
  private var dateStyles: [Bool] = []

  /// No styles part: every number is a number.
  init() {}

  /// Styles whose index `i` formats dates when `dateStyles[i]` (tests).
  init(dateStyles: [Bool]) { self.dateStyles = dateStyles }

  /// Whether style index `index` formats numbers as dates; unknown indexes are not dates.
  func isDate(style index: Int) -> Bool {
    dateStyles.indices.contains(index) && dateStyles[index]
  }

  /// Parses the styles part.
  static func parse(_ stream: XLSXPartStream, part: String, file: String) throws(XLSXFailure)
    -> XLSXStyles
  {
    struct State {
      var numFmt: XLSXName
      var cellXfs: XLSXName
      var xf: XLSXName
      var numFmtId: XLSXName
      var formatCode: XLSXName
      var inCellXfs = false
      var customFormats: [Int: String] = [:]
      var xfFormats: [Int] = []
    }
    let state = try XLSXPartParser.parse(
      stream, part: part, file: file,
      setUp: { reader in
        State(
          numFmt: XLSXName(main: "numFmt", in: reader),
          cellXfs: XLSXName(main: "cellXfs", in: reader),
          xf: XLSXName(main: "xf", in: reader), numFmtId: XLSXName(plain: "numFmtId", in: reader),
          formatCode: XLSXName(plain: "formatCode", in: reader))
      },
      visit: { reader, state in
        switch reader.kind {
        case .elementStart:
          if state.numFmt.matches(reader) {
            if let id = state.numFmtId.attribute(in: reader).flatMap(Int.init),
              let code = state.formatCode.attribute(in: reader)
            {
              state.customFormats[id] = code
            }
          } else if state.cellXfs.matches(reader) {
            state.inCellXfs = !reader.isEmptyElement
          } else if state.inCellXfs && state.xf.matches(reader) {
            // `cellStyleXfs` also holds `xf` elements: only `cellXfs` is indexed by `s`.
            state.xfFormats.append(state.numFmtId.attribute(in: reader).flatMap(Int.init) ?? 0)
          }
        case .elementEnd:
          if state.cellXfs.matches(reader) { state.inCellXfs = false }
        case .text, .other:
          return
        }
      })
    var styles = XLSXStyles()
    styles.dateStyles = state.xfFormats.map { id in
      // A custom code may redefine a built-in id; the code then decides.
      if let code = state.customFormats[id] { return XLSXNumberFormat.isDate(code: code) }
      return XLSXNumberFormat.isBuiltInDate(id)
    }
    return styles
  }
}
