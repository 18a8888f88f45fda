import Testing

@testable import KhuyenCong

@Suite("CSV structure: rows, cells and the sheet as a spreadsheet shows them")
struct CSVStructureTests {
  @Test("a quoted cell with a line break is one row: later rows keep their record number")
  func recordNumbering() throws {
    let result = readCSV(try csvFixture("encodings/plan-utf8.csv"))
    #expect(
      result.text(7, 3) == "Hỗ trợ ứng dụng máy móc thiết bị chế biến chè\n(dây chuyền sao, sấy)")
    #expect(result.text(8, 3) == "Tổng cộng")
    #expect(
      result.report.sheets == [SheetSummary(name: "plan", rowCount: 8, lastRow: 8, lastColumn: 6)]
    )
  }

  @Test("rows with no value are not delivered, but still count")
  func emptyRowsSkipped() {
    let result = readCSV(Array("a,b\r\n,\r\n\r\n ,\r\nc,d\r\n".utf8))
    #expect(result.rows.map(\.number) == [1, 4, 5])
    #expect(result.text(4, 1) == " ")  // not trimmed: the mapper trims
    #expect(result.report.sheets.first?.rowCount == 3)
  }

  @Test("only non-empty cells are delivered, at their column")
  func sparseCells() {
    let result = readCSV(Array(";;Tổng cộng;;350,5\n".utf8))
    #expect(result.report.delimiter == ";")
    #expect(
      result.rows == [
        SheetRow(
          number: 1,
          cells: [
            Cell(column: 3, value: .text("Tổng cộng")), Cell(column: 5, value: .text("350,5")),
          ])
      ])
  }

  @Test("CR, LF and CRLF all end a record; a final record needs no line end")
  func lineEnds() {
    let result = readCSV(Array("a,b\rc,d\ne,f\r\ng,h".utf8))
    #expect(
      result.rows.map { $0.cells.map(\.value.displayText) } == [
        ["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"],
      ])
  }

  @Test("the delimiter is the one with a steady count, not a comma inside numbers")
  func delimiterSniffing() {
    let text =
      "KẾ HOẠCH KHUYẾN CÔNG NĂM 2017;;;\r\nLâm Bình, ngày 25 tháng 10 năm 2016;;;\r\n"
      + "STT;Tên đề án;KCQG;KCĐP\r\n1;Đào tạo nghề;1.234,5;20,25\r\n"
    let result = readCSV(Array(text.utf8))
    #expect(result.report.delimiter == ";")
    #expect(result.text(4, 3) == "1.234,5")
  }

  @Test("a file with no delimiter at all is one column")
  func singleColumn() {
    let result = readCSV(Array("Tên đề án\nĐào tạo nghề\n".utf8))
    #expect(result.report.delimiter == ",")
    #expect(result.text(2, 1) == "Đào tạo nghề")
  }

  @Test("the visitor sees exactly one sheet, named after the file as Excel names it, index 0")
  func oneSheet() {
    struct Recorder: WorkbookVisitor {
      var events: [String] = []
      mutating func beginSheet(name: String, index: Int) { events.append("begin \(name) \(index)") }
      mutating func visit(_ row: SheetRow) { events.append("row \(row.number)") }
      mutating func endSheet() { events.append("end") }
    }
    var source = MemorySource(Array("a\n\nb\n".utf8))
    var recorder = Recorder()
    let report = CSVReader.read(&source, file: "x.csv", into: &recorder)
    #expect(recorder.events == ["begin x 0", "row 1", "row 3", "end"])
    #expect(report.format == .csv)
  }
}
