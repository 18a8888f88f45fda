import Testing

@Suite("command line")
struct HelpTests {
  @Test("an unknown option exits 2, as SPEC §6 says, not ArgumentParser's 64")
  func usageErrorExitsTwo() throws {
    let run = try runCLI(["--no-such-option"])
    #expect(run.status == 2)
  }
}
