/// What a rule checks: one added line against a pattern, or a check written in Swift.
public enum RuleKind: Sendable, Hashable {
  /// `pattern` over each added line.
  case pattern
  /// `pattern` plus entropy and placeholder checks on the captured secret.
  case secret(SecretOptions)
  /// Source files changed without a test file changed.
  case missingTests(MissingTestsOptions)
  /// AI-written lines in protected paths need a person's review trailer.
  /// `globs` from the rule (test files among them skipped unless `tests`, as `FileKind` tells them), `configured`
  /// from `.paddock.yml` and where the configuration lives (always protected).
  case protectedPaths(globs: [String], tests: Bool = true, configured: [String] = [])
  /// Limits on AI-written lines per commit and per change.
  case changeSize(ChangeSizeLimits)
  /// A package added to a dependency manifest.
  case newDependency
  /// A block of added lines that also stands elsewhere.
  case duplicateCode(minLines: Int)
  /// An AI commit signed off in an agent's name.
  case aiSignoff
  /// `pattern` over the whole file, lines joined by line breaks: a defect a formatter spreads over lines.
  case multiLine(MultiLineOptions)

  /// The name used in YAML.
  public var name: String {
    switch self {
    case .pattern: "pattern"
    case .secret: "secret"
    case .missingTests: "missing-tests"
    case .protectedPaths: "protected-paths"
    case .changeSize: "change-size"
    case .newDependency: "new-dependency"
    case .duplicateCode: "duplicate-code"
    case .aiSignoff: "ai-signoff"
    case .multiLine: "multi-line"
    }
  }

  /// Whether the kind looks at single added lines (and so needs a `pattern` or reads lines itself).
  public var isLineBased: Bool {
    switch self {
    case .pattern, .secret, .newDependency, .multiLine: true
    case .missingTests, .protectedPaths, .changeSize, .duplicateCode, .aiSignoff: false
    }
  }

  /// Whether findings of the kind say which columns they cover (so an example's marks carry columns).
  public var reportsColumns: Bool {
    switch self {
    case .pattern, .secret, .multiLine: true
    case .missingTests, .protectedPaths, .changeSize, .newDependency, .duplicateCode, .aiSignoff: false
    }
  }

  /// How sure a finding of this kind is, as SARIF's `precision` says it: a pattern names the code it matched;
  /// the checks of a whole change (a missing test, a large change) are judgements about it.
  public var precision: String {
    switch self {
    case .pattern, .secret, .multiLine, .newDependency, .aiSignoff: "high"
    case .missingTests, .protectedPaths, .changeSize, .duplicateCode: "medium"
    }
  }

  /// The Code Climate category of the kind's findings, when the kind has one of its own; nil leaves the choice to
  /// the finding's severity.
  public var codeQualityCategory: String? {
    switch self {
    case .duplicateCode: "Duplication"
    case .changeSize: "Complexity"
    case .pattern, .secret, .multiLine, .newDependency, .aiSignoff, .missingTests, .protectedPaths: nil
    }
  }

  public static let names = [
    "pattern", "secret", "missing-tests", "protected-paths", "change-size", "new-dependency", "duplicate-code",
    "ai-signoff", "multi-line",
  ]
}

/// Parameters of a `secret` rule.
public struct SecretOptions: Sendable, Hashable {
  /// Minimum Shannon entropy of the secret, in bits per character.
  public var minEntropy: Double
  /// Regular expressions of known placeholders; a secret matching one is not reported.
  public var allow: [String]
  /// Regular expressions the secret must each match (say, a digit and a letter) to be reported.
  public var require: [String]

  public init(minEntropy: Double = 0, allow: [String] = [], require: [String] = []) {
    self.minEntropy = minEntropy
    self.allow = allow
    self.require = require
  }
}

/// Parameters of a `missing-tests` rule: which paths are sources and which are tests.
public struct MissingTestsOptions: Sendable, Hashable {
  public var source: [String]
  public var test: [String]

  public init(source: [String], test: [String]) {
    self.source = source
    self.test = test
  }
}

/// Parameters of a `change-size` rule; nil means no limit.
public struct ChangeSizeLimits: Sendable, Hashable {
  public var perCommit: Int?
  public var perChange: Int?

  public init(perCommit: Int?, perChange: Int?) {
    self.perCommit = perCommit
    self.perChange = perChange
  }
}
