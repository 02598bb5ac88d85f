import Foundation
import PaddockNet
import PaddockSupport

/// A git-ai authorship note (schema `authorship/3.0.0`) as stored under `refs/notes/ai`.
///
/// The text is an attestation section (a path at column 0, then indented
/// `<key> <ranges>` lines), a line `---`, then JSON metadata. Line numbers
/// refer to the file as of the annotated commit. Keys `s_…::t_…` name an
/// agent session, `h_…` a known person, and bare hex keys a legacy prompt.
package struct AuthorshipNote: Sendable, Equatable {
  /// Who wrote a line according to the note.
  package enum Author: Sendable, Equatable {
    case agent(tool: String, model: String?)
    case human(String?)
  }

  /// Per path: `(first, last, key)` ranges in note order (later entries win).
  package var ranges: [String: [(first: Int, last: Int, key: String)]]
  package var authors: [String: Author]
  package var schemaVersion: String

  package static func == (lhs: AuthorshipNote, rhs: AuthorshipNote) -> Bool {
    lhs.schemaVersion == rhs.schemaVersion && lhs.authors == rhs.authors
      && lhs.ranges.mapValues { $0.map { "\($0.first)-\($0.last) \($0.key)" } }
        == rhs.ranges.mapValues { $0.map { "\($0.first)-\($0.last) \($0.key)" } }
  }

  /// Parses a note; returns nil for text that is not a git-ai authorship note
  /// (no `---` divider, or metadata that is not JSON with `schema_version` `authorship/…`).
  package static func parse(_ text: String) -> AuthorshipNote? {
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false)
    guard let divider = lines.firstIndex(where: { $0 == "---" }) else { return nil }
    let json = lines[(divider + 1)...].joined(separator: "\n")
    // The metadata is read leniently, member by member: a record of a shape this reader does not know is skipped,
    // not a reason to drop the whole note.
    guard let object = JSONValue(parsing: json), case .string(let schema) = object["schema_version"],
      schema.hasPrefix("authorship/")
    else { return nil }

    var authors: [String: Author] = [:]
    for table in ["sessions", "prompts"] {
      guard case .object(let records) = object[table] else { continue }
      for (key, record) in records {
        guard case .string(let tool) = record["agent_id"]?["tool"] else { continue }
        authors[key] = .agent(tool: tool, model: record["agent_id"]?["model"]?.stringValue)
      }
    }
    if case .object(let humans) = object["humans"] {
      for (key, human) in humans { authors[key] = .human(human["author"]?.stringValue) }
    }

    var ranges: [String: [(first: Int, last: Int, key: String)]] = [:]
    var currentPath: String?
    for line in lines[..<divider] where !line.isEmpty {
      if line.hasPrefix("  ") {
        guard let path = currentPath else { continue }
        let entry = line.dropFirst(2)
        guard let space = entry.firstIndex(of: " ") else { continue }
        let key = String(entry[..<space])
        for part in entry[entry.index(after: space)...].split(separator: ",") {
          let bounds = part.split(separator: "-", maxSplits: 1).map { Int($0.trimmingBlanks()) }
          guard let first = bounds.first ?? nil else { continue }
          let last = bounds.count > 1 ? (bounds[1] ?? first) : first
          guard first > 0, last >= first else { continue }
          ranges[path, default: []].append((first, last, key))
        }
      } else {
        var path = String(line)
        if path.count >= 2, path.hasPrefix("\""), path.hasSuffix("\"") { path = String(path.dropFirst().dropLast()) }
        currentPath = path
      }
    }
    return AuthorshipNote(ranges: ranges, authors: authors, schemaVersion: schema)
  }

  /// Who wrote line `line` of `path` (as of the annotated commit), if the note says.
  package func author(path: String, line: Int) -> (author: Author, key: String)? {
    guard let entries = ranges[path] else { return nil }
    for entry in entries.reversed() where entry.first <= line && line <= entry.last {
      // `s_…::t_…` keys are looked up by their session part.
      let lookup = entry.key.components(separatedBy: "::").first ?? entry.key
      if let author = authors[lookup] ?? authors[entry.key] { return (author, entry.key) }
      if entry.key.hasPrefix("h_") { return (.human(nil), entry.key) }
      return nil
    }
    return nil
  }
}

extension JSONValue {
  /// The string, or nil for any other kind of value.
  fileprivate var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}
