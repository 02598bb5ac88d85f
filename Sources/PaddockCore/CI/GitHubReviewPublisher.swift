import Foundation

/// Posts a review's findings to a GitHub pull request: inline comments on added lines, the other findings in the
/// review's body, and one summary comment that later runs update in place. Every finding carries its fingerprint
/// in a hidden HTML comment, so a second run posts only what is new.
public struct GitHubReviewPublisher {
  public var apiURL: URL
  /// `owner/name`.
  public var repository: String
  public var pullRequest: Int
  /// The commit the comments attach to.
  public var head: String
  private let token: String
  private let transport: any HTTPTransport
  /// Inline comments per run at most; the rest are listed in the review's body.
  public var maxInline = 50

  static let summaryMarker = "<!-- paddock:summary -->"

  public init(
    apiURL: URL, repository: String, pullRequest: Int, head: String, token: String, transport: any HTTPTransport
  ) {
    self.apiURL = apiURL
    self.repository = repository
    self.pullRequest = pullRequest
    self.head = head
    self.token = token
    self.transport = transport
  }

  /// What one run did.
  public struct Result: Sendable, Equatable, CustomStringConvertible {
    public var inline = 0
    public var inBody = 0
    public var alreadyPosted = 0
    public var summary = "unchanged"

    public var description: String {
      "\(inline) inline comment\(inline == 1 ? "" : "s"), \(inBody) finding\(inBody == 1 ? "" : "s") in the review body, \(alreadyPosted) already posted, summary comment \(summary)"
    }
  }

  public func publish(_ report: ReviewReport) throws -> Result {
    var result = Result()
    let pulls = "repos/\(repository)/pulls/\(pullRequest)"
    var known = Set<String>()
    for comment in try list("\(pulls)/comments") { known.formUnion(Self.fingerprints(in: comment["body"] as? String)) }
    for review in try list("\(pulls)/reviews") { known.formUnion(Self.fingerprints(in: review["body"] as? String)) }

    let added = Self.addedLines(report)
    var inline: [[String: Any]] = []
    var listed: [Finding] = []
    for finding in report.findings where finding.decision != .pass || finding.severity != .note {
      if known.contains(finding.fingerprint) {
        result.alreadyPosted += 1
        continue
      }
      if let path = finding.path, let line = finding.line, inline.count < maxInline,
        let lines = added[path], lines.contains(line)
      {
        var comment: [String: Any] = [
          "path": path, "line": line, "side": "RIGHT", "body": Self.commentBody(finding),
        ]
        if let end = finding.endLine, end > line, (line...end).allSatisfy(lines.contains) {
          comment["start_line"] = line
          comment["start_side"] = "RIGHT"
          comment["line"] = end
        }
        inline.append(comment)
      } else {
        listed.append(finding)
      }
    }
    if !inline.isEmpty || !listed.isEmpty {
      var body =
        "Paddock found \(inline.count + listed.count) new finding\(inline.count + listed.count == 1 ? "" : "s") (verdict: **\(report.verdict.rawValue)**)."
      if !listed.isEmpty {
        body += " These are not on lines this pull request adds, so they are listed here:\n"
        for finding in listed { body += "\n" + Self.listItem(finding) }
      }
      let payload: [String: Any] = ["commit_id": head, "event": "COMMENT", "body": body, "comments": inline]
      _ = try call("POST", "\(pulls)/reviews", json: payload)
      result.inline = inline.count
      result.inBody = listed.count
    }

    let summary = MarkdownRenderer.render(report) + "\n" + Self.summaryMarker + "\n"
    let issues = "repos/\(repository)/issues/\(pullRequest)/comments"
    if let existing = try list(issues).first(where: { ($0["body"] as? String)?.contains(Self.summaryMarker) == true }) {
      if existing["body"] as? String != summary, let id = existing["id"] as? Int {
        _ = try call("PATCH", "repos/\(repository)/issues/comments/\(id)", json: ["body": summary])
        result.summary = "updated"
      }
    } else {
      _ = try call("POST", issues, json: ["body": summary])
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
    return text + "\n\n<!-- paddock:fingerprint=\(finding.fingerprint) -->"
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

  // MARK: The REST API

  private func url(_ path: String) -> URL { apiURL.appendingPathComponent(path) }

  private func call(_ method: String, _ path: String, json: Any? = nil, absolute: URL? = nil) throws -> HTTPResponse {
    var headers = [
      "Authorization": "Bearer \(token)", "Accept": "application/vnd.github+json",
      "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "paddock",
    ]
    var body: Data?
    if let json {
      body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
      headers["Content-Type"] = "application/json"
    }
    let target = absolute ?? url(path)
    let response: HTTPResponse
    do {
      response = try transport.send(HTTPRequest(method: method, url: target, headers: headers, body: body))
    } catch {
      throw CIError(
        "GitHub API \(method) \(target.path) failed: \(redacted("\(error)")); check GITHUB_API_URL and the network")
    }
    guard (200..<300).contains(response.status) else {
      let message = (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any])?["message"] as? String
      var fix = "check the token and the repository"
      if response.status == 401 {
        fix = "the token was refused: pass GITHUB_TOKEN (or PADDOCK_GITHUB_TOKEN) to the step"
      }
      if response.status == 403 || response.status == 404 {
        fix =
          "the token cannot write to this pull request: give the job `permissions: pull-requests: write` (and `contents: read`)"
      }
      throw CIError(
        "GitHub API answered \(response.status) to \(method) \(target.path)\(message.map { ": \(redacted($0))" } ?? ""); \(fix)"
      )
    }
    return response
  }

  /// Every item of a paginated list, following `Link: <...>; rel="next"` (at most 20 pages).
  private func list(_ path: String) throws -> [[String: Any]] {
    var items: [[String: Any]] = []
    var next: URL? = URL(string: url(path).absoluteString + "?per_page=100")
    var pages = 0
    while let page = next, pages < 20 {
      pages += 1
      let response = try call("GET", path, absolute: page)
      guard let array = try? JSONSerialization.jsonObject(with: response.body) as? [[String: Any]] else {
        throw CIError("GitHub API answered GET \(page.path) with something that is not a list")
      }
      items += array
      next = Self.nextLink(response.headers["link"], under: apiURL)
    }
    return items
  }

  /// The `rel="next"` URL of a `Link` header, only when it stays on the API's scheme, host and port: the token
  /// goes with every page, so a link elsewhere is not followed.
  package static func nextLink(_ header: String?, under api: URL) -> URL? {
    guard let header else { return nil }
    for part in header.split(separator: ",") where part.contains("rel=\"next\"") {
      guard let open = part.firstIndex(of: "<"), let close = part[open...].firstIndex(of: ">") else { continue }
      guard let url = URL(string: String(part[part.index(after: open)..<close])),
        url.scheme?.lowercased() == api.scheme?.lowercased(), url.host?.lowercased() == api.host?.lowercased(),
        url.port == api.port
      else { return nil }
      return url
    }
    return nil
  }

  /// The token never appears in anything Paddock prints.
  private func redacted(_ text: String) -> String {
    token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***")
  }
}
