import Foundation
import PaddockSupport

/// Reads the agent and model out of policy trailers people write about their
/// own work: `Assisted-by: Claude:claude-3-opus coccinelle sparse` (Linux),
/// `Generated-By: Claude Code (claude-sonnet-4)` (OpenStack), `AI-Assisted: true`.
enum PolicyTrailer {
  /// The id used when a trailer declares AI help without naming the tool.
  static let unspecifiedID = "unspecified"
  /// The prefix of the id of a tool the catalogue does not know (`declared:coccinelle`).
  static let declaredPrefix = "declared:"

  /// Parses a policy trailer value. Returns nil when the value declines AI help (`false`, `no`, `none`).
  static func parse(_ rawValue: String, catalogue: AgentCatalogue) -> (agent: String, model: String?)? {
    var value = rawValue.collapsingBlanks()
    // `claude-opus-4-8-medium on behalf of maphew`: the signature names the agent, not the person.
    if let behalf = value.range(of: " on behalf of ", options: .caseInsensitive) {
      value = String(value[..<behalf.lowerBound])
    }
    let lower = value.lowercased()
    if ["false", "no", "0", "none", "n/a", ""].contains(lower) { return nil }
    if ["true", "yes", "1", "y"].contains(lower) { return (unspecifiedID, nil) }
    // `GLM-4.7 via Crush`: the tool is named after `via`, the model before it.
    if let via = value.range(of: " via ", options: [.caseInsensitive, .backwards]) {
      let tool = String(value[via.upperBound...]).trimmingBlanks()
      let model = String(value[..<via.lowerBound]).trimmingBlanks()
      if !tool.isEmpty, let parsed = parse(tool, catalogue: catalogue) {
        return (parsed.agent, parsed.model ?? (model.isEmpty ? nil : model))
      }
    }

    // The longest catalogued alias that the value starts with, at a word boundary.
    var best: (agent: String, length: Int)?
    for agent in catalogue.agents {
      for alias in agent.aliases + [agent.name.lowercased(), agent.id] where lower.hasPrefix(alias) {
        let next = lower.dropFirst(alias.count).first
        guard next == nil || [":", " ", "(", "/", "@", ",", "-"].contains(next) else { continue }
        if alias.count > (best?.length ?? 0) { best = (agent.id, alias.count) }
      }
    }
    let agentID: String
    let rest: Substring
    if let best {
      agentID = best.agent
      rest = value.dropFirst(best.length)
    } else {
      let scalars = value.unicodeScalars
      let nameEnd = scalars.firstIndex { $0 == ":" || $0 == " " || $0 == "(" } ?? scalars.endIndex
      // `Assisted-by: :model` names a model but no tool.
      agentID =
        nameEnd == scalars.startIndex
        ? unspecifiedID : declaredPrefix + String(String.UnicodeScalarView(scalars[..<nameEnd])).lowercased()
      rest = Substring(scalars[nameEnd...])
    }
    return (agentID, model(in: rest))
  }

  /// `:model`, `(model)`, or a following token that looks like a model name (has a digit).
  private static func model(in rest: Substring) -> String? {
    let trimmed = rest.drop { $0 == " " || $0 == "-" }
    if trimmed.hasPrefix(":") {
      let token = trimmed.dropFirst().prefix { $0 != " " && $0 != "," }
      return token.isEmpty ? nil : String(token)
    }
    if trimmed.hasPrefix("("), let close = trimmed.firstIndex(of: ")") {
      let inner = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingBlanks()
      return inner.isEmpty ? nil : inner
    }
    let token = trimmed.prefix { $0 != " " && $0 != "," }
    return token.contains(where: \.isNumber) ? String(token) : nil
  }

  /// A readable name for an agent id introduced by a policy trailer.
  static func displayName(forUncataloguedID id: String) -> String {
    if id == unspecifiedID { return "AI (tool not named)" }
    // Bytes, not Characters: a combining mark after the colon joins it into one Character.
    if id.utf8.starts(with: declaredPrefix.utf8) {
      return String(String.UnicodeScalarView(id.unicodeScalars.dropFirst(declaredPrefix.unicodeScalars.count)))
    }
    return id
  }
}
