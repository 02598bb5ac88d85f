import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockModelReview
import PaddockNet
import PaddockRules
import Synchronization

/// The parsers that read untrusted bytes, each as a fuzz target: a function of arbitrary input that must not crash,
/// hang or break the parser's own promises. The libFuzzer driver (`paddock-fuzz`) calls `run` with generated input;
/// the test suite replays every file under `Fuzz/corpus/<target>/` through the same function.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// Commit messages and identities: git's trailer parser and the agent recogniser.
  case trailers
  /// What git writes to a pre-push hook's standard input.
  case prePush = "pre-push"
  /// `.paddock.yml` and rule packs, with every pattern compiled and every rule example run.
  case config
  /// A model server's HTTP body and the model's answer inside it.
  case modelResponse = "model-response"
  /// CI input: a GitHub event payload, GitLab variables, and GitHub API pagination and comment bodies.
  case ciEvent = "ci-event"

  /// Runs one input; throws when a promise is broken (a crash or a hang shows up as itself).
  package func run(_ input: [UInt8]) throws(FuzzViolation) {
    switch self {
    case .trailers: try Self.trailers(input)
    case .prePush: try Self.prePush(input)
    case .config: try Self.config(input)
    case .modelResponse: try Self.modelResponse(input)
    case .ciEvent: try Self.ciEvent(input)
    }
  }

  /// The input files under `paths`: a file itself, or the files of a directory in name order; nil when a path
  /// does not exist.
  package static func inputFiles(_ paths: [String]) -> [String]? {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
      guard isDirectory.boolValue else {
        files.append(path)
        continue
      }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files += names.sorted().map { path + "/" + $0 }
    }
    return files
  }

  package static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzViolation) {
    if !condition { throw FuzzViolation(description: message()) }
  }

  // MARK: Trailers and agents

  /// Built once (compiling the catalogue's patterns is slow next to one input) and used under its lock: the
  /// classifier is not `Sendable`, and the test suite replays targets from several tests at once.
  static let classifier = Mutex<CommitClassifier>(
    {
      do {
        return try CommitClassifier(catalogue: .builtin)
      } catch {
        preconditionFailure("the built-in agent catalogue does not compile: \(error)")
      }
    }())

  /// The first line is the author (`Name <email>`), the rest the message.
  static func trailers(_ input: [UInt8]) throws(FuzzViolation) {
    let split = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
    let identity = String(decoding: input[..<split], as: UTF8.self)
    let messageBytes = Array(input[min(split + 1, input.endIndex)...])
    let message = String(decoding: messageBytes, as: UTF8.self)
    let trailers = Trailer.parse(bytes: messageBytes)
    for trailer in trailers {
      try check(!trailer.key.isEmpty, "a trailer with an empty key in \(trailers)")
      try check(!trailer.key.contains(":"), "the trailer key `\(trailer.key)` contains a colon")
      try check(
        !trailer.key.contains(where: \.isNewline), "the trailer key `\(trailer.key)` spans lines")
    }
    if messageBytes.firstIndex(of: 0) == nil, String(validating: messageBytes, as: UTF8.self) != nil {
      try check(Trailer.parse(message) == trailers, "parsing the text and its bytes gives different trailers")
    }
    let name = identity.split(separator: "<", maxSplits: 1).first.map(String.init) ?? identity
    let email = identity.split(separator: "<", maxSplits: 1).dropFirst().first.map { String($0.prefix { $0 != ">" }) }
    let author = Signature(name: name, email: email ?? "", time: 0, offsetMinutes: 0)
    let zero = ObjectID.zero
    let commit = Commit(
      id: zero, parents: [], author: author, committer: author, message: message, trailers: trailers, tree: zero)
    let classification = classifier.withLock { $0.classify(commit) }
    let agents = classification.evidence.compactMap(\.agent) + [classification.agent].compactMap { $0 }
    for agent in agents {
      try check(
        isAgentID(agent),
        "the agent id `\(agent)` (\(agent.unicodeScalars.map { String($0.value, radix: 16) })) is neither catalogued "
          + "nor a declared name")
    }
  }

  /// A catalogued agent, the unnamed-tool id, or `declared:<name>` with a name.
  static func isAgentID(_ id: String) -> Bool {
    if classifier.withLock({ $0.catalogue.agent(id: id) != nil }) || id == "unspecified" { return true }
    guard id.utf8.starts(with: "declared:".utf8) else { return false }
    let name = String(String.UnicodeScalarView(id.unicodeScalars.dropFirst("declared:".unicodeScalars.count)))
    return !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace }
  }

  // MARK: Pre-push input

  static func prePush(_ input: [UInt8]) throws(FuzzViolation) {
    let text = String(decoding: input, as: UTF8.self)
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
    let parsed: Result<[PushUpdate], PushInputError>
    do throws(PushInputError) {
      parsed = .success(try PushUpdate.parse(text))
    } catch {
      parsed = .failure(error)
    }
    switch parsed {
    case .success(let updates):
      try check(updates.count <= lines, "\(updates.count) updates from \(lines) lines")
      for update in updates {
        for ref in [update.localRef, update.remoteRef] {
          try check(
            !ref.isEmpty && !ref.unicodeScalars.contains { $0 == " " || $0 == "\n" },
            "the ref `\(ref)` is not one field")
        }
        try check(update.localID?.isZero != true && update.remoteID?.isZero != true, "a zero id was kept")
      }
    case .failure(let error):
      try check((1...max(lines, 1)).contains(error.line), "the error names line \(error.line) of \(lines)")
      try check(!error.description.isEmpty, "an error without a message")
    }
  }

  // MARK: Configuration and rule packs

  static func config(_ input: [UInt8]) throws(FuzzViolation) {
    let text = String(decoding: input, as: UTF8.self)
    do {
      let config = try PaddockConfig.parse(text, file: ".paddock.yml")
      // Agents and aliases from the file compile into a classifier, or are refused with a message.
      do {
        _ = try CommitClassifier(catalogue: config.catalogue())
      } catch {
        try check(!error.description.isEmpty, "a catalogue error without a message")
      }
    } catch let error as ConfigError {
      try check(error.file == ".paddock.yml", "a configuration error names `\(error.file)`")
      try check(!error.message.isEmpty && !error.fix.isEmpty, "a configuration error without a message or a fix")
    } catch {
      throw FuzzViolation(description: "the configuration parser threw \(type(of: error)), not a ConfigError: \(error)")
    }
    do {
      let pack = try RulePack.parse(text, file: "rules/fuzz.yml")
      _ = try RuleSet(rules: pack.rules)
      for rule in pack.rules {
        // Every example runs through the real review engine; failing examples are fine, crashes are not.
        classifier.withLock { _ = RuleExampleRunner.run(rule, classifier: $0) }
      }
    } catch let error as ConfigError {
      try check(error.file == "rules/fuzz.yml", "a rule pack error names `\(error.file)`")
    } catch let error as RuleSetError {
      try check(!error.description.isEmpty, "a rule set error without a message")
    } catch {
      throw FuzzViolation(description: "the rule pack parser threw \(type(of: error)): \(error)")
    }
  }

  // MARK: Model responses

  /// A transport that answers every request with the same body.
  struct CannedTransport: HTTPTransport {
    var body: Data
    func send(_ request: HTTPRequest) throws -> HTTPResponse { HTTPResponse(status: 200, body: body) }
  }

  /// A provider that answers with the same text.
  struct CannedProvider: ModelProvider {
    var text: String
    func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
      ModelReply(text: text, truncated: false)
    }
  }

  static let modelConfig: ModelConfig = {
    var config = ModelConfig()
    config.endpoint = "http://127.0.0.1:9/v1"
    config.name = "model"
    config.cache = false
    config.attempts = 1
    return config
  }()

  static let hunks = [
    ModelHunk(
      path: "src/app.py",
      lines: [
        .init(kind: .context, number: 1, text: "import os"),
        .init(kind: .added, number: 2, text: "token = os.environ['T']", authorship: .ai, agent: "claude-code"),
        .init(kind: .removed, number: nil, text: "token = 'x'"),
        .init(kind: .added, number: 3, text: "print(token)", authorship: .human),
      ]),
    ModelHunk(path: "docs/readme.md", lines: [.init(kind: .added, number: 7, text: "# Title", authorship: .ai)]),
  ]

  static func modelResponse(_ input: [UInt8]) throws(FuzzViolation) {
    let body = Data(input)
    // The HTTP body as an OpenAI-compatible and as an Anthropic server would send it.
    for provider in ["openai", "anthropic"] {
      var config = modelConfig
      config.provider = provider == "openai" ? .openai : .anthropic
      let made: any ModelProvider
      do {
        made = try config.makeProvider(environment: ["ANTHROPIC_API_KEY": "k"], transport: CannedTransport(body: body))
      } catch {
        throw FuzzViolation(description: "no \(provider) provider: \(error)")
      }
      let request = ModelRequest(
        system: "s", messages: [.init(role: .user, content: "u")], schema: ModelPrompt.schema, maxTokens: 64,
        temperature: 0)
      do {
        _ = try made.complete(request, deadline: Date().addingTimeInterval(5))
      } catch {
        try check(!error.description.isEmpty, "a model error without a message")
      }
    }
    // The bytes as the model's answer: every finding kept points at an added line of a file sent.
    let text = String(decoding: input, as: UTF8.self)
    let reviewer = ModelReviewer(
      config: modelConfig, provider: CannedProvider(text: text), cache: nil, deadline: 5)
    let result = reviewer.review(hunks: hunks, ruleFindings: [], masker: SecretMasker(rules: []), instructions: nil)
    let added = Dictionary(grouping: hunks, by: \.path).mapValues { Set($0.flatMap(\.addedNumbers)) }
    for finding in result.findings {
      guard let path = finding.path, let line = finding.line else {
        throw FuzzViolation(description: "a model finding without a place: \(finding)")
      }
      try check(added[path]?.contains(line) == true, "a model finding on \(path):\(line), not an added line")
      try check(finding.severity <= modelConfig.maxSeverity, "a model finding above model.max-severity")
      try check(finding.title.count <= 200 && finding.message.count <= 2000, "a model finding's text was not capped")
      try check(
        (finding.confidence ?? 0) >= modelConfig.minConfidence, "a model finding below model.min-confidence was kept")
    }
  }

  // MARK: CI input

  static func ciEvent(_ input: [UInt8]) throws(FuzzViolation) {
    let data = Data(input)
    let github = [
      "GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": "/event.json", "GITHUB_SHA": "head", "GITHUB_BASE_REF": "main",
    ]
    do {
      let context = try CIContext.detect(environment: github, readFile: { _ in data })
      try check(context.provider == .github, "a GitHub run detected as \(context.provider)")
      try check(context.base.map { !$0.isEmpty } ?? true, "an empty base revision")
    } catch let error as CIError {
      try check(!error.description.isEmpty, "a CI error without a message")
    } catch {
      throw FuzzViolation(description: "CI detection threw \(type(of: error)): \(error)")
    }
    // The bytes as GitLab's variables, one `NAME=value` a line.
    var gitlab = ["GITLAB_CI": "true"]
    for line in String(decoding: input, as: UTF8.self).split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      gitlab[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    gitlab["GITLAB_CI"] = "true"
    do {
      let context = try CIContext.detect(environment: gitlab)
      try check(context.provider == .gitlab, "a GitLab run detected as \(context.provider)")
      try check(context.base.map { !$0.isEmpty } ?? true, "an empty base revision")
    } catch {
      throw FuzzViolation(description: "GitLab detection threw: \(error)")
    }
    // The bytes as what the GitHub API sends back: a `Link` header and comment bodies.
    let text = String(decoding: input, as: UTF8.self)
    let api = URL(string: "https://api.github.com")
    if let api, let next = GitHubReviewPublisher.nextLink(text, under: api) {
      try check(
        next.host?.lowercased() == api.host && next.scheme?.lowercased() == api.scheme && next.port == api.port,
        "followed a link to \(next) from \(api)")
    }
    for fingerprint in GitHubReviewPublisher.fingerprints(in: text) {
      try check(!fingerprint.contains(" -->"), "a fingerprint that runs past its marker")
    }
  }
}

/// A broken promise found by a fuzz input.
package struct FuzzViolation: Error, Sendable, CustomStringConvertible {
  package var description: String
}
