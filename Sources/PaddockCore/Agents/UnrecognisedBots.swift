/// `[bot]` accounts the catalogue does not know: their commits are `unknown` (treated like AI by default), and every
/// report and review summary names them with the lines that classify them in `.paddock.yml`.
package enum UnrecognisedBots {
  /// The note for these authors (`Name <email>` → commits), or nil when there are none.
  package static func note(_ authors: [String: Int]) -> String? {
    guard !authors.isEmpty else { return nil }
    let sorted = authors.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    let listed = sorted.prefix(10).map { "\($0.key) (\($0.value) commit\($0.value == 1 ? "" : "s"))" }
    let first = sorted[0].key
    let login = first.prefix { $0 != " " && $0 != "<" }
    let id = login.lowercased().replacingOccurrences(of: "[bot]", with: "").filter {
      $0.isLetter || $0.isNumber || $0 == "-"
    }
    let pattern =
      "^" + login.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]") + " "
    return "Unrecognised bot account\(sorted.count == 1 ? "" : "s"), counted as unknown and treated like AI: "
      + listed.joined(separator: ", ") + (sorted.count > 10 ? ", …" : "")
      + ". To classify one, add to .paddock.yml `bots: [{id: \(id.isEmpty ? "my-bot" : id), identities: ['\(pattern)']}]` "
      + "for automation, or the same under `agents:` for an AI agent."
  }
}
