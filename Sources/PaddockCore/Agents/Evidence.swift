/// One reason to believe an agent (or a reviewing person) was involved.
package struct Evidence: Sendable, Codable, Hashable {
  package var kind: EvidenceKind
  package var strength: EvidenceStrength
  /// The catalogue marker that matched, such as `claude-code/co-author`.
  package var marker: String
  /// The agent's catalogue id, such as `claude-code`; nil for review evidence.
  package var agent: String?
  /// The model named by the evidence, when it names one.
  package var model: String?
  /// The text that matched, such as `Co-Authored-By: Claude <noreply@anthropic.com>`.
  package var text: String
  /// Where it was found: `author`, `committer`, `trailer`, `message line 7`, `refs/notes/ai`.
  package var source: String

  package init(
    kind: EvidenceKind, strength: EvidenceStrength, marker: String, agent: String?, model: String?, text: String,
    source: String
  ) {
    self.kind = kind
    self.strength = strength
    self.marker = marker
    self.agent = agent
    self.model = model
    self.text = text
    self.source = source
  }
}
