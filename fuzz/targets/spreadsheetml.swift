// libFuzzer target: the XML Spreadsheet 2003 reader (libxml2 pull reader, attribute pre-scan,
// merges, budgets). See README, "Fuzzing".
import KhuyenCong

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpreadsheetML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var source = MemorySource(Array(UnsafeBufferPointer(start: data, count: size)), chunkSize: 4096)
  var rows = FuzzRowCounter()
  _ = SpreadsheetMLReader.read(&source, file: "fuzz.xml", into: &rows)
  return 0
}
