import PaddockRegex
import PaddockSupport

/// A `Name <email>` identity as a review trailer or a signature gives it, parsed leniently.
package struct PersonIdentity: Sendable, Hashable {
  package var name: String
  package var email: String

  /// Parses `Name <email>`: nil unless there is a name and an address shaped `local@domain.tld`.
  package init?(_ text: String) {
    let trimmed = text.trimmingBlanks()
    guard let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") else { return nil }
    let name = String(trimmed[..<open]).collapsingBlanks()
    let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingBlanks()
    guard !name.isEmpty, !name.contains("<"), !name.contains(">"), Self.isAddress(email) else { return nil }
    self.name = name
    self.email = email
  }

  /// `local@domain.tld` with no blanks or angle brackets.
  private static func isAddress(_ email: String) -> Bool {
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
      !parts[1].hasSuffix(".")
    else { return false }
    return !email.contains { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" }
  }

  /// The same person: the same address (case-insensitive) or the same name (case and blanks aside).
  package func isSamePerson(as other: PersonIdentity) -> Bool {
    email.lowercased() == other.email.lowercased() || name.lowercased() == other.name.lowercased()
  }

  var domain: String { String(email.split(separator: "@").last ?? "").lowercased() }
  var localPart: String { String(email.split(separator: "@").first ?? "").lowercased() }
}

/// Whether an identity can stand for a person's review: what is not a catalogued agent can still be an AI
/// vendor's no-reply address, a bot account, a model's name or a placeholder.
enum ReviewerScreen {
  /// Domains of AI vendors and agent products; an address there that does not reply is an agent's.
  static let vendorDomains: Set<String> = [
    "anthropic.com", "openai.com", "google.com", "deepmind.com", "github.com", "cursor.com", "cursor.sh",
    "codeium.com", "windsurf.com", "aider.chat", "aider.dev", "opencode.ai", "ampcode.com", "sourcegraph.com",
    "all-hands.dev", "cognition.ai", "devin.ai", "factory.ai", "charm.land", "mistral.ai", "x.ai", "deepseek.com",
    "jetbrains.com", "tabnine.com", "replit.com", "qodo.ai", "coderabbit.ai", "sweep.dev", "moonshot.ai",
  ]

  /// Local parts of addresses that no person reads.
  static let noReply: Set<String> = [
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "bot", "agent",
  ]

  /// Names people write instead of a reviewer.
  static let placeholders: Set<String> = [
    "todo", "tbd", "tba", "fixme", "xxx", "nobody", "nobody yet", "none", "n/a", "na", "unknown", "pending",
    "someone", "anyone", "reviewer", "name", "your name",
  ]

  /// Model families followed by a version or a tier (`GPT-5`, `Claude Opus 4.5`, `gemini-2.5-pro`, `o3`).
  static let modelName: LinearRegex? = try? LinearRegex(
    #"^(?:(?:chat ?)?gpt\b|o[1-9](?:\b|-)|(?:claude|gemini|gemma|llama|code ?llama|mistral|mixtral|codestral|"#
      + #"devstral|qwen|deepseek|grok|phi|starcoder|kimi|glm|command)[ -]?(?:\d|opus|sonnet|haiku|instant|pro|"#
      + #"flash|ultra|nano|code|coder|large|medium|small|mini|r\d|v\d))"#, caseless: true)

  /// Why `identity` is not a person, or nil when it may be one. `agentNames` are the catalogue's agent names and
  /// aliases, lower-cased.
  static func refusal(_ identity: PersonIdentity, agentNames: Set<String>) -> String? {
    let name = identity.name.lowercased()
    if placeholders.contains(name) { return "`\(identity.name)` is a placeholder, not a person" }
    if name.contains("[bot]") || identity.email.lowercased().contains("[bot]") {
      return "it names a bot account"
    }
    let local = identity.localPart
    let domain = identity.domain
    let localWords = local.split { $0 == "+" || $0 == "." || $0 == "-" || $0 == "_" }.map(String.init)
    if noReply.contains(local) && domain != "users.noreply.github.com" {
      return "\(identity.email) is a no-reply address"
    }
    let vendor = vendorDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    if vendor, local.contains("noreply") || local.contains("no-reply") || localWords.contains(where: noReply.contains) {
      return "\(identity.email) is an AI vendor's no-reply address"
    }
    if agentNames.contains(name) { return "`\(identity.name)` is the name of an agent" }
    if modelName?.matches(identity.name) == true { return "`\(identity.name)` is the name of a model" }
    return nil
  }
}
