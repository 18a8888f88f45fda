import Foundation
import Hummingbird
import KhuyenCong

/// The language a page is written in: `?lang=vi|en` wins, then the browser's
/// `Accept-Language`, then Vietnamese (issue 10).
enum PortalLanguage {
  static func of(_ request: Request) -> Language {
    if let asked = request.uri.queryParameters["lang"], let language = Language(rawValue: String(asked)) {
      return language
    }
    return fromAcceptLanguage(request.headers[.acceptLanguage])
  }

  /// The best of `vi` and `en` in an `Accept-Language` header (`en-US,en;q=0.9,vi;q=0.5`);
  /// Vietnamese when it names neither, or names both equally.
  static func fromAcceptLanguage(_ header: String?) -> Language {
    guard let header else { return .vi }
    var best: (language: Language, quality: Double)?
    for item in header.split(separator: ",").prefix(32) {
      let parts = item.split(separator: ";")
      guard let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() else { continue }
      let primary = tag.split(separator: "-").first.map(String.init) ?? tag
      guard let language = Language(rawValue: primary) else { continue }
      var quality = 1.0
      for parameter in parts.dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1)
        if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == "q",
          let value = Double(pair[1].trimmingCharacters(in: .whitespaces))
        {
          quality = value
        }
      }
      guard quality > 0 else { continue }
      if best == nil || quality > (best?.quality ?? 0) || (quality == best?.quality && language == .vi) {
        best = (language, quality)
      }
    }
    return best?.language ?? .vi
  }
}
