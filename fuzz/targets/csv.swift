// libFuzzer target: the CSV reader (encodings, delimiters, quoting, budgets). See README, "Fuzzing".
import KhuyenCong

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var source = MemorySource(Array(UnsafeBufferPointer(start: data, count: size)), chunkSize: 4096)
  var rows = FuzzRowCounter()
  _ = CSVReader.read(&source, file: "fuzz.csv", into: &rows)
  return 0
}
