import Foundation

/// The `json` format of a review: the very bytes `JSONRenderer.render(report)` gives, with the `hunks` array
/// written out here rather than by the encoder.
///
/// A push of a few hundred commits has thousands of hunks, three quarters of the document, and the encoder spends
/// its time on their six fields each. Here everything but the hunks is still encoded (keys, order and figures are
/// the encoder's), and each hunk is written from strings the encoder quoted: every distinct path once, so escaping
/// is the encoder's too. `ReviewJSONRendererTests` holds both ways to the same bytes.
package enum ReviewJSONRenderer {
  /// The empty `hunks` array as the pretty printer writes it at the top level; a string value never holds a raw
  /// newline, so this text cannot occur inside one.
  private static let emptyHunks = "\n  \"hunks\" : [\n\n  ]"

  package static func render(_ report: ReviewReport) throws -> String {
    guard !report.hunks.isEmpty else { return try JSONRenderer.render(report) }
    var rest = report
    rest.hunks = []
    let whole = Array(try JSONRenderer.render(rest).utf8)
    let marker = Array(emptyHunks.utf8)
    guard let start = firstIndex(of: marker, in: whole) else { return try JSONRenderer.render(report) }
    var quoted = QuotedStrings()
    var text: [UInt8] = []
    text.reserveCapacity(whole.count + report.hunks.count * 160)
    text += whole[..<start]
    text += "\n  \"hunks\" : [".utf8
    for (index, hunk) in report.hunks.enumerated() {
      // The keys in the encoder's sorted order.
      text += (index == 0 ? "\n    {\n      \"authorship\" : " : ",\n    {\n      \"authorship\" : ").utf8
      text += try quoted(hunk.authorship.rawValue)
      text += ",\n      \"findings\" : \(hunk.findings),\n      \"lines\" : \(hunk.lines),\n      \"path\" : ".utf8
      text += try quoted(hunk.path)
      text += ",\n      \"start\" : \(hunk.start),\n      \"verdict\" : ".utf8
      text += try quoted(hunk.verdict.rawValue)
      text += "\n    }".utf8
    }
    text += "\n  ]".utf8
    text += whole[(start + marker.count)...]
    return String(decoding: text, as: UTF8.self)
  }

  /// Where `needle` first starts in `haystack`.
  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var index = 0
    while index <= haystack.count - needle.count {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  /// Strings as JSON string literals, each quoted once by the encoder.
  private struct QuotedStrings {
    private var known: [String: [UInt8]] = [:]

    mutating func callAsFunction(_ value: String) throws -> [UInt8] {
      if let literal = known[value] { return literal }
      let literal = Array(try JSONRenderer.fragment(value, depth: 0).utf8)
      known[value] = literal
      return literal
    }
  }
}
