/// Answers about cell texts, computed once per distinct text: found by the cell's `textID`
/// (an array index: no hashing, no comparing) when its reader numbered the text, by the text's
/// bytes (`Memo`) otherwise. `compute` must depend on the text alone: a number stands for one
/// text of the file (`Cell.textID`), and the mapper that keeps this memo reads one file.
///
/// Bounded: numbers are below `TextInterner.maxEntries` (others are looked up by text), and
/// `Memo` keeps at most its limit.
struct CellTextMemo<Value> {
  private var byID: [Value?] = []
  private var byText = Memo<TextBytes, Value>()

  /// `compute(text)`, remembered under `id` when there is one, under the text otherwise.
  mutating func value(for text: String, id: Int32?, _ compute: (String) -> Value) -> Value {
    guard let id, id >= 0, Int(id) < TextInterner.maxEntries else {
      return byText.value(for: TextBytes(text)) { compute($0.text) }
    }
    let index = Int(id)
    if index < byID.count, let known = byID[index] { return known }
    let value = compute(text)
    if index >= byID.count {
      let count = min(TextInterner.maxEntries, max(index + 1, 2 * byID.count, 64))
      byID.append(contentsOf: repeatElement(nil, count: count - byID.count))
    }
    byID[index] = value
    return value
  }

  /// What was remembered under number `id`, if anything: asked before the cell's text is even
  /// looked at (issue 7: copying it out of the cell costs a retain and a release).
  func known(id: Int32) -> Value? {
    guard id >= 0, Int(id) < byID.count else { return nil }
    return byID[Int(id)]
  }

  /// `compute(text)` for the text of `cell`, remembered; `nil` when the cell holds no text.
  mutating func value(of cell: Cell, _ compute: (String) -> Value) -> Value? {
    guard case .text(let text) = cell.value else { return nil }
    return value(for: text, id: cell.textID, compute)
  }
}

extension CellTextMemo: Sendable where Value: Sendable {}
