import Foundation
import PaddockChange
import PaddockGit
import PaddockRegex
import PaddockSupport
import Synchronization

/// Classifies commits as AI, human or unknown from their trailers, identities and message.
///
/// Holds compiled regular expressions; build one per run. It may be shared between threads: the regexes keep no
/// state between searches and the identity memo is locked.
package struct CommitClassifier: Sendable {
  private struct CompiledMarker: Sendable {
    var marker: AgentMarker
    var agent: AgentDefinition
    var regex: LinearRegex?
    var lowercasedKeys: Set<String>
  }

  /// An identity marker that matched, by index into `markers`, with the model it names.
  private struct IdentityHit: Sendable {
    var marker: Int
    var model: String?
  }

  /// Identity matches by identity: a range has few distinct authors, committers and co-authors.
  private final class IdentityMemo: Sendable {
    let hits = Mutex<[String: [IdentityHit]]>([:])
  }

  package let catalogue: AgentCatalogue
  private let markers: [CompiledMarker]
  private let reviewKeys: Set<String>
  /// The catalogue ids of bots (automation that is not an AI agent).
  private let botIDs: Set<String>
  /// Every catalogued agent's name, id and aliases, lower-cased: a reviewer by one of these names is an agent.
  let agentNames: Set<String>
  /// All message markers as one alternation: most messages match none, and one search rules them all out.
  private let anyMessageMarker: LinearRegex?
  private let identityMemo = IdentityMemo()

  /// Compiles the catalogue's enabled markers.
  /// - Throws: `CatalogueError.invalidPattern` naming the marker whose pattern does not compile.
  package init(catalogue: AgentCatalogue) throws(CatalogueError) {
    self.catalogue = catalogue
    var compiled: [CompiledMarker] = []
    for agent in catalogue.agents {
      for marker in agent.markers where catalogue.isEnabled(marker, of: agent) {
        var regex: LinearRegex?
        if marker.kind != .policy {
          do {
            regex = try LinearRegex(marker.pattern, multiline: marker.kind == .message)
          } catch {
            throw CatalogueError.invalidPattern(
              marker: marker.id, pattern: marker.pattern, reason: "\(error.reason); \(error.hint)")
          }
        }
        compiled.append(
          CompiledMarker(
            marker: marker, agent: agent, regex: regex, lowercasedKeys: Set(marker.keys.map { $0.lowercased() })))
      }
    }
    markers = compiled
    reviewKeys = Set(catalogue.reviewTrailers.map { $0.lowercased() })
    botIDs = Set(catalogue.agents.filter(\.isBot).map(\.id))
    agentNames = Set(catalogue.agents.flatMap { [$0.name.lowercased(), $0.id.lowercased()] + $0.aliases })
    let messagePatterns = compiled.filter { $0.marker.kind == .message }.map { "(?:\($0.marker.pattern))" }
    anyMessageMarker =
      messagePatterns.count > 1
      ? try? LinearRegex(messagePatterns.joined(separator: "|"), multiline: true) : nil
  }

  /// A trailer with where it came from: git's trailer block, or a trailer-shaped line elsewhere, read as written or
  /// leniently (`loosened` says how: indented, in a bullet, in backticks, with a trailing period).
  private struct FoundTrailer {
    var key: String
    var value: String
    var parsedByGit: Bool
    var line: Int?
    var loosened: [String] = []

    var kind: EvidenceKind { parsedByGit ? .trailer : .trailerLine }
    var strength: EvidenceStrength { parsedByGit ? .strong : loosened.isEmpty ? .medium : .weak }
    var source: String {
      if parsedByGit { return "trailer" }
      return "message line \(line ?? 0)" + (loosened.isEmpty ? "" : " (\(loosened.joined(separator: ", ")))")
    }
    var text: String { "\(key): \(value)" }
  }

  /// Classifies one commit.
  package func classify(_ commit: Commit) -> CommitClassification {
    let trailers = allTrailers(of: commit)
    var evidence = identityEvidence(of: commit, trailers: trailers)
    evidence += trailerEvidence(trailers)
    evidence += messageEvidence(commit.message)
    let (review, refused) = reviews(in: trailers, of: commit)
    if onlyExecuted(evidence, by: commit) { evidence.removeAll() }
    return decide(commit, evidence: evidence, review: review, refused: refused, trailers: trailers)
  }

  /// Identities: author, committer, and every co-author named in a trailer, against the configured aliases and
  /// the catalogue's identity markers.
  private func identityEvidence(of commit: Commit, trailers: [FoundTrailer]) -> [Evidence] {
    var identities: [(identity: String, kind: EvidenceKind, strength: EvidenceStrength, source: String, text: String)] =
      [
        (commit.author.identity, .identity, .strong, "author", commit.author.identity),
        (commit.committer.identity, .identity, .strong, "committer", commit.committer.identity),
      ]
    for trailer in trailers where trailer.key.lowercased() == "co-authored-by" {
      identities.append((trailer.value, trailer.kind, trailer.strength, trailer.source, trailer.text))
    }
    var evidence: [Evidence] = []
    for item in identities {
      if let alias = alias(for: item.identity) {
        evidence.append(
          Evidence(
            kind: .configuredAlias, strength: item.strength, marker: "config/alias", agent: alias.agent,
            model: alias.model, text: item.text, source: item.source))
      }
      for hit in identityHits(item.identity) {
        let compiled = markers[hit.marker]
        evidence.append(
          Evidence(
            kind: item.kind, strength: item.strength, marker: compiled.marker.id, agent: compiled.agent.id,
            model: hit.model, text: item.text, source: item.source))
      }
    }
    return evidence
  }

  /// Trailers with agent-specific keys, and policy trailers (`Assisted-by:`, `AI-Assisted:` …).
  private func trailerEvidence(_ trailers: [FoundTrailer]) -> [Evidence] {
    var evidence: [Evidence] = []
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
    return evidence
  }

  /// Free-text markers anywhere in the message (`🤖 Generated with …`), each with the line it stands on.
  private func messageEvidence(_ original: String) -> [Evidence] {
    // A body pasted with literal `\n` escapes (as some pull-request tools write it) is read as the lines it holds.
    let text = original.contains("\\n") ? original.replacingOccurrences(of: "\\n", with: "\n") : original
    let message = Array(text.utf8)
    guard anyMessageMarker.map({ $0.matches(text) }) ?? true else { return [] }
    var evidence: [Evidence] = []
    for compiled in markers where compiled.marker.kind == .message {
      guard let regex = compiled.regex, let result = regex.firstMatch(in: text) else { continue }
      let newline = UInt8(ascii: "\n")
      let offset = min(result.range.lowerBound, message.count)
      let lineNumber = message[..<offset].reduce(1) { $1 == newline ? $0 + 1 : $0 }
      let lineStart = message[..<offset].lastIndex(of: newline).map { $0 + 1 } ?? 0
      let lineEnd = message[offset...].firstIndex(of: newline) ?? message.count
      let line = String(decoding: message[lineStart..<lineEnd], as: UTF8.self).trimmingBlanks()
      evidence.append(
        Evidence(
          kind: .messageMarker, strength: .medium, marker: compiled.marker.id, agent: compiled.agent.id,
          model: nil, text: line, source: "message line \(lineNumber)"))
    }
    return evidence
  }

  /// People who reviewed: review trailers in git's trailer block that name a person other than an agent (and,
  /// when reviews must be independent, other than the commit's author and committer); and the refused ones, why.
  private func reviews(in trailers: [FoundTrailer], of commit: Commit) -> ([Evidence], [RefusedReview]) {
    var review: [Evidence] = []
    var refused: [RefusedReview] = []
    for trailer in trailers where reviewKeys.contains(trailer.key.lowercased()) {
      if let reason = reviewRefusal(trailer, of: commit) {
        refused.append(RefusedReview(text: trailer.text, reason: reason))
        continue
      }
      review.append(
        Evidence(
          kind: trailer.kind, strength: trailer.strength, marker: "review/\(trailer.key.lowercased())", agent: nil,
          model: nil, text: trailer.text, source: trailer.source))
    }
    return (review, refused)
  }

  /// Whether an agent only committed the commit: aider's ` (aider)` on the committer alone, an agent that rebased,
  /// cherry-picked or applied a person's commit, did not write it (aider documents that case as the person's own
  /// edits). The committer counts only beside other evidence; so does a trailer naming who executed the commit
  /// (`Executed-By:`), unless it names the author.
  private func onlyExecuted(_ evidence: [Evidence], by commit: Commit) -> Bool {
    let authorName = commit.author.name.lowercased()
    let executors = evidence.filter { item in
      guard item.source == "committer" || item.marker.hasSuffix("/executed-by") else { return false }
      if item.source == "committer" { return true }
      let executor = item.text.split(separator: ":", maxSplits: 1).last.map { $0.trimmingBlanks() } ?? ""
      return executor.lowercased().split(separator: "/").last.map(String.init) != authorName
        && !evidence.contains { $0.source == "author" && $0.agent == item.agent }
    }
    return !executors.isEmpty && evidence.allSatisfy { executors.contains($0) }
  }

  /// The authorship the evidence decides. An AI agent's evidence makes the commit AI; a bot's makes it `bot` when
  /// there is none, or when a tool's subject line meets only identities (a sync tool commits under whatever
  /// identity the agent's sandbox has). No evidence: a person, unless the author is a `[bot]` account the
  /// catalogue does not know.
  private func decide(
    _ commit: Commit, evidence: [Evidence], review: [Evidence], refused: [RefusedReview], trailers: [FoundTrailer]
  ) -> CommitClassification {
    let botEvidence = evidence.filter { botIDs.contains($0.agent ?? "") }
    let aiEvidence = evidence.filter { !botIDs.contains($0.agent ?? "") }
    let toolSubject = botEvidence.contains { $0.kind == .messageMarker }
    if !botEvidence.isEmpty, aiEvidence.isEmpty || (toolSubject && aiEvidence.allSatisfy { $0.kind == .identity }) {
      let ranked = rank(botEvidence)
      let botID = ranked.first?.agent
      return CommitClassification(
        authorship: .bot, agent: botID, agentName: botID.map { displayName(forAgent: $0) }, evidence: ranked,
        review: review, refusedReview: refused)
    }
    guard !aiEvidence.isEmpty else {
      if commit.author.name.contains("[bot]") || commit.author.email.contains("[bot]") {
        return CommitClassification(
          authorship: .unknown,
          evidence: [
            Evidence(
              kind: .identity, strength: .strong, marker: Self.unrecognisedBotMarker, agent: nil, model: nil,
              text: commit.author.identity, source: "author")
          ], review: review, refusedReview: refused)
      }
      return CommitClassification(authorship: .human, review: review, refusedReview: refused)
    }
    let ranked = rank(aiEvidence)
    let agentID = ranked.first?.agent
    // A separate `AI-Model:` trailer names the model of declared assistance.
    let declaredModel = trailers.first { $0.key.lowercased() == "ai-model" }?.value
    let model =
      ranked.first { $0.agent == agentID && $0.model != nil }?.model
      ?? ranked.first { $0.model != nil }?.model ?? declaredModel
    return CommitClassification(
      authorship: .ai, agent: agentID, agentName: agentID.map { displayName(forAgent: $0) }, model: model,
      evidence: ranked, review: review, refusedReview: refused)
  }

  /// Why a review trailer is not a person's review, or nil when it is one.
  private func reviewRefusal(_ trailer: FoundTrailer, of commit: Commit) -> String? {
    guard trailer.parsedByGit else {
      return "it is on \(trailer.source), outside the trailer block at the end of the message"
    }
    guard let reviewer = PersonIdentity(trailer.value) else {
      return "it does not name a person as `Name <email>`"
    }
    if isAgentIdentity(trailer.value) { return "it names an agent" }
    if let reason = ReviewerScreen.refusal(reviewer, agentNames: agentNames) { return reason }
    if catalogue.independentReview {
      for (signature, role) in [(commit.author, "author"), (commit.committer, "committer")] {
        if let own = PersonIdentity(signature.identity), own.isSamePerson(as: reviewer) {
          return "it names the commit's own \(role); a review must come from someone else"
        }
      }
    }
    return nil
  }

  /// The marker of the evidence that names a `[bot]` account the catalogue does not know.
  package static let unrecognisedBotMarker = "unrecognised-bot"

  /// Strongest evidence first; among equals, catalogue order (declared assistance last).
  private func rank(_ evidence: [Evidence]) -> [Evidence] {
    let order = Dictionary(catalogue.agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    return evidence.enumerated().sorted { lhs, rhs in
      if lhs.element.strength != rhs.element.strength { return lhs.element.strength > rhs.element.strength }
      let left = order[lhs.element.agent ?? ""] ?? order.count
      let right = order[rhs.element.agent ?? ""] ?? order.count
      if left != right { return left < right }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  /// The display name of an agent id, including ids that policy trailers introduce.
  /// Maps a tool name from line-level evidence (`claude`, `cursor`, `codex`) to a catalogue id, or
  /// `declared:<name>` for a tool the catalogue does not know.
  package func agentID(forTool tool: String) -> String {
    let lower = tool.lowercased()
    for agent in catalogue.agents where agent.id == lower || agent.aliases.contains(lower) {
      return agent.id
    }
    return PolicyTrailer.declaredPrefix + lower
  }

  package func displayName(forAgent id: String) -> String {
    if let agent = catalogue.agent(id: id) { return agent.name }
    return PolicyTrailer.displayName(forUncataloguedID: id)
  }

  /// Whether `identity` (`Name <email>`) is a catalogued agent or an AI alias.
  package func isAgentIdentity(_ identity: String) -> Bool {
    if alias(for: identity) != nil { return true }
    return !identityHits(identity).isEmpty
  }

  /// The identity markers that match `identity`, in catalogue order, remembered for the classifier's lifetime.
  private func identityHits(_ identity: String) -> [IdentityHit] {
    if let known = identityMemo.hits.withLock({ $0[identity] }) { return known }
    var hits: [IdentityHit] = []
    for (index, compiled) in markers.enumerated() where compiled.marker.kind == .identity {
      if let model = match(compiled, identity) { hits.append(IdentityHit(marker: index, model: model)) }
    }
    identityMemo.hits.withLock { $0[identity] = hits }
    return hits
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
    let name = identity[..<open].trimmingBlanks()
    let email = identity[identity.index(after: open)..<identity.index(before: identity.endIndex)]
    return (name, String(email))
  }

  /// Matches a marker; returns nil for no match, or `.some(model)` where the model may itself be nil.
  private func match(_ compiled: CompiledMarker, _ text: String) -> String?? {
    guard let regex = compiled.regex else { return nil }
    let trimmed = text.trimmingBlanks()
    guard let result = regex.firstMatch(in: trimmed) else { return nil }
    if let group = regex.group(named: "model"), let range = result.groups[group] {
      return .some(trimmed.utf8Slice(range).trimmingBlanks())
    }
    return .some(nil)
  }

  /// Git's trailers plus trailer-shaped lines outside git's trailer block: as written, or as squash merges and
  /// pull-request bodies carry them (indented by `git merge --squash`, in a `* ` bullet, in backticks, with a
  /// trailing period, or after a literal `\n`). Lines in a fenced code block or a `>` quotation are quoted prose and
  /// never count.
  private func allTrailers(of commit: Commit) -> [FoundTrailer] {
    var found = commit.trailers.map { FoundTrailer(key: $0.key, value: $0.value, parsedByGit: true, line: nil) }
    let parsed = Set(commit.trailers.map { "\($0.key.lowercased()):\($0.value)" })
    var lineNumber = 0
    var inFence = false
    for line in commit.message.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      // The subject is never a trailer; fenced and quoted text is someone's words, not this commit's trailers.
      guard lineNumber > 1, !inFence, !trimmed.hasPrefix(">") else { continue }
      let pieces = line.components(separatedBy: "\\n")
      for (index, piece) in pieces.enumerated() {
        guard let (key, value, loosened) = Self.leniently(Substring(piece), afterEscape: index > 0) else { continue }
        if value.isEmpty || parsed.contains("\(key.lowercased()):\(value)") { continue }
        found.append(
          FoundTrailer(key: key, value: value, parsedByGit: false, line: lineNumber, loosened: loosened))
      }
    }
    return found
  }

  /// A trailer-shaped line read as written, or else with the wrappings squash merges and pull-request bodies add,
  /// each named.
  static func leniently(_ line: Substring, afterEscape: Bool) -> (key: String, value: String, loosened: [String])? {
    if !afterEscape, let (key, value) = trailerShaped(line) { return (key, value, []) }
    var loosened: [String] = afterEscape ? ["after a literal \\n"] : []
    var text = line
    if let first = text.first, first == " " || first == "\t" {
      text = text.drop { $0 == " " || $0 == "\t" }
      loosened.append("indented")
    }
    for bullet in ["* ", "- ", "+ "] where text.hasPrefix(bullet) {
      text = text.dropFirst(2).drop { $0 == " " }
      loosened.append("in a bullet")
      break
    }
    if text.hasPrefix("`"), text.trimmingBlanks().hasSuffix("`") {
      text = Substring(text.trimmingBlanks().dropFirst().dropLast())
      loosened.append("in backticks")
    }
    let blank = text.trimmingBlanks()
    if blank.hasSuffix(".") {
      text = Substring(blank.dropLast())
      loosened.append("trailing period")
    }
    guard !loosened.isEmpty, let (key, value) = trailerShaped(text) else { return nil }
    return (key, value, loosened)
  }

  /// `Key: value` where the key is a letter or digit followed by letters, digits and hyphens; blanks around the
  /// colon and at the end are dropped.
  static func trailerShaped(_ line: Substring) -> (key: String, value: String)? {
    let utf8 = line.utf8
    guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    var keyEnd = colon
    while keyEnd > utf8.startIndex, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(utf8[utf8.index(before: keyEnd)]) {
      keyEnd = utf8.index(before: keyEnd)
    }
    let key = utf8[utf8.startIndex..<keyEnd]
    func isKeyByte(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        true
      default: false
      }
    }
    guard let first = key.first, isKeyByte(first),
      key.allSatisfy({ isKeyByte($0) || $0 == UInt8(ascii: "-") })
    else { return nil }
    let value = line[line.utf8.index(after: colon)...].trimmingBlanks()
    return (String(Substring(key)), value)
  }
}

/// A catalogue that cannot be compiled.
package enum CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidPattern(marker: String, pattern: String, reason: String)

  package var description: String {
    switch self {
    case .invalidPattern(let marker, let pattern, let reason):
      "agent marker `\(marker)` has an invalid regular expression `\(pattern)`: \(reason); fix the pattern in .paddock.yml"
    }
  }
}
