/// The shared string table (`xl/sharedStrings.xml`): `t="s"` cells hold an index into it.
enum XLSXSharedStrings {
  /// Each `<si>` as one NFC string of the table: its `<t>`, or its rich-text runs `<r><t>`
  /// joined.
  /// Phonetic guides (`<rPh>`, furigana over Japanese text) are not shown in the cell and are
  /// left out.
  static func parse(_ stream: XLSXPartStream, part: String, file: String) throws(XLSXFailure)
    -> XLSXStringTable
  {
    struct State {
      var si: XLSXName
      var t: XLSXName
      var rPh: XLSXName
      var inItem = false
      var inText = false
      var phoneticDepth = 0
      var buffer: [UInt8] = []
      let strings: XLSXStringTable
    }
    // What the zip declares for the part, within the part's budget (`ReadLimits.maxEntryBytes`).
    let declared = Int(clamping: stream.entry.declaredUncompressedSize)
    let strings = XLSXStringTable(reservingBytes: min(declared, stream.budget))
    let state = try XLSXPartParser.parse(
      stream, part: part, file: file,
      setUp: { reader in
        State(
          si: XLSXName(main: "si", in: reader), t: XLSXName(main: "t", in: reader),
          rPh: XLSXName(main: "rPh", in: reader), strings: strings)
      },
      visit: { reader, state in
        switch reader.kind {
        case .elementStart:
          if state.si.matches(reader) {
            state.buffer.removeAll(keepingCapacity: true)
            if !stream.readBudget.addSharedString() {
              return
            } else if reader.isEmptyElement {
              state.strings.append(read: [])
            } else {
              state.inItem = true
            }
          } else if state.inItem && state.rPh.matches(reader) && !reader.isEmptyElement {
            state.phoneticDepth += 1
          } else if state.inItem && state.phoneticDepth == 0 && state.t.matches(reader) {
            state.inText = !reader.isEmptyElement
          }
        case .elementEnd:
          if state.si.matches(reader) {
            state.strings.append(read: state.buffer)
            state.inItem = false
          } else if state.inItem && state.rPh.matches(reader) {
            state.phoneticDepth -= 1
          } else if state.t.matches(reader) {
            state.inText = false
          }
        case .text:
          if state.inText { reader.appendValue(to: &state.buffer) }
        case .other:
          return
        }
      })
    return state.strings
  }
}
