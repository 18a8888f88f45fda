// libFuzzer target: the xlsx reader (zip directory, inflate, parts, shared strings, budgets).
// See fuzz/README.md.
import KhuyenCong

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var source = MemorySource(Array(UnsafeBufferPointer(start: data, count: size)), chunkSize: 4096)
  var rows = FuzzRowCounter()
  _ = XLSXReader.read(&source, file: "fuzz.xlsx", into: &rows)
  return 0
}
