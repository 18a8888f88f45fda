import KhuyenCongXML
import Testing

/// Reads `text` fully, returning the start-element local names and the reader.
private func readAll(_ bytes: [UInt8], chunk: Int = 4096) -> (names: [String], reader: XMLPullReader) {
  var offset = 0
  let reader = XMLPullReader { buffer in
    let count = min(buffer.count, chunk, bytes.count - offset)
    guard count > 0 else { return 0 }
    for i in 0..<count { buffer[i] = bytes[offset + i] }
    offset += count
    return count
  }
  return (collectStarts(reader), reader)
}

private func collectStarts(_ reader: XMLPullReader) -> [String] {
  var names: [String] = []
  while reader.read() { if reader.kind == .elementStart { names.append(reader.localName) } }
  return names
}

@Suite("XML pull reader")
struct XMLPullReaderTests {
  @Test("elements, namespaces, attributes and text are reported per node")
  func nodes() {
    let xml = """
      <?xml version="1.0"?>
      <Workbook xmlns="urn:x" xmlns:ss="urn:x"><ss:Row ss:Index="12" other="a"><Data>Bắt &amp; đầu</Data></ss:Row><Row/></Workbook>
      """
    let reader = XMLPullReader(bytes: Array(xml.utf8))
    let row = reader.intern(namespace: "urn:x", local: "Row")
    let index = reader.intern(namespace: "urn:x", local: "Index")
    let other = reader.intern(namespace: nil, local: "other")
    var rows: [(Int??, String?, Bool, Int)] = []
    var text = ""
    while reader.read() {
      if reader.kind == .elementStart && reader.name == row {
        rows.append(
          (reader.attributeInt(index), reader.attribute(other), reader.isEmptyElement, reader.depth))
      }
      if reader.kind == .text { text += reader.value }
    }
    #expect(reader.failure == nil)
    #expect(rows.count == 2)
    #expect(rows[0].0 == .some(12))
    #expect(rows[0].1 == "a")
    #expect(rows[0].2 == false && rows[1].2 == true)
    #expect(rows[0].3 == 1)
    #expect(rows[1].0 == nil)
    #expect(text == "Bắt & đầu")
  }

  @Test("hasName agrees with comparing whole names, for names in and outside the dictionary")
  func hasNameAgrees() {
    // `u:` is never declared: libxml2 recovers with the name `u:Row`, put in its dictionary
    // under a different key than a lookup of `u:Row` gives, which `hasName` must still match.
    let xml = """
      <a xmlns="urn:x" xmlns:p="urn:p" p:k="1" k="2"><u:Row u:x="3"/><p:b/><b p:k="4"/></a>
      """
    let reader = XMLPullReader(bytes: Array(xml.utf8))
    let candidates = [
      reader.intern(namespace: "urn:x", local: "a"), reader.intern(namespace: "urn:x", local: "b"),
      reader.intern(namespace: "urn:p", local: "b"), reader.intern(namespace: nil, local: "b"),
      reader.intern(namespace: nil, local: "u:Row"),
    ]
    let pk = reader.intern(namespace: "urn:p", local: "k")
    let k = reader.intern(namespace: nil, local: "k")
    var seen: [String] = []
    var attributes: [String?] = []
    while reader.read() {
      guard reader.kind == .elementStart else { continue }
      let own = reader.intern(namespace: reader.namespaceURI, local: reader.localName)
      #expect(reader.hasName(own) && reader.name == own)
      for candidate in candidates {
        #expect(reader.hasName(candidate) == (reader.name == candidate))
        if reader.hasName(candidate) { seen.append(reader.localName) }
      }
      attributes += [reader.attribute(pk), reader.attribute(k)]
      // Looking at attributes leaves the element's own name in place.
      #expect(reader.hasName(own))
    }
    #expect(seen == ["a", "u:Row", "b", "b"])
    #expect(attributes == ["1", "2", nil, nil, nil, nil, "4", nil])
  }

