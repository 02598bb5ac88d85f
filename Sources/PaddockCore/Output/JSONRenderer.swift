import Foundation

/// Renders any report as stable JSON: sorted keys, one trailing newline.
///
/// Field names are snake_case through each type's `CodingKeys` (a key strategy would
/// cost a string conversion per key per record).
public enum JSONRenderer {
  public static func render<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
