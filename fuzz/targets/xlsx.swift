// libFuzzer target: the xlsx reader (zip directory, inflate, parts, shared strings, budgets).
// See README, "Fuzzing".
import KhuyenCong

/// The standard limits with a smaller inflation allowance: a fuzzer explores logic, and a
/// 13 KB input inflating to 24 MB of XML (legitimately, under the standard 32 MiB) would only
/// spend the per-input time ceiling on libxml2.
let limits: ReadLimits = {
  var limits = ReadLimits.standard
  limits.budget.uncompressedConstant = 4 << 20
  return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var source = MemorySource(Array(UnsafeBufferPointer(start: data, count: size)), chunkSize: 4096)
  var rows = FuzzRowCounter()
  _ = XLSXReader.read(&source, file: "fuzz.xlsx", limits: limits, into: &rows)
  return 0
}
