import Foundation
import PaddockGit

/// Classifies commits as AI, human or unknown from their trailers, identities and message.
///
/// Holds compiled regular expressions; build one per run and use it on one thread.
public struct CommitClassifier {
  private struct CompiledMarker {
    var marker: AgentMarker
    var agent: AgentDefinition
    var regex: NSRegularExpression?
    var lowercasedKeys: Set<String>
  }

  public let catalogue: AgentCatalogue
  private let markers: [CompiledMarker]
  private let reviewKeys: Set<String>
  private static let trailerShape = try? NSRegularExpression(
    pattern: #"^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*?)[ \t\r]*$"#)

  /// Compiles the catalogue's enabled markers.
  /// - Throws: `CatalogueError.invalidPattern` naming the marker whose pattern does not compile.
  public init(catalogue: AgentCatalogue) throws(CatalogueError) {
    self.catalogue = catalogue
    var compiled: [CompiledMarker] = []
    for agent in catalogue.agents {
      for marker in agent.markers where catalogue.isEnabled(marker, of: agent) {
        var regex: NSRegularExpression?
        if marker.kind != .policy {
          var options: NSRegularExpression.Options = []
          if marker.kind == .message { options.insert(.anchorsMatchLines) }
          do {
            regex = try NSRegularExpression(pattern: marker.pattern, options: options)
          } catch {
            throw CatalogueError.invalidPattern(marker: marker.id, pattern: marker.pattern, reason: "\(error)")
          }
        }
        compiled.append(
          CompiledMarker(
            marker: marker, agent: agent, regex: regex, lowercasedKeys: Set(marker.keys.map { $0.lowercased() })))
      }
    }
    markers = compiled
    reviewKeys = Set(catalogue.reviewTrailers.map { $0.lowercased() })
  }

  /// A trailer with where it came from: git's trailer block, or a trailer-shaped line elsewhere.
  private struct FoundTrailer {
    var key: String
    var value: String
    var parsedByGit: Bool
    var line: Int?

    var kind: EvidenceKind { parsedByGit ? .trailer : .trailerLine }
    var strength: EvidenceStrength { parsedByGit ? .strong : .medium }
    var source: String { parsedByGit ? "trailer" : "message line \(line ?? 0)" }
    var text: String { "\(key): \(value)" }
  }

  /// Classifies one commit.
  public func classify(_ commit: Commit) -> CommitClassification {
    let trailers = allTrailers(of: commit)
    var evidence: [Evidence] = []
    var review: [Evidence] = []

    // Identities: author, committer, and every co-author named in a trailer.
    var identities: [(identity: String, kind: EvidenceKind, strength: EvidenceStrength, source: String, text: String)] =
      [
        (commit.author.identity, .identity, .strong, "author", commit.author.identity),
        (commit.committer.identity, .identity, .strong, "committer", commit.committer.identity),
      ]
    for trailer in trailers where trailer.key.lowercased() == "co-authored-by" {
      identities.append((trailer.value, trailer.kind, trailer.strength, trailer.source, trailer.text))
    }
    for item in identities {
      if let alias = alias(for: item.identity) {
        evidence.append(
          Evidence(
            kind: .configuredAlias, strength: item.strength, marker: "config/alias", agent: alias.agent,
            model: alias.model, text: item.text, source: item.source))
      }
      for compiled in markers where compiled.marker.kind == .identity {
        if let match = match(compiled, item.identity) {
          evidence.append(
            Evidence(
              kind: item.kind, strength: item.strength, marker: compiled.marker.id, agent: compiled.agent.id,
              model: match, text: item.text,
              source: item.source))
        }
      }
    }

    // Trailers with agent-specific keys, and policy trailers.
    for trailer in trailers {
      let key = trailer.key.lowercased()
      for compiled in markers where compiled.lowercasedKeys.contains(key) {
        switch compiled.marker.kind {
        case .trailer:
          if let model = match(compiled, trailer.value) {
            evidence.append(
              Evidence(
                kind: trailer.kind, strength: trailer.strength, marker: compiled.marker.id, agent: compiled.agent.id,
                model: model, text: trailer.text, source: trailer.source))
          }
        case .policy:
          if let declared = PolicyTrailer.parse(trailer.value, catalogue: catalogue) {
            evidence.append(
              Evidence(
                kind: trailer.kind, strength: trailer.strength, marker: compiled.marker.id, agent: declared.agent,
                model: declared.model, text: trailer.text, source: trailer.source))
          }
        case .identity, .message:
          break
        }
      }
    }

    // Free-text markers anywhere in the message.
    for compiled in markers where compiled.marker.kind == .message {
      guard let regex = compiled.regex else { continue }
      let text = commit.message as NSString
      if let result = regex.firstMatch(in: commit.message, range: NSRange(location: 0, length: text.length)) {
        let lineNumber = text.substring(to: result.range.location).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineRange = text.lineRange(for: result.range)
        let line = text.substring(with: lineRange).trimmingCharacters(in: .whitespacesAndNewlines)
        evidence.append(
          Evidence(
            kind: .messageMarker, strength: .medium, marker: compiled.marker.id, agent: compiled.agent.id,
            model: nil, text: line, source: "message line \(lineNumber)"))
      }
    }

    // A separate `AI-Model:` trailer names the model of declared assistance.
    let declaredModel = trailers.first { $0.key.lowercased() == "ai-model" }?.value

    // People who reviewed: review trailers whose identity is not an agent.
    for trailer in trailers where reviewKeys.contains(trailer.key.lowercased()) {
      if !isAgentIdentity(trailer.value) {
        review.append(
          Evidence(
            kind: trailer.kind, strength: trailer.strength, marker: "review/\(trailer.key.lowercased())", agent: nil,
            model: nil, text: trailer.text, source: trailer.source))
      }
    }

    guard !evidence.isEmpty else {
      for (signature, source) in [(commit.author, "author"), (commit.committer, "committer")]
      where signature.name.contains("[bot]") || signature.email.contains("[bot]") {
        return CommitClassification(
          authorship: .unknown,
          evidence: [
            Evidence(
              kind: .identity, strength: .strong, marker: "unrecognised-bot", agent: nil, model: nil,
              text: signature.identity, source: source)
          ], review: review)
      }
      return CommitClassification(authorship: .human, review: review)
    }

    // Strongest evidence first; among equals, catalogue order (declared assistance last).
    let order = Dictionary(catalogue.agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let ranked = evidence.enumerated().sorted { lhs, rhs in
      if lhs.element.strength != rhs.element.strength { return lhs.element.strength > rhs.element.strength }
      let left = order[lhs.element.agent ?? ""] ?? order.count
      let right = order[rhs.element.agent ?? ""] ?? order.count
      if left != right { return left < right }
      return lhs.offset < rhs.offset
    }.map(\.element)
    let agentID = ranked.first?.agent
    let model =
      ranked.first { $0.agent == agentID && $0.model != nil }?.model
      ?? ranked.first { $0.model != nil }?.model ?? declaredModel
    return CommitClassification(
      authorship: .ai, agent: agentID, agentName: agentID.map { displayName(forAgent: $0) }, model: model,
      evidence: ranked, review: review)
  }

  /// The display name of an agent id, including ids that policy trailers introduce.
  public func displayName(forAgent id: String) -> String {
    if let agent = catalogue.agent(id: id) { return agent.name }
    return PolicyTrailer.displayName(forUncataloguedID: id)
  }

  /// Whether `identity` (`Name <email>`) is a catalogued agent or an AI alias.
  public func isAgentIdentity(_ identity: String) -> Bool {
    if alias(for: identity) != nil { return true }
    return markers.contains { $0.marker.kind == .identity && match($0, identity) != nil }
  }

  private func alias(for identity: String) -> IdentityAlias? {
    catalogue.aliases.first { alias in
      guard let (name, email) = splitIdentity(alias.identity), let (otherName, otherEmail) = splitIdentity(identity)
      else {
        return false
      }
      return name == otherName && email.lowercased() == otherEmail.lowercased()
    }
  }

  private func splitIdentity(_ identity: String) -> (String, String)? {
    guard let open = identity.lastIndex(of: "<"), identity.hasSuffix(">") else { return nil }
    let name = identity[..<open].trimmingCharacters(in: .whitespaces)
    let email = identity[identity.index(after: open)..<identity.index(before: identity.endIndex)]
    return (name, String(email))
  }

  /// Matches a marker; returns nil for no match, or `.some(model)` where the model may itself be nil.
  private func match(_ compiled: CompiledMarker, _ text: String) -> String?? {
    guard let regex = compiled.regex else { return nil }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let range = NSRange(trimmed.startIndex..., in: trimmed)
    guard let result = regex.firstMatch(in: trimmed, range: range) else { return nil }
    let modelRange = result.range(withName: "model")
    if modelRange.location != NSNotFound, let swiftRange = Range(modelRange, in: trimmed) {
      return .some(String(trimmed[swiftRange]).trimmingCharacters(in: .whitespaces))
    }
    return .some(nil)
  }

  /// Git's trailers plus trailer-shaped lines outside git's trailer block.
  private func allTrailers(of commit: Commit) -> [FoundTrailer] {
    var found = commit.trailers.map { FoundTrailer(key: $0.key, value: $0.value, parsedByGit: true, line: nil) }
    guard let shape = Self.trailerShape else { return found }
    let parsed = Set(commit.trailers.map { "\($0.key.lowercased()):\($0.value)" })
    var lineNumber = 0
    for line in commit.message.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      // The subject is never a trailer.
      guard lineNumber > 1 else { continue }
      let text = String(line)
      let range = NSRange(text.startIndex..., in: text)
      guard let result = shape.firstMatch(in: text, range: range),
        let keyRange = Range(result.range(at: 1), in: text), let valueRange = Range(result.range(at: 2), in: text)
      else { continue }
      let key = String(text[keyRange])
      let value = String(text[valueRange])
      if value.isEmpty || parsed.contains("\(key.lowercased()):\(value)") { continue }
      found.append(FoundTrailer(key: key, value: value, parsedByGit: false, line: lineNumber))
    }
    return found
  }
}

/// A catalogue that cannot be compiled.
public enum CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidPattern(marker: String, pattern: String, reason: String)

  public var description: String {
    switch self {
    case .invalidPattern(let marker, let pattern, let reason):
      "agent marker `\(marker)` has an invalid regular expression `\(pattern)`: \(reason); fix the pattern in .paddock.yml"
    }
  }
}
