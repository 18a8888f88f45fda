import Foundation
import Testing
@testable import KhuyenCong

/// `schemas/programme.schema.json` documents the format; these tests keep it in step with the
/// embedded default. (Full JSON Schema validation needs a validator this build does not have;
/// during development the default was checked with Python's `jsonschema`, Draft 2020-12.)
@Suite("the programme JSON schema")
struct ProgrammeSchemaTests {
  func schema() throws -> JSONNode {
    let url = ProgrammeFixture.packageRoot.appendingPathComponent("schemas/programme.schema.json")
    return try LineTrackingJSONParser.parse(Array(try Data(contentsOf: url)))
  }

  /// Every key of every object in `node`.
  func keys(_ node: JSONNode) -> Set<String> {
    switch node.value {
    case .object(let members):
      return members.reduce(into: Set(members.map(\.key))) { $0.formUnion(keys($1.node)) }
    case .array(let elements):
      return elements.reduce(into: Set<String>()) { $0.formUnion(keys($1)) }
    default:
      return []
    }
  }

  /// Every key declared under a `properties` object anywhere in the schema.
  func declaredProperties(_ node: JSONNode) -> Set<String> {
    switch node.value {
    case .object(let members):
      var found = Set<String>()
      for member in members {
        if member.key == "properties", case .object(let properties) = member.node.value {
          found.formUnion(properties.map(\.key))
        }
        found.formUnion(declaredProperties(member.node))
      }
      return found
    case .array(let elements):
      return elements.reduce(into: Set<String>()) { $0.formUnion(declaredProperties($1)) }
    default:
      return []
    }
  }

  @Test("the schema is valid JSON and declares draft 2020-12")
  func schemaIsJSON() throws {
    guard case .object(let members) = try schema().value else {
      Issue.record("the schema is not a JSON object")
      return
    }
    #expect(
      members.first { $0.key == "$schema" }?.node.value
        == .string("https://json-schema.org/draft/2020-12/schema"))
  }

  @Test("every key the embedded default uses is declared in the schema")
  func defaultKeysAreDeclared() throws {
    let used = keys(try LineTrackingJSONParser.parse(Array(Programme.defaultJSON.utf8)))
    let declared = declaredProperties(try schema())
    #expect(used.subtracting(declared).sorted() == [])
  }

  @Test("every key the minimal fixture uses is declared in the schema")
  func fixtureKeysAreDeclared() throws {
    let used = keys(try LineTrackingJSONParser.parse(try ProgrammeFixture.bytes("minimal.json")))
    #expect(used.subtracting(declaredProperties(try schema())).sorted() == [])
  }
}
