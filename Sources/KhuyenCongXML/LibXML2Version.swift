internal import CLibXML2

/// The libxml2 this program runs with (`20914` for 2.9.14), for `inspect` and bug reports.
public func libxml2RuntimeVersion() -> Int {
  guard let text = __xmlParserVersion()?.pointee else { return 0 }
  var value = 0
  var pointer = text
  while pointer.pointee >= 48 && pointer.pointee <= 57 {
    value = value * 10 + Int(pointer.pointee - 48)
    pointer += 1
  }
  return value
}
