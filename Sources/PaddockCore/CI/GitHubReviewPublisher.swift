import Foundation
import PaddockChange
import PaddockNet

/// Posts a review's findings to a GitHub pull request: inline comments on added lines, the other findings in the
/// review's body, and one summary comment that later runs update in place. Every finding carries its fingerprint
/// in a hidden HTML comment, so a second run posts only what is new.
///
/// Only comments the token's own account wrote are read for fingerprints and the summary: anyone can write a
/// comment on a pull request, and a planted marker would otherwise silence Paddock's comments.
package struct GitHubReviewPublisher {
  package var apiURL: URL {
    get { api.apiURL }
    set { api.apiURL = newValue }
  }
  /// `owner/name`.
  package var repository: String
  package var pullRequest: Int
  /// The commit the comments attach to.
  package var head: String
  private var api: GitHubAPI
  /// Inline comments per run at most; the rest are listed in the review's body.
  package var maxInline = 50
  /// When the verdict is block, submit the review as `REQUEST_CHANGES` (which branch protection can require to be
  /// resolved); a later run that does not block dismisses Paddock's change requests.
  package var requestChanges = false

  static let summaryMarker = "<!-- paddock:summary -->"

  package init(
    apiURL: URL, repository: String, pullRequest: Int, head: String, token: String, transport: any HTTPTransport
  ) {
    api = GitHubAPI(apiURL: apiURL, token: token, transport: transport)
    self.repository = repository
    self.pullRequest = pullRequest
    self.head = head
  }

  /// What one run did.
  package struct Result: Sendable, Equatable, CustomStringConvertible {
    package var inline = 0
    package var inBody = 0
    package var alreadyPosted = 0
    package var summary = "unchanged"
    /// The account whose comments count as Paddock's.
    package var login = ""
    /// Whether this run submitted a review that requests changes.
    package var requestedChanges = false
    /// Paddock's earlier change requests this run dismissed.
    package var dismissed = 0

    package var description: String {
      var text =
        "\(inline) inline comment\(inline == 1 ? "" : "s"), \(inBody) finding\(inBody == 1 ? "" : "s") in the review body, \(alreadyPosted) already posted, summary comment \(summary)"
      if requestedChanges { text += ", changes requested" }
      if dismissed > 0 { text += ", \(dismissed) earlier change request\(dismissed == 1 ? "" : "s") dismissed" }
      return text
    }
  }

  package func publish(_ report: ReviewReport) throws -> Result {
    var result = Result()
    let pulls = "repos/\(repository)/pulls/\(pullRequest)"
    let login = try api.ownLogin()
    result.login = login
    func ours(_ author: GitHubAPI.User?) -> Bool { author?.login?.lowercased() == login.lowercased() }
    var known = Set<String>()
    for comment in try api.list(GitHubAPI.Comment.self, "\(pulls)/comments") where ours(comment.user) {
      known.formUnion(Self.fingerprints(in: comment.body))
    }
    let reviews = try api.list(GitHubAPI.Review.self, "\(pulls)/reviews").filter { ours($0.user) }
    for review in reviews { known.formUnion(Self.fingerprints(in: review.body)) }
    let requesting = reviews.filter { $0.state == "CHANGES_REQUESTED" }
    let blocks = requestChanges && report.verdict == .block

    let added = Self.addedLines(report)
    var inline: [GitHubAPI.InlineComment] = []
    var listed: [Finding] = []
    for finding in report.findings where finding.decision != .pass || finding.severity != .note {
      if known.contains(finding.fingerprint) {
        result.alreadyPosted += 1
        continue
      }
      if let path = finding.path, let line = finding.line, inline.count < maxInline,
        let lines = added[path], lines.contains(line)
      {
        var comment = GitHubAPI.InlineComment(path: path, line: line, body: Self.commentBody(finding))
        if let end = finding.endLine, end > line, (line...end).allSatisfy(lines.contains) {
          comment.startLine = line
          comment.startSide = "RIGHT"
          comment.line = end
        }
        inline.append(comment)
      } else {
        listed.append(finding)
      }
    }
    // A blocking run that finds nothing new still requests changes when no change request of Paddock's stands.
    if !inline.isEmpty || !listed.isEmpty || blocks && requesting.isEmpty {
      var body =
        inline.isEmpty && listed.isEmpty
        ? "Paddock's verdict is **block**; the findings are in the comments above."
        : "Paddock found \(inline.count + listed.count) new finding\(inline.count + listed.count == 1 ? "" : "s") (verdict: **\(report.verdict.rawValue)**)."
      if !listed.isEmpty {
        body += " These are not on lines this pull request adds, so they are listed here:\n"
        for finding in listed { body += "\n" + Self.listItem(finding) }
      }
      let submission = GitHubAPI.ReviewSubmission(
        commitID: head, event: blocks ? "REQUEST_CHANGES" : "COMMENT", body: body, comments: inline)
      try api.send("POST", "\(pulls)/reviews", body: submission)
      result.inline = inline.count
      result.inBody = listed.count
      result.requestedChanges = blocks
    }
    if requestChanges && report.verdict != .block {
      for review in requesting {
        guard let id = review.id else { continue }
        try api.send(
          "PUT", "\(pulls)/reviews/\(id)/dismissals",
          body: GitHubAPI.Dismissal(
            message: "Paddock's verdict on \(head.prefix(12)) is \(report.verdict.rawValue): nothing blocks any more."))
        result.dismissed += 1
      }
    }

    let summary = MarkdownRenderer.render(report) + "\n" + Self.summaryMarker + "\n"
    let issues = "repos/\(repository)/issues/\(pullRequest)/comments"
    if let existing = try api.list(GitHubAPI.Comment.self, issues).first(where: {
      ours($0.user) && $0.body?.contains(Self.summaryMarker) == true
    }) {
      if existing.body != summary, let id = existing.id {
        try api.send("PATCH", "repos/\(repository)/issues/comments/\(id)", body: GitHubAPI.CommentBody(body: summary))
        result.summary = "updated"
      }
    } else {
      try api.send("POST", issues, body: GitHubAPI.CommentBody(body: summary))
      result.summary = "created"
    }
    return result
  }

  // MARK: Comment text

  /// An inline comment: every text from the change, a rule or a model escaped by `Escape.markdown`, which also
  /// keeps it from opening an HTML comment (so no text can plant a `paddock:fingerprint` marker).
  static func commentBody(_ finding: Finding) -> String {
    var text =
      "**\(finding.severity.rawValue)** `\(finding.rule)`: \(Escape.markdown(finding.title)) (\(finding.authorship.rawValue)"
    if let agent = finding.agent { text += ", \(Escape.markdown(agent))" }
    text += ", \(finding.decision.rawValue))\n\n\(Escape.markdown(finding.message))"
    if !finding.fix.isEmpty { text += "\n\nFix: \(Escape.markdown(finding.fix))" }
    if let suggestion = suggestion(finding) { text += "\n\n" + suggestion }
    return text + "\n\n<!-- paddock:fingerprint=\(finding.fingerprint) -->"
  }

  /// A GitHub suggestion block for a finding with a mechanical fix: its fence is longer than any run of backticks
  /// in the replacement, so the replacement cannot close it. None when the replacement could open an HTML comment
  /// (a planted fingerprint marker) or holds control characters.
  static func suggestion(_ finding: Finding) -> String? {
    guard let replacement = finding.replacement, !replacement.contains("<!--"),
      !replacement.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F })
    else { return nil }
    var longest = 0
    var run = 0
    for character in replacement {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    let text = replacement.hasSuffix("\n") ? String(replacement.dropLast()) : replacement
    return "\(fence)suggestion\n\(text)\n\(fence)"
  }

  static func listItem(_ finding: Finding) -> String {
    let place = finding.path.map { Escape.markdownCode($0 + (finding.line.map { ":\($0)" } ?? "")) } ?? "the change"
    return
      "- **\(finding.severity.rawValue)** `\(finding.rule)` at \(place): \(Escape.markdown(finding.message)) <!-- paddock:fingerprint=\(finding.fingerprint) -->"
  }

  package static func fingerprints(in body: String?) -> Set<String> {
    guard let body else { return [] }
    var found = Set<String>()
    var rest = Substring(body)
    let marker = "<!-- paddock:fingerprint="
    while let start = rest.range(of: marker) {
      rest = rest[start.upperBound...]
      guard let end = rest.range(of: " -->") else { break }
      found.insert(String(rest[..<end.lowerBound]))
      rest = rest[end.upperBound...]
    }
    return found
  }

  /// The new-file line numbers the change adds, per path: the hunks of a zero-context diff.
  static func addedLines(_ report: ReviewReport) -> [String: Set<Int>] {
    var lines: [String: Set<Int>] = [:]
    for hunk in report.hunks where hunk.lines > 0 {
      lines[hunk.path, default: []].formUnion(hunk.start..<(hunk.start + hunk.lines))
    }
    return lines
  }

  /// The `rel="next"` URL of a `Link` header, only when it stays on the API's scheme, host and port.
  package static func nextLink(_ header: String?, under api: URL) -> URL? { GitHubAPI.nextLink(header, under: api) }
}
