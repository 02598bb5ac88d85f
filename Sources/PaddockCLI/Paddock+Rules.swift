import ArgumentParser
import Foundation
import PaddockChange
import PaddockCore
import PaddockRules

extension Paddock {
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List, explain and test the rules.",
      subcommands: [List.self, Explain.self, Test.self])

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "List every rule: built-in and the repository's own, and whether it is on.")

      @Option(help: OutputFormat.Menu.attribution.help, transform: OutputFormat.Menu.attribution.parse)
      var format: OutputFormat = .text

      @OptionGroup var options: RepositoryOptions

      func run() throws {
        try reportingErrors {
          let (catalogue, config) = try loadCatalogue(options)
          let enabled = Set(try catalogue.enabledRules(config).map(\.id))
          switch format {
          case .json:
            let entries = catalogue.allRules.map { RuleListing(rule: $0, enabled: enabled.contains($0.id)) }
            try writeOut(try JSONRenderer.render(entries))
          case .text:
            var out = ""
            for pack in catalogue.packs {
              out += "\(pack.id) (\(pack.rules.count) rules, \(pack.file)): \(pack.title)\n"
              for rule in pack.rules {
                let state = enabled.contains(rule.id) ? " " : "-"
                let scope = rule.scope == .any ? "" : " [\(rule.scope.rawValue)]"
                out += "  \(state) \(rule.id.padding(toLength: 38, withPad: " ", startingAt: 0)) "
                out +=
                  "\(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(rule.title)\(scope)\n"
              }
            }
            out += "\n\(catalogue.allRules.count) rules, \(enabled.count) on (`-` marks a rule that is off)\n"
            try writeOut(out)
          default:
            throw OutputFormat.Unsupported(format: format, menu: .attribution)
          }
        }
      }
    }

    struct Explain: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Explain one rule: what it looks for and how to fix it.")

      @Argument(help: "The rule id.")
      var id: String

      @OptionGroup var options: RepositoryOptions

      func run() throws {
        try reportingErrors {
          let (catalogue, _) = try loadCatalogue(options)
          guard let rule = catalogue.rule(id: id) else {
            let ids = catalogue.allRules.map(\.id)
            let close = suggestion(for: id, among: ids)
            throw CLIError.unknownRule(id: id, suggestion: close)
          }
          try writeOut(RuleExplainer.explain(rule))
        }
      }
    }

    struct Test: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Run rules' examples: every fire example must fire and every quiet one stay quiet.",
        discussion: "Without FILES, tests the built-in rules and the files under `rules.files` in .paddock.yml.")

      @Argument(help: "Rule pack files to test.")
      var files: [String] = []

      @OptionGroup var options: RepositoryOptions

      func run() throws {
        var failed = 0
        try reportingErrors {
          var rules: [Rule]
          let config: PaddockConfig
          if files.isEmpty {
            let loaded = try loadCatalogue(options)
            rules = loaded.0.allRules
            config = loaded.1
          } else {
            rules = []
            for file in files { rules += try RulePack.load(file: file).rules }
            config = (try? options.openRepository()).flatMap { try? options.loadConfig(for: $0) } ?? PaddockConfig()
          }
          let classifier = try CommitClassifier(catalogue: config.catalogue())
          var out = ""
          var total = 0
          var mutations = 0
          for rule in rules {
            for result in RuleExampleRunner.run(rule, classifier: classifier) {
              if result.mutation == nil { total += 1 } else { mutations += 1 }
              guard !result.passed else { continue }
              failed += 1
              out += "FAIL \(result.rule) \(result.location): \(result.problem ?? "failed"): \(result.example)\n"
              if !result.mutatedText.isEmpty {
                out +=
                  "     mutated: \(result.mutatedText.map { Escape.terminal($0) }.joined(separator: "\n              "))\n"
              }
              for message in result.findings { out += "     finding: \(message)\n" }
            }
          }
          out +=
            "\(total + mutations - failed) passed, \(failed) failed (\(rules.count) rules, \(total) examples, "
            + "\(mutations) mutations)\n"
          try writeOut(out)
        }
        if failed > 0 { throw ExitCode(1) }
      }
    }
  }
}

/// A rule as `paddock rules list --format json` prints it.
struct RuleListing: Encodable {
  var id: String
  var title: String
  var pack: String
  var kind: String
  var severity: String
  var authorship: String
  var languages: [String]
  var enabled: Bool
  var pattern: String?
  var patternNot: String?
  var patternNotBefore: String?
  var patternNotStatement: String?
  var patternNotInFile: String?
  /// The template of the rule's mechanical fix, when it has one.
  var replacement: String?
  var include: [String]
  var exclude: [String]
  var references: [String]
  var source: String

  init(rule: Rule, enabled: Bool) {
    id = rule.id
    title = rule.title
    pack = rule.pack
    kind = rule.kind.name
    severity = rule.severity.rawValue
    authorship = rule.scope.rawValue
    languages = rule.languages.map(\.rawValue)
    self.enabled = enabled
    pattern = rule.pattern
    patternNot = rule.patternNot
    patternNotBefore = rule.patternNotBefore
    patternNotStatement = rule.patternNotStatement
    patternNotInFile = rule.patternNotInFile
    replacement = rule.replacement?.template
    include = rule.include
    exclude = rule.exclude
    references = rule.references
    source = rule.source.description
  }

  enum CodingKeys: String, CodingKey {
    case id, title, pack, kind, severity, authorship, languages, enabled, pattern
    case patternNot = "pattern_not"
    case patternNotBefore = "pattern_not_before"
    case patternNotStatement = "pattern_not_statement"
    case patternNotInFile = "pattern_not_in_file"
    case replacement, include, exclude, references, source
  }
}

/// The catalogue and configuration of the repository the command runs in; outside a repository, the built-ins.
func loadCatalogue(_ options: RepositoryOptions) throws -> (RuleCatalog, PaddockConfig) {
  guard let repository = try? options.openRepository() else {
    let config = try options.config.map { try PaddockConfig.load(file: $0, required: true) } ?? PaddockConfig()
    return (try RuleCatalog.load(config: config, root: FileManager.default.currentDirectoryPath), config)
  }
  let config = try options.loadConfig(for: repository)
  let root = repository.workingDirectory ?? FileManager.default.currentDirectoryPath
  return (try RuleCatalog.load(config: config, root: root), config)
}
