import PaddockChange
import PaddockCore
import PaddockModelReview
import PaddockRules
import Testing

/// Secrets are masked wherever they are shown or sent: every secret on a line, in any finding's snippet, in the
/// lines a model is sent (added, removed, context).
@Suite struct SecretMaskingTests {
  static let key = "AKIA4X3YDICBBPBHM35X"
  static let token = "ghp_" + "R8x2Lq0Zt7VbN4mK9sWc3YhJ6pFd1GaE5uTy"

  static let builtin = RuleCatalog.builtin.allRules
  static var masker: SecretMasker { SecretMasker(rules: builtin) }

  @Test func everySecretOnALineIsMasked() {
    let line = "KEYS = ['\(Self.key)', '\(Self.token)']  # \(Self.key)"
    let masked = Self.masker.mask(line)
    #expect(!masked.contains(Self.key) && !masked.contains(Self.token), "\(masked)")
    #expect(masked == "KEYS = ['AKIA****', 'ghp_****']  # AKIA****")
    // Placeholders and text without secrets stay as they are.
    #expect(Self.masker.mask("aws_access_key_id = AKIAXXXXXXXXXXXXXXXX") == "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX")
    #expect(Self.masker.mask("let x = 1 // é→") == "let x = 1 // é→")
  }

  /// Another rule's finding on the secret's line carries the line as its code frame: it is masked too.
  @Test func anotherRulesSnippetOnTheSecretsLineIsMasked() throws {
    let change = ReviewChange(
      files: [
        ReviewFile(
          path: "src/settings.py", language: .python,
          added: [AddedLine(number: 1, text: "print('\(Self.key)')", authorship: .ai, commit: nil)])
      ],
      commits: [])
    let printing = Rule(
      id: "print-call", title: "print", pack: "test", severity: .warning, pattern: #"print\("#, message: "m", fix: "f")
    let findings = try RuleSet(rules: Self.builtin + [printing]).evaluate(change)
    #expect(Set(findings.map(\.rule)).isSuperset(of: ["aws-access-key-id", "print-call", "ai-change-without-tests"]))
    for finding in findings {
      #expect(finding.snippet?.contains(Self.key) == false, "\(finding.rule): \(finding.snippet ?? "")")
    }
  }

  /// A removed key and a key in the context around a change are sent as `[REDACTED]`, like an added one.
  @Test func everyLineSentToAModelIsMasked() {
    let hunk = ModelHunk(
      path: "deploy/env.sh", language: .shell,
      lines: [
        .init(kind: .context, number: 1, text: "export TOKEN=\(Self.token)"),
        .init(kind: .removed, number: nil, text: "export AWS_ACCESS_KEY_ID=\(Self.key)"),
        .init(kind: .added, number: 2, text: "export AWS_ACCESS_KEY_ID=\"$KEY\"", authorship: .ai),
      ])
    let sent = ModelPrompt.render(ModelPrompt.redact(hunk, secrets: [], masker: Self.masker))
    #expect(!sent.contains(Self.key) && !sent.contains(Self.token), "\(sent)")
    #expect(sent.components(separatedBy: "[REDACTED]").count == 3, "\(sent)")
  }
}
