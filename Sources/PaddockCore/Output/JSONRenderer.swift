import Foundation

/// Renders any report as stable JSON: sorted keys, one trailing newline.
///
/// Field names are snake_case through each type's `CodingKeys` (a key strategy would
/// cost a string conversion per key per record).
package enum JSONRenderer {
  package static func render<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encode(value), as: UTF8.self) + "\n"
  }

  /// `value` as `render` writes it where it stands `depth` levels deep in a document: every line after the first
  /// indented by two spaces per level, as the pretty printer indents nested values (a blank line, the inside of an
  /// empty array, stays blank). No trailing newline.
  static func fragment<T: Encodable>(_ value: T, depth: Int) throws -> String {
    let bytes = try encode(value)
    guard depth > 0 else { return String(decoding: bytes, as: UTF8.self) }
    let indent = [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    var lineStart = true
    var first = true
    // Strings in JSON hold no raw newline, so every newline is the printer's.
    for byte in bytes {
      if lineStart, !first, byte != UInt8(ascii: "\n") { out.append(contentsOf: indent) }
      out.append(byte)
      lineStart = byte == UInt8(ascii: "\n")
      first = false
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }
}