  @Test(
    "names keep their namespace when it is declared several times, redeclared inside, or by prefix and default"
  )
  func namespacesDeclaredAgain() {
    // Six declarations of three URIs (more than the reader remembers), elements and
    // attributes alternating between them, siblings whose own declarations come and go.
    var xml = #"<a xmlns="urn:x" xmlns:ss="urn:x" xmlns:p="urn:p" xmlns:q="urn:q" ss:k="1">"#
    for n in 0..<30 {
      xml +=
        #"<b ss:k="\#(n)" p:k="p"><p:b xmlns:r="urn:r" r:k="r"/><c xmlns="urn:y" xmlns:t="urn:x" t:k="t"/></b>"#
    }
    xml += "</a>"
    let reader = XMLPullReader(bytes: Array(xml.utf8))
    let xb = reader.intern(namespace: "urn:x", local: "b")
    let pb = reader.intern(namespace: "urn:p", local: "b")
    let yc = reader.intern(namespace: "urn:y", local: "c")
    let xk = reader.intern(namespace: "urn:x", local: "k")
    let rk = reader.intern(namespace: "urn:r", local: "k")
    var names: [String] = []
    var values: [String] = []
    while reader.read() {
      guard reader.kind == .elementStart else { continue }
      for (name, label) in [(xb, "xb"), (pb, "pb"), (yc, "yc")] where reader.name == name {
        names.append(label)
      }
      // One walk over the attributes, the reader back on the element after.
      reader.forEachAttribute {
        if reader.hasName(xk) || reader.hasName(rk) {
          values.append(reader.withValue { String(cString: $0) } ?? "?")
        }
        return true
      }
      #expect(reader.namespaceURI != nil && reader.kind == .elementStart)
    }
    #expect(reader.failure == nil)
    #expect(names == Array(repeating: ["xb", "pb", "yc"], count: 30).flatMap { $0 })
    #expect(values == ["1"] + (0..<30).flatMap { ["\($0)", "r", "t"] })
  }

  @Test("a document pulled one byte at a time reads like one read at once")
  func chunking() {
    let xml = Array("<?xml version=\"1.0\"?><a><b>x</b><c/></a>".utf8)
    #expect(readAll(xml, chunk: 1).names == ["a", "b", "c"])
    #expect(collectStarts(XMLPullReader(bytes: xml)) == ["a", "b", "c"])
  }

  @Test("whitespace before the XML declaration is tolerated and lines stay true")
  func leadingWhitespace() {
    let xml = Array("\t\t\n\n<?xml version=\"1.0\"?>\n<a>\n<b>\n</a>".utf8)
    let reader = XMLPullReader(bytes: xml)
    _ = collectStarts(reader)
    #expect(reader.failure != nil)
    #expect(reader.failure?.line == 6)
  }

  @Test("a DOCTYPE is refused before any entity is expanded (billion laughs)")
  func billionLaughs() {
    var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    var previous = "lol"
    for level in 1...9 {
      let refs = String(repeating: "&\(previous);", count: 10)
      xml += "<!ENTITY lol\(level) \"\(refs)\">\n"
      previous = "lol\(level)"
    }
    xml += "]>\n<lolz>&lol9;</lolz>"
    let reader = XMLPullReader(bytes: Array(xml.utf8))
    var text = 0
    while reader.read() { if reader.kind == .text { text += reader.value.count } }
    #expect(reader.failure != nil)
    #expect(text == 0)
  }

  @Test("an external entity is never loaded (file:///etc/passwd does not leak)")
  func externalEntity() {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <a>&xxe;</a>
      """
    let reader = XMLPullReader(bytes: Array(xml.utf8))
    var text = ""
    while reader.read() { if reader.kind == .text { text += reader.value } }
    #expect(reader.failure != nil)
    #expect(!text.contains("root:"))
  }

  @Test("a truncated document fails with a line")
  func truncated() {
    let reader = XMLPullReader(bytes: Array("<?xml version=\"1.0\"?>\n<a>\n<b>text".utf8))
    _ = collectStarts(reader)
    #expect(reader.failure != nil)
    #expect((reader.failure?.line ?? 0) >= 2)
  }

  @Test("random bytes and an empty document fail without a crash")
  func garbage() {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    for bytes in [random, [], [0x00, 0x00, 0x00, 0x00]] {
      let reader = XMLPullReader(bytes: bytes)
      _ = collectStarts(reader)
      #expect(reader.failure != nil)
    }
  }

  @Test("an I/O error from the pull closure stops the read as a failure")
  func ioError() {
    let reader = XMLPullReader { _ in -1 }
    #expect(!reader.read())
    #expect(reader.failure != nil)
    #expect(reader.inputFailed)
  }

  @Test("the declared encoding is honoured: iso-8859-1 and UTF-16 with BOM")
  func encodings() {
    let latin: [UInt8] =
      Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>Voil".utf8) + [0xE0] + Array("</a>".utf8)
    let r1 = XMLPullReader(bytes: latin)
    var t1 = ""
    while r1.read() { if r1.kind == .text { t1 += r1.value } }
    #expect(t1 == "Voilà")
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>Đồng</a>".utf16 {
      utf16.append(UInt8(unit & 0xFF))
      utf16.append(UInt8(unit >> 8))
    }
    let r2 = XMLPullReader(bytes: utf16)
    var t2 = ""
    while r2.read() { if r2.kind == .text { t2 += r2.value } }
    #expect(r2.failure == nil)
    #expect(t2 == "Đồng")
  }
}
