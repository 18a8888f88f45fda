import KhuyenCong
import KhuyenCongIntake
import Testing

/// The check of `plan-N.xml` on its own thread gives the verdict the check on the writer's
/// thread gives, whatever the chunks (`consolidate` runs it piped, issue 7).
@Suite("Piped schema check of the plan's XML")
struct PipedSpreadsheetCheckTests {
  /// A document the schema accepts: the blank form is checked against the same XSD.
  private static func validDocument() throws -> [UInt8] {
    let programme = Programme.embeddedDefault()
    let district = try #require(programme.districts.first)
    return TemplateWriter.spreadsheetML(
      programme: programme, year: PlanYear(rawValue: 2018), district: district)
  }

  private static func verdict(_ check: any PlanSpreadsheetCheckFeed, _ bytes: [UInt8], chunk: Int)
    -> PlanOutputError?
  {
    var offset = 0
    while offset < bytes.count {
      let end = min(offset + chunk, bytes.count)
      bytes[offset..<end].withUnsafeBytes { check.feed($0) }
      offset = end
    }
    return check.finish()
  }

  @Test(
    "valid, cut short, or with an element the schema does not know: the same verdict piped as in place, at any chunk size"
  )
  func sameVerdict() throws {
    let valid = try Self.validDocument()
    let text = String(decoding: valid, as: UTF8.self)
    let alien = try #require(text.range(of: "<Row"))
    let invalid = Array(text.replacingCharacters(in: alien, with: "<Rows/><Row").utf8)
    let documents: [(String, [UInt8])] = [
      ("valid", valid), ("cut short", Array(valid.prefix(valid.count / 2))), ("unknown element", invalid),
      ("empty", []),
    ]
    for (name, bytes) in documents {
      let inPlace = Self.verdict(try PlanSpreadsheetCheck(), bytes, chunk: 65_536)
      #expect((inPlace == nil) == (name == "valid"), "\(name): \(String(describing: inPlace))")
      // Chunks smaller than the queue's room make the writer wait for the check.
      for chunk in [1, 97, 4096, 65_536] where chunk > 1 || bytes.count < 20_000 {
        let piped = Self.verdict(PipedSpreadsheetCheck(try PlanSpreadsheetCheck()), bytes, chunk: chunk)
        #expect(piped == inPlace, "\(name), chunks of \(chunk)")
      }
    }
  }

  @Test("many checks one after another each end their thread with their own verdict")
  func manyChecks() throws {
    let valid = try Self.validDocument()
    for round in 0..<20 {
      let bytes = round.isMultiple(of: 2) ? valid : Array(valid.dropLast(10))
      let piped = Self.verdict(PipedSpreadsheetCheck(try PlanSpreadsheetCheck()), bytes, chunk: 8192)
      #expect((piped == nil) == round.isMultiple(of: 2), "round \(round)")
    }
  }
}
