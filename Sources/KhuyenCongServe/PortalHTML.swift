import Foundation
import KhuyenCong
import KhuyenCongIntake

/// The portal's page frame: the look of `plan-N.html` (serif text, dark-blue headings, ruled
/// tables), self-contained (inline CSS, no script, no font or image fetched), every piece of
/// text escaped (issue 10).
enum PortalHTML {
  /// The style sheet of every page. The Content-Security-Policy names its hash, so no other
  /// style (and no script at all) runs even if markup were ever injected.
  static let css = """
    body{font-family:"Times New Roman",Times,"Liberation Serif","DejaVu Serif",serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#1a1a1a}
    h1,h2{color:#1f3864}h1 small,h2 small{display:block;font-size:55%;color:#666;font-weight:normal}
    nav{margin-bottom:1em}nav a{margin-right:1.2em}
    table{border-collapse:collapse;margin:.5em 0 1.5em}
    th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
    th{background:#d9e1f2}td.n{text-align:right;white-space:nowrap}
    form.box,.box{border:1px solid #999;padding:.8em 1em;margin:1em 0;background:#fafafa}
    label{display:inline-block;min-width:11em}p.f{margin:.4em 0}
    .verdict{font-size:130%;font-weight:bold;padding:.4em .8em;border:2px solid}
    .accepted{color:#375623;border-color:#375623;background:#e2efda}
    .rejected{color:#c00000;border-color:#c00000;background:#fce4e4}
    .notice{border-left:4px solid #1f3864;padding:.3em .8em;background:#eef2f9}
    .refused{border-left:4px solid #c00000;padding:.3em .8em;background:#fce4e4}
    table.grid{font:13px Arial,"Liberation Sans","DejaVu Sans",sans-serif}
    table.grid th{background:#e7e6e6;color:#444;font-weight:normal;text-align:center}
    table.grid td{min-width:3em;max-width:28em;white-space:pre-wrap;overflow-wrap:anywhere}
    table.grid tr.gap th,table.grid tr.gap td{background:#f7f7f7;color:#888;text-align:center}
    td.sev-error,th.sev-error{background:#ffc7ce;outline:2px solid #c00000}
    td.sev-warning,th.sev-warning{background:#ffeb9c;outline:2px solid #9c6500}
    td.sev-info,th.sev-info{background:#ddebf7;outline:2px solid #2f75b5}
    table.grid td.sev-error,table.grid td.sev-warning,table.grid td.sev-info{min-width:14em}
    td.sev-error:target,td.sev-warning:target,td.sev-info:target,th:target{outline-width:4px}
    span.m{display:block;font-size:85%;margin-top:.2em;padding-top:.2em;border-top:1px dashed #999;white-space:normal}
    span.m.error{color:#9c0006}span.m.warning{color:#7f4f00}span.m.info{color:#1f4e79}
    .code{font-family:monospace;font-size:90%}
    .status-accepted{color:#375623;font-weight:bold}.status-rejected,.status-late{color:#c00000;font-weight:bold}
    .status-missing{color:#7f6000;font-weight:bold}.status-submitted{color:#1f4e79;font-weight:bold}
    pre{white-space:pre-wrap;background:#f7f7f7;border:1px solid #ccc;padding:.5em}
    """

  /// `sha256-…` of the style sheet, for the Content-Security-Policy.
  static let cssHash: String = {
    var hasher = SHA256()
    hasher.update(Array(css.utf8))
    return "sha256-" + Data(hasher.finalize()).base64EncodedString()
  }()

  /// The policy every HTML page is sent with: nothing but its own style sheet; forms post
  /// only to the portal itself; no framing.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src '\(cssHash)'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

  /// A whole page.
  /// - Parameter path: where the other language's link goes (a GET page: itself).
  static func page(title: String, language: Language, body: String, path: String = "/") -> String {
    let vi = language == .vi
    let other: Language = vi ? .en : .vi
    return """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="referrer" content="no-referrer">
      <title>\(e(title))</title>
      <style>\(css)</style>
      </head>
      <body>
      <nav><a href="/?lang=\(language.rawValue)">\(vi ? "Kiểm tra và nộp kế hoạch" : "Check and submit a plan")</a>\
      <a href="/status?lang=\(language.rawValue)">\(vi ? "Tình hình nộp kế hoạch" : "Submission status")</a>\
      <a href="\(e(path))?lang=\(other.rawValue)" hreflang="\(other.rawValue)">\(vi ? "English" : "Tiếng Việt")</a></nav>
      \(body)
      </body>
      </html>

      """
  }

  /// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in element content and in quoted
  /// attribute values.
  static func e(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\0": out += "\u{FFFD}"
      default: out.append(character)
      }
    }
    return out
  }

  /// An amount in triệu đồng in the reader's convention.
  static func amount(_ money: Money, _ language: Language) -> String {
    NumberDisplay.text(money.trieu, in: language)
  }

  /// A message page (a refusal, or a plain answer).
  static func message(
    title: String, language: Language, text: String, refused: Bool = true
  ) -> String {
    page(
      title: title, language: language,
      body: "<h1>\(e(title))</h1>\n<p class=\"\(refused ? "refused" : "notice")\">\(e(text))</p>\n")
  }

  /// An ISO date (`2016-10-28`) or UTC time (`2016-10-28T01:02:03Z`) as the reader writes it:
  /// `28/10/2016 01:02 UTC` in Vietnamese; English keeps ISO 8601.
  static func date(_ iso: String?, _ language: Language) -> String {
    guard let iso else { return "" }
    guard language == .vi, iso.count >= 10 else { return iso }
    let parts = iso.prefix(10).split(separator: "-")
    guard parts.count == 3 else { return iso }
    var text = "\(parts[2])/\(parts[1])/\(parts[0])"
    if iso.count >= 16, iso.dropFirst(10).first == "T" {
      text += " " + iso.dropFirst(11).prefix(5) + (iso.hasSuffix("Z") ? " UTC" : "")
    }
    return text
  }

  /// The hidden field that keeps the page's language across a form.
  static func languageField(_ language: Language) -> String {
    "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">"
  }

  /// Names of the fund sources, in the order of the form.
  static func fundNames(_ language: Language) -> [(FundSource?, String)] {
    language == .vi
      ? [
        (nil, "Tổng"), (.national, "KCQG"), (.local, "KCĐP"), (.counterpart, "Đối ứng"),
        (.other, "Nguồn khác"),
      ]
      : [
        (nil, "Total"), (.national, "National"), (.local, "Local"), (.counterpart, "Counterpart"),
        (.other, "Other"),
      ]
  }
}
