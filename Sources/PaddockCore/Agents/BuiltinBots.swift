/// Automation Paddock recognises out of the box: dependency and release bots, CI accounts and sync tools. Their
/// commits are `bot`: neither an AI agent's nor a person's, with a policy of their own (by default a person's).
///
/// A `[bot]` account in none of these (nor among the agents) stays `unknown`, is treated like AI by default, and is
/// listed with the lines to add to `.paddock.yml` to classify it.
package enum BuiltinBots {
  /// A GitHub App's bot account, `<id>+<login>[bot]@users.noreply.github.com` (the id optional), any name.
  private static func app(_ login: String) -> String {
    #"(?i)^[^<]*<(?:\d+\+)?"# + login + #"\[bot\]@users\.noreply\.github\.com>$"#
  }

  private static func bot(_ id: String, _ name: String, identities: [String] = [], subjects: [String] = [])
    -> AgentDefinition
  {
    var markers = identities.enumerated().map { index, pattern in
      AgentMarker(id: "\(id)/identity-\(index + 1)", kind: .identity, pattern: pattern)
    }
    markers += subjects.enumerated().map { index, pattern in
      AgentMarker(id: "\(id)/subject-\(index + 1)", kind: .message, pattern: #"\A"# + pattern)
    }
    return AgentDefinition(id: id, name: name, aliases: [id], markers: markers, isBot: true)
  }

  /// The built-in bots, in the order ties are broken.
  package static let all: [AgentDefinition] = [
    bot(
      "dependabot", "Dependabot",
      identities: [app("dependabot(?:-preview)?"), #"(?i)^dependabot[^<]*<support@dependabot\.com>$"#]),
    bot("renovate", "Renovate", identities: [app("renovate"), #"(?i)^[^<]*<bot@renovateapp\.com>$"#]),
    bot(
      "github-actions", "GitHub Actions",
      identities: [
        app("github-actions"), #"^GitHub Actions <actions@github\.com>$"#,
        #"^github-actions <github-actions@github\.com>$"#,
      ]),
    bot("pre-commit-ci", "pre-commit.ci", identities: [app("pre-commit-ci")]),
    bot("release-please", "release-please", identities: [app("release-please")]),
    bot("mergify", "Mergify", identities: [app("mergify")]),
    bot("codecov", "Codecov", identities: [app("codecov")]),
    bot("snyk", "Snyk", identities: [#"(?i)^snyk-bot <[^>]*@snyk\.io>$"#, app("snyk")]),
    bot("imgbot", "ImgBot", identities: [app("imgbot"), #"(?i)^ImgBotApp <imgbotapp@gmail\.com>$"#]),
    bot("all-contributors", "All Contributors", identities: [app("allcontributors")]),
    bot("changesets", "Changesets", identities: [app("changeset-bot"), app("changesets")]),
    bot(
      "semantic-release", "semantic-release",
      identities: [#"(?i)^semantic-release-bot <semantic-release-bot@martynus\.net>$"#, app("semantic-release")]),
    bot("graphite", "Graphite", identities: [app("graphite-app")]),
    bot("sentry-release-bot", "Sentry release bot", identities: [app("sentry-release-bot")]),
    bot("goreleaser", "GoReleaser", identities: [#"(?i)^goreleaserbot <bot@goreleaser\.com>$"#]),
    bot(
      "getsentry-bot", "Sentry's release bot", identities: [#"(?i)^getsentry-bot <bot@(?:sentry\.io|getsentry\.com)>$"#]
    ),
    bot("gemini-cli-robot", "Gemini CLI release robot", identities: [#"(?i)^gemini-cli-robot <[^>]*>$"#]),
    // beads (`bd`) commits its issue database on a timer under whatever identity the sandbox has, an agent's
    // included: the subject says a tool made the commit.
    bot("beads-sync", "beads sync", subjects: [#"(?:bd (?:daemon )?sync|bd: backup):? ?\d{4}-\d{2}-\d{2}"#]),
  ]
}
