import Testing

@testable import KhuyenCong

/// Filling a template in one pass over its bytes says exactly what filling it key by key
/// with Foundation's character comparison says (issue 7: the one pass is the hot path of a
/// plan with many merge notes).
@Suite("Messages: one-pass filling")
struct MessageFillTests {
  static let plain: [String] = [
    "", "Xã Thượng Lâm", "1.811,5", "Hộ kinh doanh Nguyễn Văn An", "Đài Truyền thanh – Truyền hình",
    "line↵break", "tab\there", "₫ 20", "ok", "3.3, 4.3",
  ]
  static let awkward: [String] = [
    "x{y}z", "{value}", "a}b", "\u{301}đầu", "cuối\u{301}", "e\u{301}", "🇻🇳", "ק", "\u{0600}1", "{", "}",
  ]
  static let keys = ["value", "district", "other", "reason", "total", "sum", "column", "expected"]

  @Test("every template of both languages: plain values take the one pass, with the same text")
  func everyTemplate() {
    let templates = Array(MessageCatalog.vietnamese.values) + Array(MessageCatalog.english.values)
    for (offset, template) in templates.enumerated() {
      for shift in 0..<Self.plain.count {
        var values: [String: String] = [:]
        for (index, key) in Self.keys.enumerated() where (index + shift) % 4 != 0 {
          values[key] = Self.plain[(index + shift + offset) % Self.plain.count]
        }
        let fast = MessageCatalog.quickFill(template, values)
        #expect(fast != nil, "\(template)")
        #expect(fast == MessageCatalog.slowFill(template, values), "\(template) \(values)")
      }
    }
  }

  @Test("awkward values: the one pass declines, or says the same")
  func awkwardEverywhere() {
    let templates = Array(MessageCatalog.vietnamese.values) + Array(MessageCatalog.english.values)
    for (offset, template) in templates.enumerated() {
      for shift in 0..<Self.awkward.count {
        var values: [String: String] = [:]
        for (index, key) in Self.keys.enumerated() {
          let pool = (index + shift) % 3 == 0 ? Self.awkward : Self.plain
          values[key] = pool[(index + shift + offset) % pool.count]
        }
        if let fast = MessageCatalog.quickFill(template, values) {
          #expect(fast == MessageCatalog.slowFill(template, values), "\(template) \(values)")
        }
      }
    }
  }

  @Test("a value holding a brace or starting with a combining mark takes the slow path")
  func awkwardValues() {
    #expect(MessageCatalog.quickFill("Ô {value} sai", ["value": "{other}"]) == nil)
    #expect(MessageCatalog.quickFill("Ô {value} sai", ["value": "\u{301}a"]) == nil)
    #expect(MessageCatalog.quickFill("Ô {value} sai", ["value": "Lâm Bình"]) == "Ô Lâm Bình sai")
    #expect(MessageCatalog.quickFill("Ô {value}{missing} sai", [:]) == "Ô  sai")
  }
}
