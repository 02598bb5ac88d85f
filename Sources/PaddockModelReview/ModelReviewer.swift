import Foundation
import PaddockChange
import PaddockCore
import PaddockRules
import PaddockSupport
import Synchronization

/// Sends hunks to a language model and turns its answers into findings.
///
/// Hunks are chosen by `model.send`, ordered by importance (AI lines before a person's, source before tests,
/// deletions last), stripped of the secrets the rules found, split into batches within the token budget, answered
/// from the cache where possible, and sent with bounded concurrency before a deadline. Each answer is checked
/// against the schema (one repair is asked for when it is unusable); a truncated answer is a failure; a finding on a
/// line the hunk did not add is rejected. The findings it returns can only be added to a verdict (see
/// `Reviewer.adding(model:to:change:)`).
package struct ModelReviewer: Sendable {
  package var config: ModelConfig
  package var provider: any ModelProvider
  package var cache: ModelCache?
  /// Seconds the whole review may take.
  package var deadline: TimeInterval

  package init(config: ModelConfig, provider: any ModelProvider, cache: ModelCache?, deadline: TimeInterval) {
    self.config = config
    self.provider = provider
    self.cache = cache
    self.deadline = deadline
  }

  /// The rule id model findings carry.
  package static let ruleID = ModelReviewResult.ruleID

  /// One hunk (or piece of a big one) ready to send: redacted, rendered, with its cache key.
  struct Piece: Sendable {
    var hunk: ModelHunk
    var text: String
    var key: String
    var tokens: Int
  }

  /// What one batch came back with.
  struct BatchOutcome: Sendable {
    var items: [[ModelAnswer.Item]]
    var rejected: [ModelReviewSummary.RejectedFinding] = []
    var error: String?
    var requests = 0
    var promptTokens = 0
    var completionTokens = 0
  }

  /// Reviews `hunks` (all of the change's; `model.send` picks among them). `ruleFindings` are the rules' findings,
  /// shown to the model so it does not repeat them. Every line sent (added, removed and context) and every finding
  /// shown has what `masker`'s secret rules find replaced by `[REDACTED]` first, and so has what the model answers.
  package func review(
    hunks: [ModelHunk], ruleFindings: [Finding], masker: SecretMasker, instructions: String?
  ) -> ModelReviewResult {
    let started = Date()
    var summary = ModelReviewSummary(
      status: .complete, provider: config.provider.rawValue, model: config.displayName,
      promptVersion: ModelPrompt.version, onUnavailable: config.onUnavailable)
    let overhead =
      ModelPrompt.estimateTokens(
        ModelPrompt.system + ModelPrompt.user(hunks: [], ruleFindings: [], instructions: instructions))
      + 200
    let pieces = self.pieces(
      of: hunks, ruleFindings: ruleFindings, masker: masker, instructions: instructions,
      overhead: overhead)
    summary.hunks = pieces.count
    var answers: [Int: [ModelAnswer.Item]] = [:]
    var pending: [Int] = []
    for (index, piece) in pieces.enumerated() {
      if let cached = cache?.read(piece.key) {
        answers[index] = cached
        summary.cached += 1
      } else {
        pending.append(index)
      }
    }
    let batches = self.batches(of: pending, in: pieces, overhead: overhead, summary: &summary)
    send(
      batches, of: pieces, ruleFindings: ruleFindings, instructions: instructions,
      end: started.addingTimeInterval(deadline), answers: &answers, summary: &summary)
    let findings = self.findings(in: answers, of: pieces, summary: &summary)
    summary.findings = findings.count
    summary.milliseconds = Int(Date().timeIntervalSince(started) * 1000)
    return ModelReviewResult(findings: findings, summary: summary)
  }

  /// The hunks in scope, most important first, with secrets masked, cut to fit a batch, each with its cache key.
  private func pieces(
    of hunks: [ModelHunk], ruleFindings: [Finding], masker: SecretMasker, instructions: String?, overhead: Int
  ) -> [Piece] {
    let chosen = order(hunks.filter { config.scope == .all || (config.scope == .ai && $0.hasAI) })
    let secrets = ruleFindings.filter { masker.ruleIDs.contains($0.rule) }
    let pieceBytes = max(600, (config.batchTokens - overhead) * 3)
    var pieces: [Piece] = []
    for hunk in chosen {
      for piece in ModelPrompt.redact(hunk, secrets: secrets, masker: masker).split(maxBytes: pieceBytes) {
        let text = ModelPrompt.render(piece)
        pieces.append(
          Piece(
            hunk: piece, text: text, key: ModelCache.key(config: config, instructions: instructions, hunk: text),
            tokens: ModelPrompt.estimateTokens(text)))
      }
    }
    return pieces
  }

  /// The pending pieces in batches, in order of importance, each within batch-tokens, all within budget-tokens;
  /// what does not fit the budget is recorded as skipped.
  private func batches(of pending: [Int], in pieces: [Piece], overhead: Int, summary: inout ModelReviewSummary)
    -> [[Int]]
  {
    var batches: [[Int]] = []
    var spent = 0
    var current: [Int] = []
    var currentTokens = overhead
    func close() {
      if !current.isEmpty { batches.append(current) }
      current = []
      currentTokens = overhead
    }
    for index in pending {
      let piece = pieces[index]
      if !current.isEmpty, currentTokens + piece.tokens > config.batchTokens { close() }
      let opening = current.isEmpty ? overhead + config.maxOutputTokens : 0
      if spent + opening + piece.tokens > config.budgetTokens {
        summary.skipped.append(
          .init(
            path: piece.hunk.path, start: piece.hunk.start,
            reason: "over model.budget-tokens (\(config.budgetTokens)); raise it to review this hunk"))
        continue
      }
      spent += opening + piece.tokens
      current.append(index)
      currentTokens += piece.tokens
    }
    close()
    return batches
  }

  /// Sends the batches, `model.concurrency` at a time, and records each answer (and caches it) or each failure.
  private func send(
    _ batches: [[Int]], of pieces: [Piece], ruleFindings: [Finding], instructions: String?, end: Date,
    answers: inout [Int: [ModelAnswer.Item]], summary: inout ModelReviewSummary
  ) {
    let outcomes = Mutex<[BatchOutcome?]>(Array(repeating: nil, count: batches.count))
    Parallel.forEach(batches.count, workers: min(config.concurrency, max(1, batches.count))) { number in
      let outcome = run(
        batches[number].map { pieces[$0] }, ruleFindings: ruleFindings, instructions: instructions, end: end)
      outcomes.withLock { $0[number] = outcome }
    }
    var failures = 0
    for (number, outcome) in outcomes.withLock({ $0 }).enumerated() {
      let batch = batches[number]
      guard let outcome else { continue }
      summary.requests += outcome.requests
      summary.promptTokens += outcome.promptTokens
      summary.completionTokens += outcome.completionTokens
      summary.rejected += outcome.rejected
      if let error = outcome.error {
        failures += 1
        if !summary.errors.contains(error) { summary.errors.append(error) }
        for index in batch {
          summary.skipped.append(.init(path: pieces[index].hunk.path, start: pieces[index].hunk.start, reason: error))
        }
        continue
      }
      summary.sent += batch.count
      for (position, index) in batch.enumerated() {
        answers[index] = outcome.items[position]
        cache?.write(pieces[index].key, findings: outcome.items[position])
      }
    }
    if failures > 0 { summary.status = failures == batches.count && summary.cached == 0 ? .unavailable : .partial }
  }

  /// The answers' items as findings: confident enough, on an added line of their piece, once per line and title.
  private func findings(
    in answers: [Int: [ModelAnswer.Item]], of pieces: [Piece], summary: inout ModelReviewSummary
  ) -> [Finding] {
    var findings: [Finding] = []
    var seen: Set<String> = []
    for (index, piece) in pieces.enumerated() {
      for item in answers[index] ?? [] {
        guard item.confidence >= config.minConfidence else {
          summary.lowConfidence += 1
          continue
        }
        guard let line = piece.hunk.lines.first(where: { $0.kind == .added && $0.number == item.line }) else {
          continue
        }
        let dedupe = "\(piece.hunk.path)\u{0}\(item.line)\u{0}\(item.title.lowercased())"
        guard seen.insert(dedupe).inserted else { continue }
        findings.append(finding(item, line: line, path: piece.hunk.path))
      }
    }
    return findings
  }

  /// The summary of a model review that could not start (no key, bad configuration).
  package static func unavailable(_ config: ModelConfig, error: String) -> ModelReviewResult {
    ModelReviewResult(
      findings: [],
      summary: ModelReviewSummary(
        status: .unavailable, provider: config.provider.rawValue, model: config.displayName,
        promptVersion: ModelPrompt.version, onUnavailable: config.onUnavailable, errors: [error]))
  }

  /// Most important first: AI-written before a person's, source before tests, deletions last; otherwise as given.
  func order(_ hunks: [ModelHunk]) -> [ModelHunk] {
    hunks.enumerated().sorted { left, right in
      let a = (left.element.hasAI ? 0 : 1, left.element.isTest ? 1 : 0, left.element.isDeleteOnly ? 1 : 0, left.offset)
      let b = (
        right.element.hasAI ? 0 : 1, right.element.isTest ? 1 : 0, right.element.isDeleteOnly ? 1 : 0, right.offset
      )
      return a < b
    }.map(\.element)
  }

  /// Sends one batch, asks once for a repair of an unusable answer, and sorts the findings to their pieces.
  func run(_ batch: [Piece], ruleFindings: [Finding], instructions: String?, end: Date) -> BatchOutcome {
    var outcome = BatchOutcome(items: Array(repeating: [], count: batch.count))
    guard end.timeIntervalSinceNow > 0 else {
      outcome.error = "model.deadline (\(Int(deadline)) s) passed before this batch was sent"
      return outcome
    }
    var request = ModelRequest(
      system: ModelPrompt.system,
      messages: [
        .init(
          role: .user,
          content: ModelPrompt.user(hunks: batch.map(\.hunk), ruleFindings: ruleFindings, instructions: instructions)
        )
      ],
      schema: ModelPrompt.schema, maxTokens: config.maxOutputTokens, temperature: config.temperature)
    var answer: ModelAnswer?
    for attempt in 1...2 {
      let reply: ModelReply
      do {
        reply = try provider.complete(request, deadline: end)
      } catch {
        outcome.requests += error.attempts
        outcome.error = error.description
        return outcome
      }
      outcome.requests += reply.attempts
      outcome.promptTokens += reply.promptTokens ?? ModelPrompt.estimateTokens(request.system + request.plainText)
      outcome.completionTokens += reply.completionTokens ?? ModelPrompt.estimateTokens(reply.text)
      if reply.truncated {
        outcome.error =
          "the model's answer was cut off at model.max-output-tokens (\(config.maxOutputTokens)) and was not used; "
          + "raise model.max-output-tokens or lower model.batch-tokens"
        return outcome
      }
      do {
        answer = try ModelAnswer.parse(reply.text)
        break
      } catch {
        guard attempt == 1 else {
          outcome.error = "the model's answer was unusable twice (\(error.description)); try another model"
          return outcome
        }
        request.messages += [
          .init(role: .assistant, content: String(reply.text.prefix(4000))),
          .init(
            role: .user,
            content: "That answer was not usable: \(error.description). Answer again with only the JSON object "
              + "{\"findings\": [...]} described above, with no other text."),
        ]
      }
    }
    guard let answer else { return outcome }
    for problem in answer.invalid {
      outcome.rejected.append(.init(path: "", line: nil, title: "", reason: problem))
    }
    let paths = Set(batch.map(\.hunk.path))
    for item in answer.items {
      let path = resolve(item.path, among: paths)
      guard let path,
        let position = batch.firstIndex(where: { $0.hunk.path == path && $0.hunk.addedNumbers.contains(item.line) })
      else {
        let reason =
          path == nil
          ? "`\(item.path.prefix(200))` is not a file of this batch"
          : "line \(item.line) of \(path ?? "") is not a line this change added"
        outcome.rejected.append(
          .init(path: path ?? String(item.path.prefix(200)), line: item.line, title: item.title, reason: reason))
        continue
      }
      var item = item
      item.path = path
      outcome.items[position].append(item)
    }
    return outcome
  }

  /// The batch's path a model meant: exact, without `./`, `a/` or `b/`, or the only one ending with it.
  func resolve(_ path: String, among paths: Set<String>) -> String? {
    if paths.contains(path) { return path }
    // The prompt shows a path with control characters escaped; the model names it as shown.
    if let shown = paths.first(where: { Escape.terminal($0) == path }) { return shown }
    var trimmed = Substring(path)
    for prefix in ["./", "a/", "b/", "/"] where trimmed.hasPrefix(prefix) { trimmed = trimmed.dropFirst(prefix.count) }
    if paths.contains(String(trimmed)) { return String(trimmed) }
    let endings = paths.filter { $0.hasSuffix("/" + trimmed) }
    return endings.count == 1 ? endings.first : nil
  }

  /// A model finding as the reviewer takes it: capped at `model.max-severity`, attributed to the line's author.
  func finding(_ item: ModelAnswer.Item, line: ModelHunk.Line, path: String) -> Finding {
    var finding = Finding(
      rule: Self.ruleID, title: item.title, severity: min(item.severity, config.maxSeverity), path: path,
      line: item.line, authorship: line.authorship ?? .unknown, agent: line.agent, commit: line.commit,
      message: item.message.isEmpty ? item.title : item.message,
      fix: "A language model reported this; check it before acting on it.", snippet: line.text,
      fingerprint: Fingerprint.of(rule: Self.ruleID, path: path, text: line.text + "\u{0}" + item.title.lowercased()))
    finding.source = .model
    finding.confidence = item.confidence
    finding.model = config.displayName
    return finding
  }
}
