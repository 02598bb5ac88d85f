import PaddockGit
import PaddockSupport

/// An environment variable that an AI agent sets in the shells it runs commands in: how `prepare-commit-msg`
/// knows a commit is being made inside an agent's session.
package struct SessionVariable: Sendable, Hashable {
  package enum Match: Sendable, Hashable {
    /// Set and not empty.
    case present
    case equals(String)
    /// The value ends with this text (aider names the committer `Name (aider)`).
    case suffix(String)
  }

  package var variable: String
  package var match: Match
  /// A catalogue agent id, or a name for a tool the catalogue does not know.
  package var agent: String

  package init(variable: String, match: Match = .present, agent: String) {
    self.variable = variable
    self.match = match
    self.agent = agent
  }

  func matches(_ environment: [String: String]) -> Bool {
    guard let value = environment[variable], !value.isEmpty else { return false }
    switch match {
    case .present: return true
    case .equals(let expected): return value == expected
    case .suffix(let suffix): return value.hasSuffix(suffix)
    }
  }

  /// What each agent's shell sets, as of 2026 (documented in the README). Order matters only when several match.
  package static let builtin: [SessionVariable] = [
    SessionVariable(variable: "CLAUDECODE", match: .equals("1"), agent: "claude-code"),
    SessionVariable(variable: "CLAUDE_CODE_ENTRYPOINT", agent: "claude-code"),
    SessionVariable(variable: "CODEX_SANDBOX", agent: "codex"),
    SessionVariable(variable: "CODEX_SANDBOX_NETWORK_DISABLED", agent: "codex"),
    SessionVariable(variable: "CODEX_THREAD_ID", agent: "codex"),
    SessionVariable(variable: "GEMINI_CLI", match: .equals("1"), agent: "gemini"),
    SessionVariable(variable: "OPENCODE", match: .equals("1"), agent: "opencode"),
    SessionVariable(variable: "CURSOR_AGENT", match: .equals("1"), agent: "cursor"),
    SessionVariable(variable: "COPILOT_AGENT", match: .equals("1"), agent: "copilot"),
    SessionVariable(variable: "COPILOT_CLI", match: .equals("1"), agent: "copilot"),
    SessionVariable(variable: "AMP_CURRENT_THREAD_ID", agent: "amp"),
    SessionVariable(variable: "AGENT", match: .equals("amp"), agent: "amp"),
    SessionVariable(variable: "CLINE_ACTIVE", match: .equals("true"), agent: "Cline"),
    SessionVariable(variable: "GOOSE_TERMINAL", match: .equals("1"), agent: "Goose"),
    SessionVariable(variable: "AGENT", match: .equals("goose"), agent: "Goose"),
    SessionVariable(variable: "GIT_COMMITTER_NAME", match: .suffix("(aider)"), agent: "aider"),
    SessionVariable(variable: "GIT_AUTHOR_NAME", match: .suffix("(aider)"), agent: "aider"),
  ]
}

/// The `prepare-commit-msg` decision: which agent's session this is, and the message with its trailer.
package struct AgentSession: Sendable {
  /// The agent's catalogue id (or its name when uncatalogued), and the variable that showed it.
  package var agent: String
  package var variable: String

  /// The first session variable set in `environment`: the repository's own (from `.paddock.yml`) first.
  package static func detect(
    environment: [String: String], configured: [SessionVariable] = [], builtin: Bool = true
  ) -> AgentSession? {
    let candidates = configured + (builtin ? SessionVariable.builtin : [])
    guard let found = candidates.first(where: { $0.matches(environment) }) else { return nil }
    return AgentSession(agent: found.agent, variable: found.variable)
  }

  /// Why `prepare-commit-msg` leaves a message alone, or the message with the trailer added.
  package enum Outcome: Sendable, Equatable {
    case unchanged(reason: String)
    case added(message: String, trailer: String)
  }

  /// Adds `<key>: <agent name>` to the message's trailer block, before git's `#` comment lines, unless the commit
  /// is a merge or squash, or the message already carries AI attribution that `classifier` recognises.
  package func annotate(
    _ message: String, source: String?, key: String, classifier: CommitClassifier, comment: String = "#"
  ) -> Outcome {
    if let source, ["merge", "squash"].contains(source) {
      return .unchanged(reason: "a \(source) commit keeps its own message")
    }
    let trailer = "\(key): \(classifier.catalogue.agent(id: agent)?.name ?? agent)"
    // Split off git's comment section (instructions, status, and with `-v` the scissors line and the diff) so the
    // trailer goes above it.
    var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var tail: [String] = []
    if let scissors = lines.firstIndex(where: { $0.hasPrefix(comment) && $0.contains(">8") }) {
      tail = Array(lines[scissors...])
      lines.removeSubrange(scissors...)
    }
    let textEnd = lines.lastIndex(where: { !$0.hasPrefix(comment) && !$0.isEmpty }).map { $0 + 1 } ?? 0
    if textEnd < lines.count {
      tail = Array(lines[textEnd...]) + tail
      lines.removeSubrange(textEnd...)
    }
    // Comment lines inside the body do not count as text.
    let body = lines.filter { !$0.hasPrefix(comment) }.joined(separator: "\n")
    let existing = Commit(
      id: ObjectID.zero, parents: [], author: Signature(name: "", email: "", time: 0, offsetMinutes: 0),
      committer: Signature(name: "", email: "", time: 0, offsetMinutes: 0), message: body,
      trailers: Trailer.parse(body), tree: ObjectID.zero)
    let classification = classifier.classify(existing)
    if classification.authorship == .ai {
      let evidence = classification.evidence.first.map { " (\($0.text))" } ?? ""
      return .unchanged(reason: "the message already names an AI agent\(evidence)")
    }
    if body.trimmingBlanks().isEmpty {
      // An empty message aborts the commit; a trailer alone would let it through.
      return .unchanged(reason: "the message is empty")
    }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    // Join an existing trailer block, else start one after a blank line.
    if let last = lines.last, !Trailer.parse(lines.joined(separator: "\n")).isEmpty, last.contains(":") {
      lines.append(trailer)
    } else {
      lines.append("")
      lines.append(trailer)
    }
    var result = lines.joined(separator: "\n") + "\n"
    // The blank and comment lines that followed the text, as they were.
    while let first = tail.first, first.isEmpty, tail.count > 1 { tail.removeFirst() }
    if !tail.isEmpty, tail != [""] { result += "\n" + tail.joined(separator: "\n") }
    return .added(message: result, trailer: trailer)
  }
}
