import PaddockChange
import PaddockRegex
import Yams

/// A rule's `with:` as its kind reads it, with the rule's `pattern`; every problem names the file, the line, the key
/// and what to write instead.
package struct RuleKindParameters {
  let parser: RulePackParser
  /// The kind's name, for messages.
  let kind: String
  /// The `with:` mapping, when the rule has one.
  let map: Node.Mapping?
  /// The `with:` node, or the rule's when it has none: where errors point.
  let node: Node
  /// The rule's node.
  let rule: Node
  /// The rule's `pattern`, if it has one.
  let pattern: String?

  var reader: NodeReader { parser.reader }
  /// Whether regular expressions are compiled now (off for the built-in packs, whose patterns the tests compile).
  var checkPatterns: Bool { parser.checkPatterns }

  /// Refuses keys other than `keys`, naming the nearest one.
  func allow(_ keys: [String]) throws {
    if let map { try reader.allowKeys(map, keys, at: "with (for kind \(kind))") }
  }

  /// The node at `with.<key>`.
  func node(_ key: String) -> Node? { map?[key] }

  func int(_ key: String) throws -> Int? { try node(key).map { try reader.int($0, at: "with.\(key)") } }
  func double(_ key: String) throws -> Double? { try node(key).map { try reader.double($0, at: "with.\(key)") } }
  func bool(_ key: String) throws -> Bool? { try node(key).map { try reader.bool($0, at: "with.\(key)") } }
  func string(_ key: String) throws -> String? { try node(key).map { try reader.string($0, at: "with.\(key)") } }
  func globs(_ key: String) throws -> [String]? { try node(key).map { try parser.globs($0, at: "with.\(key)") } }

  /// A list of regular expressions, each checked when patterns are.
  func regexes(_ key: String) throws -> [String] {
    guard let list = node(key) else { return [] }
    return try reader.sequence(list, at: "with.\(key)").map { item in
      if checkPatterns { try reader.regex(item, at: "with.\(key)") }
      return try reader.string(item, at: "with.\(key)")
    }
  }

  /// A regular expression, checked when patterns are.
  func regex(_ node: Node, at place: String) throws -> String {
    if checkPatterns { try reader.regex(node, at: place) }
    return try reader.string(node, at: place)
  }

  /// An error at `node` (the `with:` mapping, else the rule).
  func error(_ message: String, fix: String, at node: Node? = nil) -> ConfigError {
    reader.error(node ?? self.node, message, fix: fix)
  }

  /// An error at the rule itself, for a parameter it lacks.
  func missing(_ message: String, fix: String) -> ConfigError { reader.error(rule, message, fix: fix) }
}
