import Foundation
import PaddockRegex
import Yams

/// Reads Yams nodes with errors that point at the line.
package struct NodeReader {
  package let file: String

  package init(file: String) { self.file = file }

  /// Parses YAML text into a node tree; syntax errors name the file and line.
  package static func compose(_ text: String, file: String) throws(ConfigError) -> Node? {
    do {
      // Values are read as text and converted where they are used, so no scalar needs Yams's tag regexes.
      return try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      var line: Int?
      var detail = "\(error)"
      switch error {
      case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
        line = mark.line
        detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
      default: break
      }
      throw ConfigError(
        file: file, line: line, message: "is not valid YAML: \(detail)",
        fix: "fix the YAML syntax (indentation, quotes, colons)")
    } catch {
      throw ConfigError(file: file, line: nil, message: "is not valid YAML: \(error)", fix: "fix the YAML syntax")
    }
  }

  package func error(_ node: Node, _ message: String, fix: String) -> ConfigError {
    ConfigError(file: file, line: node.mark.map { $0.line }, message: message, fix: fix)
  }

  package func mapping(_ node: Node, at place: String) throws -> Node.Mapping {
    guard let mapping = node.mapping else {
      throw error(node, "expects a mapping (`key: value` lines) at \(place)", fix: "indent the keys under it")
    }
    return mapping
  }

  /// A mapping whose keys are all in `allowed`, indexed by key (Yams looks keys up by comparing nodes, one by one).
  package func table(_ node: Node, at place: String, allowed: [String]) throws -> KeyedMapping {
    let mapping = try self.mapping(node, at: place)
    try allowKeys(mapping, allowed, at: place)
    var values: [String: Node] = [:]
    for (key, value) in mapping where values[key.string ?? ""] == nil { values[key.string ?? ""] = value }
    return KeyedMapping(values: values)
  }

  package func sequence(_ node: Node, at place: String) throws -> Node.Sequence {
    guard let sequence = node.sequence else {
      throw error(node, "expects a list at `\(place)`", fix: "write one `- item` per line")
    }
    return sequence
  }

  package func string(_ node: Node, at place: String) throws -> String {
    guard let scalar = node.scalar else {
      throw error(node, "expects a single value at `\(place)`", fix: "write a plain or quoted string")
    }
    return scalar.string
  }

  package func int(_ node: Node, at place: String) throws -> Int {
    guard let value = node.scalar.flatMap({ Int($0.string) }) else {
      throw error(node, "expects a whole number at `\(place)`", fix: "write a number such as `400`")
    }
    return value
  }

  package func double(_ node: Node, at place: String) throws -> Double {
    guard let value = node.scalar.flatMap({ Double($0.string) }) else {
      throw error(node, "expects a number at `\(place)`", fix: "write a number such as `3.5`")
    }
    return value
  }

  package func bool(_ node: Node, at place: String) throws -> Bool {
    switch node.scalar?.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw error(node, "expects `true` or `false` at `\(place)`", fix: "write `true` or `false`")
    }
  }

  /// A list of strings; a single string is taken as a list of one.
  package func strings(_ node: Node, at place: String) throws -> [String] {
    if node.scalar != nil { return [try string(node, at: place)] }
    return try sequence(node, at: place).map { try string($0, at: place) }
  }

  /// One of a fixed set of values, with the allowed ones in the fix.
  package func choice<T: RawRepresentable>(_ node: Node, at place: String, of type: T.Type) throws -> T
  where T: CaseIterable, T.RawValue == String {
    let text = try string(node, at: place)
    guard let value = T(rawValue: text) else {
      let allowed = T.allCases.map(\.rawValue)
      throw error(
        node, "has `\(text)` at `\(place)`, which is not one of \(allowed.joined(separator: ", "))",
        fix: suggestion(for: text, among: allowed).map { "did you mean `\($0)`?" }
          ?? "use one of \(allowed.joined(separator: ", "))")
    }
    return value
  }

  /// Compiles a regular expression or throws an error pointing at its line.
  @discardableResult
  package func regex(_ node: Node, at place: String) throws -> LinearRegex {
    let pattern = try string(node, at: place)
    do {
      return try LinearRegex(pattern)
    } catch {
      throw self.error(
        node, "has an invalid regular expression at `\(place)`: `\(pattern)` (\(error.reason))", fix: error.hint)
    }
  }

  package func allowKeys(_ mapping: Node.Mapping, _ allowed: [String], at place: String) throws {
    for (key, _) in mapping {
      let name = key.string ?? ""
      guard !allowed.contains(name) else { continue }
      var fix = "allowed keys at \(place): \(allowed.joined(separator: ", "))"
      if let suggestion = suggestion(for: name, among: allowed) { fix = "did you mean `\(suggestion)`? " + fix }
      throw error(key, "unknown key `\(name)` at \(place)", fix: fix)
    }
  }
}

/// A YAML mapping's values by key; the first of repeated keys wins, as with `Node.Mapping`.
package struct KeyedMapping {
  package let values: [String: Node]
  package subscript(key: String) -> Node? { values[key] }
}

/// The closest of `candidates` to `text`, when it is close enough to be a typo.
package func suggestion(for text: String, among candidates: [String]) -> String? {
  guard let best = candidates.min(by: { editDistance($0, text) < editDistance($1, text) }) else { return nil }
  return editDistance(best, text) <= max(2, text.count / 3) ? best : nil
}

private func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + [Int](repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
