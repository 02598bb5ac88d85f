import PaddockChange

/// What model review did, for every output format: whether the model answered, what it cost, and what was
/// skipped or rejected.
package struct ModelReviewSummary: Sendable, Codable, Hashable {
  package enum Status: String, Sendable, Codable, Hashable {
    /// Every hunk sent was answered (or came from the cache).
    case complete
    /// Some batches failed or ran past the deadline.
    case partial
    /// No answer at all: the model was down, refused, or could not be configured.
    case unavailable
  }

  package struct SkippedHunk: Sendable, Codable, Hashable {
    package var path: String
    package var start: Int
    package var reason: String

    package init(path: String, start: Int, reason: String) {
      self.path = path
      self.start = start
      self.reason = reason
    }
  }

  package struct RejectedFinding: Sendable, Codable, Hashable {
    package var path: String
    package var line: Int?
    package var title: String
    package var reason: String

    package init(path: String, line: Int?, title: String, reason: String) {
      self.path = path
      self.line = line
      self.title = title
      self.reason = reason
    }
  }

  package var status: Status { didSet { effect = Self.effect(of: status, onUnavailable: onUnavailable) } }
  package var provider: String
  package var model: String
  package var promptVersion: String
  /// What an unavailable or partial review does to the verdict, as configured.
  package var onUnavailable: Verdict { didSet { effect = Self.effect(of: status, onUnavailable: onUnavailable) } }
  /// What this review's status did to the verdict: `pass` when complete, else `onUnavailable`. Kept in step with
  /// both by their observers, and stored so the JSON report carries it.
  package private(set) var effect: Verdict

  static func effect(of status: Status, onUnavailable: Verdict) -> Verdict {
    status == .complete ? .pass : onUnavailable
  }
  /// Hunks chosen for review, those answered from the cache, and those sent.
  package var hunks: Int
  package var cached: Int
  package var sent: Int
  package var requests: Int
  package var promptTokens: Int
  package var completionTokens: Int
  /// Wall time of the model review, in milliseconds.
  package var milliseconds: Int
  package var findings: Int
  /// Findings dropped for a confidence under `model.min-confidence`.
  package var lowConfidence: Int
  package var skipped: [SkippedHunk]
  package var rejected: [RejectedFinding]
  package var errors: [String]

  package init(
    status: Status, provider: String, model: String, promptVersion: String,
    onUnavailable: Verdict, hunks: Int = 0, cached: Int = 0, sent: Int = 0, requests: Int = 0, promptTokens: Int = 0,
    completionTokens: Int = 0, milliseconds: Int = 0, findings: Int = 0, lowConfidence: Int = 0,
    skipped: [SkippedHunk] = [], rejected: [RejectedFinding] = [], errors: [String] = []
  ) {
    self.status = status
    self.provider = provider
    self.model = model
    self.promptVersion = promptVersion
    self.onUnavailable = onUnavailable
    self.effect = Self.effect(of: status, onUnavailable: onUnavailable)
    self.hunks = hunks
    self.cached = cached
    self.sent = sent
    self.requests = requests
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.milliseconds = milliseconds
    self.findings = findings
    self.lowConfidence = lowConfidence
    self.skipped = skipped
    self.rejected = rejected
    self.errors = errors
  }

  /// One line for text outputs: `model qwen (openai): complete, 12 hunks (12 cached), 0 requests, 0 tokens`.
  package var headline: String {
    var text = "model \(model) (\(provider)): \(status.rawValue)"
    text += ", \(hunks) hunk\(hunks == 1 ? "" : "s")"
    if cached > 0 { text += " (\(cached) cached)" }
    text += ", \(requests) request\(requests == 1 ? "" : "s"), \(promptTokens + completionTokens) tokens"
    text += ", \(findings) finding\(findings == 1 ? "" : "s")"
    if status != .complete { text += "; on-unavailable: \(onUnavailable.rawValue)" }
    return text
  }

  /// The headline and the details, one per line, for formats that carry a block of text.
  package var fullText: String { ([headline] + details()).joined(separator: "\n") }

  /// What was skipped, rejected or went wrong, one line each, at most `limit` of each kind.
  package func details(limit: Int = 10) -> [String] {
    var lines: [String] = []
    func add<T>(_ items: [T], _ label: String, _ text: (T) -> String) {
      for item in items.prefix(limit) { lines.append("\(label) \(text(item))") }
      if items.count > limit { lines.append("\(label) … and \(items.count - limit) more") }
    }
    add(errors, "error:") { $0 }
    add(skipped, "skipped") { "\($0.path):\($0.start): \($0.reason)" }
    add(rejected, "rejected") { item in
      let place = item.path.isEmpty ? "" : "\(item.path)\(item.line.map { ":\($0)" } ?? "") "
      return "\(place)\(item.title.isEmpty ? "" : "“\(item.title)”: ")\(item.reason)"
    }
    if lowConfidence > 0 {
      lines.append("dropped \(lowConfidence) finding\(lowConfidence == 1 ? "" : "s") under model.min-confidence")
    }
    return lines
  }

  enum CodingKeys: String, CodingKey {
    case status, provider, model
    case promptVersion = "prompt_version"
    case onUnavailable = "on_unavailable"
    case effect, hunks, cached, sent, requests
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case milliseconds, findings
    case lowConfidence = "low_confidence"
    case skipped, rejected, errors
  }
}
