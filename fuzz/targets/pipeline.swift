// libFuzzer target: the whole path a submission takes — sniff, read, map, validate — and the
// reports rendered from it (text and JSON, both languages). See README, "Fuzzing".
import KhuyenCong

let programme = Programme.embeddedDefault()
/// Built once, as `run` and `consolidate` do for many files.
let lookups = ProgrammeLookups(programme)
/// As in the xlsx target: a smaller inflation allowance, so the time ceiling finds logic.
let limits: ReadLimits = {
  var limits = ReadLimits.standard
  limits.budget.uncompressedConstant = 4 << 20
  return limits
}()

/// Decodes the programme and builds its tables before the first input, so that what the first
/// input is charged with (the time `-timeout` and the memory `-malloc_limit_mb` judge) is its own.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  _ = programme
  _ = lookups
  _ = limits
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var source = MemorySource(Array(UnsafeBufferPointer(start: data, count: size)), chunkSize: 4096)
  let outcome = SubmissionValidator.validate(&source, named: "fuzz", against: programme, limits: limits, lookups: lookups)
  for language in Language.allCases {
    _ = ValidationReport.text([outcome.result], programme: programme, language: language)
    _ = ValidationReport.json([outcome.result], language: language)
  }
  return 0
}
