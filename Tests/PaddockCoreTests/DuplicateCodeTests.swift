import PaddockCore
import PaddockRules
import Testing

/// The built-in `duplicate-code` rule on the kinds of copy found in beads and sentry-mcp: what a reviewer would want
/// to hear about (copied logic), and what is a copy by nature (documentation, data, lock files, generated and
/// vendored files, imports, test setup, lists).
@Suite struct DuplicateCodeTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var example: RuleExample
    var findings: Int
    var testDescription: String { name }
  }

  /// Ten lines of Go, copied as a block.
  static let retry = [
    "\tfor attempt := 0; attempt <= retry.MaxRetries; attempt++ {",
    "\t\treq, err := http.NewRequestWithContext(ctx, method, urlStr, reqBody)",
    "\t\tif err != nil {",
    "\t\t\treturn nil, nil, fmt.Errorf(\"failed to create request: %w\", err)",
    "\t\t}",
    "\t\tresp, err := c.HTTPClient.Do(req)",
    "\t\tif err != nil {",
    "\t\t\tlastErr = fmt.Errorf(\"request failed (attempt %d/%d): %w\", attempt+1, MaxRetries+1, err)",
    "\t\t\tcontinue",
    "\t\t}",
    "\t\trespBody, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseSize))",
    "\t\t_ = resp.Body.Close()",
  ]

  static let prose = [
    "Configure and manage Dolt database settings and server lifecycle.",
    "The server starts on demand and stops when the last client leaves.",
    "Use `bd dolt start` to keep it running between commands.",
    "Settings are read from .beads/config.yaml and the environment.",
    "Every setting can be overridden with a BEADS_ prefixed variable.",
    "Run `bd dolt status` to see the server's port and data directory.",
    "Logs are written to .beads/dolt/server.log.",
  ]

  static let goImports = [
    "package github", "", "import (", "\t\"context\"", "\t\"fmt\"", "\t\"os\"", "\t\"regexp\"", "\t\"strconv\"",
    "\t\"strings\"", "", "\t\"github.com/steveyegge/beads/internal/storage\"",
    "\t\"github.com/steveyegge/beads/internal/tracker\"", "\t\"github.com/steveyegge/beads/internal/types\"", ")",
  ]

  static let tsImports = [
    "import {", "  ParamOrganizationSlug,", "  ParamRegionUrl,", "  ParamProjectSlugOrAll,", "  ParamIssueShortId,",
    "  ParamIssueUrl,", "  ParamEventId,", "  ParamTraceId,", "} from \"../../schema\";",
  ]

  /// Test setup that many tests of beads repeat.
  static let setup = [
    "\tif testDoltServerPort == 0 {", "\t\tt.Skip(\"Dolt test server not available\")", "\t}",
    "\tif testutil.DoltContainerCrashed() {",
    "\t\tt.Skipf(\"Dolt test server crashed: %v\", testutil.DoltContainerCrashError())", "\t}",
    "\tensureTestMode(t)", "\tsaved := saveAndRestoreGlobals(t)", "\t_ = saved", "\ttmpDir := t.TempDir()",
  ]

  static func file(_ path: String, _ lines: [String]) -> ExampleFile { ExampleFile(path: path, lines: lines) }

  static let quiet: [Case] = [
    Case(
      name: "generated documentation",
      example: RuleExample(
        path: "website/static/llms-full.txt", lines: prose, head: [file("docs/CLI_REFERENCE.md", prose)]),
      findings: 0),
    Case(
      name: "Docusaurus versioned docs",
      example: RuleExample(
        path: "website/versioned_docs/version-1.0.0/cli-reference/dolt.mdx", lines: prose,
        head: [file("website/docs/cli-reference/dolt.mdx", prose)]), findings: 0),
    Case(
      name: "lock file",
      example: RuleExample(
        path: "pnpm-lock.yaml",
        lines: Array(
          repeating: [
            "  '@vitest/pretty-format@4.1.2':", "    resolution: {integrity: sha512-dpQoKkMTMTpZCbVfEu2pPTTGKrjAeDzG}",
            "    dependencies:", "      '@vitest/pretty-format': 4.1.2", "      tinyrainbow: 3.0.3",
            "      loupe: 3.2.1",
          ], count: 2
        ).flatMap { $0 }), findings: 0),
    Case(
      name: "generated JSON and a fixture",
      example: RuleExample(
        path: "packages/mcp-core/src/toolDefinitions.json",
        lines: [
          "    \"inputSchema\": {", "      \"type\": \"object\",", "      \"properties\": {",
          "        \"organizationSlug\": { \"type\": \"string\" },", "        \"regionUrl\": { \"type\": \"string\" },",
          "        \"issueId\": { \"type\": \"string\" },", "        \"issueUrl\": { \"type\": \"string\" }",
        ],
        head: [
          file(
            "packages/mcp-server-mocks/src/fixtures/tool.json",
            [
              "    \"inputSchema\": {", "      \"type\": \"object\",", "      \"properties\": {",
              "        \"organizationSlug\": { \"type\": \"string\" },",
              "        \"regionUrl\": { \"type\": \"string\" },", "        \"issueId\": { \"type\": \"string\" },",
              "        \"issueUrl\": { \"type\": \"string\" }",
            ])
        ]), findings: 0),
    Case(
      name: "Go import block",
      example: RuleExample(
        path: "internal/github/tracker.go", lines: goImports,
        head: [file("cmd/bd/linear.go", goImports.map { $0 == "package github" ? "package main" : $0 })]),
      findings: 0),
    Case(
      name: "TypeScript import block",
      example: RuleExample(
        path: "packages/mcp-core/src/tools/catalog/get-alert-rule.ts", lines: tsImports,
        head: [file("packages/mcp-core/src/tools/catalog/find-alert-rules.ts", tsImports)]), findings: 0),
    Case(
      name: "generated Go",
      example: RuleExample(
        path: "internal/types/zz_types.go", lines: ["// Code generated by stringer; DO NOT EDIT.", ""] + retry,
        head: [file("internal/gitlab/client.go", retry)]), findings: 0),
    Case(
      name: "vendored Go",
      example: RuleExample(
        path: "vendor/github.com/acme/retry/retry.go", lines: retry, head: [file("internal/gitlab/client.go", retry)]),
      findings: 0),
    Case(
      name: "test setup",
      example: RuleExample(
        path: "cmd/bd/export_test.go", lines: ["func TestExport(t *testing.T) {"] + setup,
        head: [file("cmd/bd/backup_test.go", ["func TestBackup(t *testing.T) {"] + setup)]), findings: 0),
    Case(
      name: "a test repeating the code's values",
      example: RuleExample(
        path: "internal/gitlab/client_test.go", lines: retry, head: [file("internal/gitlab/client.go", retry)]),
      findings: 0),
    Case(
      name: "a list of short lines",
      example: RuleExample(
        path: "packages/mcp-core/src/tools/catalog/find-dashboards.ts",
        lines: [
          "      limit: z", "        .number()", "        .int()", "        .positive()", "        .max(100)",
          "        .default(10)", "        .describe(\"Maximum number of results\"),",
        ],
        head: [
          file(
            "packages/mcp-core/src/tools/catalog/find-alert-rules.ts",
            [
              "      limit: z", "        .number()", "        .int()", "        .positive()", "        .max(100)",
              "        .default(10)", "        .describe(\"Maximum number of results\"),",
            ])
        ]), findings: 0),
  ]

  /// Declarations: the fields of a type, as sentry-mcp repeats them across its API client.
  static let fields = [
    "  organizationSlug?: string;", "  projectSlug?: string;", "  fields?: string[];", "  sort?: string;",
    "  statsPeriod?: string;", "  aggregateFunctions?: string[];", "  groupByFields?: string[];",
  ]

  /// A table-driven test's rows of literals.
  static let rows = [
    "\t\t{\"nil error\", nil, false, \"nothing to report\"},",
    "\t\t{\"unrelated error\", errUnrelated, false, \"not a lock error\"},",
    "\t\t{\"lock held\", errLockHeld, true, \"the server holds the lock\"},",
    "\t\t{\"lock timeout\", errLockTimeout, true, \"the lock was not released\"},",
    "\t\t{\"read only\", errReadOnly, true, \"the database is read only\"},",
    "\t\t{\"wrapped lock\", errWrappedLock, true, \"a wrapped lock error\"},",
  ]

  /// Twenty-four rows: long enough to be reported in a test if rows were code.
  static let table = ["", "X", "Y", "Z"].flatMap { suffix in
    rows.map { $0.replacingOccurrences(of: "err", with: "err" + suffix) }
  }

  static let extraQuiet: [Case] = [
    Case(
      name: "declarations",
      example: RuleExample(
        path: "packages/mcp-core/src/api-client/types.ts", lines: ["export interface EventQuery {"] + fields + ["}"],
        head: [file("packages/mcp-server/src/api-client/types.ts", ["export interface SearchQuery {"] + fields + ["}"])]
      ),
      findings: 0),
    Case(
      name: "markup",
      example: RuleExample(
        path: "packages/mcp-cloudflare/src/client/components/fragments/stdio-setup.tsx",
        lines: [
          "          <small>", "            For more details, see the{\" \"}", "            <a",
          "              href=\"https://github.com/google-gemini/gemini-cli\"", "              target=\"_blank\"",
          "              rel=\"noopener noreferrer\"", "            >", "              Gemini CLI documentation",
          "            </a>", "          </small>",
        ],
        head: [
          file(
            "packages/mcp-cloudflare/src/client/components/fragments/remote-setup.tsx",
            [
              "          <small>", "            For more details, see the{\" \"}", "            <a",
              "              href=\"https://github.com/google-gemini/gemini-cli\"", "              target=\"_blank\"",
              "              rel=\"noopener noreferrer\"", "            >", "              Gemini CLI documentation",
              "            </a>", "          </small>",
            ])
        ]), findings: 0),
    Case(
      name: "a table of test rows",
      example: RuleExample(
        path: "cmd/bd/dolt_lock_test.go", lines: table, head: [file("cmd/bd/dolt_test.go", table)]),
      findings: 0),
    Case(
      name: "an idiom that stands in three other files",
      example: RuleExample(
        path: "internal/jira/client.go", lines: retry,
        head: ["github", "gitlab", "linear"].map { file("internal/\($0)/client.go", retry) }), findings: 0),
  ]

  static let fire: [Case] = [
    Case(
      name: "copied Go retry loop",
      example: RuleExample(
        path: "internal/github/client.go", lines: retry, head: [file("internal/gitlab/client.go", retry)]),
      findings: 1),
    Case(
      name: "a copy in two pieces is one finding",
      example: RuleExample(
        path: "internal/github/client.go",
        lines: retry + [
          "\t\tif resp.StatusCode == http.StatusForbidden {", "\t\t\treturn nil, nil, &AuthError{}", "\t\t}",
        ]
          + retry.map { $0.replacingOccurrences(of: "req", with: "request") },
        head: [
          file(
            "internal/gitlab/client.go",
            retry + ["\t\tlog.Printf(\"gitlab attempt %d\", attempt)"]
              + retry.map { $0.replacingOccurrences(of: "req", with: "request") })
        ]), findings: 1),
    Case(
      name: "a long copy in a test",
      example: RuleExample(
        path: "cmd/bd/export_test.go", lines: setup + retry,
        head: [file("cmd/bd/backup_test.go", ["func TestBackup(t *testing.T) {"] + setup + retry)]), findings: 1),
  ]

  @Test(arguments: quiet + extraQuiet + fire)
  func duplicates(_ item: Case) throws {
    let rule = try #require(RuleCatalog.builtin.rule(id: "duplicate-code"))
    let findings = RuleExampleRunner.evaluate(
      rule, on: item.example, classifier: try CommitClassifier(catalogue: .builtin))
    #expect(findings.count == item.findings, "\(findings.map(\.message))")
  }

  /// One finding per other file names every piece of the copy.
  @Test func piecesAreNamedInOneFinding() throws {
    let rule = try #require(RuleCatalog.builtin.rule(id: "duplicate-code"))
    let findings = RuleExampleRunner.evaluate(
      rule, on: Self.fire[1].example, classifier: try CommitClassifier(catalogue: .builtin))
    let message = try #require(findings.first?.message)
    #expect(message.contains("Lines 1–12 and 1 more block up to line 27 also stand in internal/gitlab/client.go"))
  }
}
