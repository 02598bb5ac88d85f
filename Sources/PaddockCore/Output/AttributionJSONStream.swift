/// Renders an attribution whose files arrive one at a time (`Attributor.attribute(_:summary:file:)`) as the very
/// bytes `JSONRenderer.render` gives for the whole attribution, without ever holding the whole document.
///
/// `prefix`, then `file` for each file, then `suffix()`. Everything but the files comes from encoding the summary
/// itself, so the keys, their order and the figures are exactly those of the whole document; each file is encoded
/// alone and indented to its place in the `files` array.
package struct AttributionJSONStream {
  /// The document up to and including the `files` array's opening bracket.
  package let prefix: String
  private let rest: String
  private var written = 0

  /// The empty `files` array as the pretty printer writes it at the top level; a string value never holds a raw
  /// newline, so this text cannot occur inside one.
  private static let emptyFiles = "\n  \"files\" : [\n\n  ]"

  /// `summary` is the attribution without its files.
  package init(summary: RangeAttribution) throws {
    var empty = summary
    empty.files = []
    let whole = try JSONRenderer.render(empty)
    guard let marker = whole.range(of: Self.emptyFiles) else {
      throw EncodingError.invalidValue(
        summary, EncodingError.Context(codingPath: [], debugDescription: "no files array in the attribution"))
    }
    prefix = String(whole[..<marker.lowerBound]) + "\n  \"files\" : ["
    rest = String(whole[marker.upperBound...])
  }

  /// The next file, with the separator before it.
  package mutating func file(_ file: FileAttribution) throws -> String {
    defer { written += 1 }
    return (written == 0 ? "\n    " : ",\n    ") + (try JSONRenderer.fragment(file, depth: 2))
  }

  /// The rest of the document after the last file, with its trailing newline.
  package func suffix() -> String { (written == 0 ? "\n\n  ]" : "\n  ]") + rest }
}
