import KhuyenCong

/// Counts what a reader delivers, touching every cell's text, and keeps nothing.
struct FuzzRowCounter: WorkbookVisitor {
  var rows = 0
  var characters = 0

  mutating func beginSheet(name: String, index: Int) { characters += name.utf8.count }

  mutating func visit(_ row: SheetRow) {
    rows += 1
    for cell in row.cells { characters += cell.value.displayText.utf8.count }
  }

  mutating func endSheet() {}
}
