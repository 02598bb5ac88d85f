import Foundation

/// The GitHub REST API as Paddock calls it: the token only as `Authorization: Bearer`, JSON in and out,
/// pagination that never leaves the API's host, and error texts that never show the token.
struct GitHubAPI {
  var apiURL: URL
  let token: String
  let transport: any HTTPTransport

  /// The login GitHub Actions' `GITHUB_TOKEN` writes as; `GET /user` is refused to that token.
  static let actionsLogin = "github-actions[bot]"

  func url(_ path: String) -> URL { apiURL.appendingPathComponent(path) }

  /// One request; a status outside 2xx is an error that says what to change.
  func call(_ method: String, _ path: String, json: Any? = nil, absolute: URL? = nil) throws -> HTTPResponse {
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
        "GitHub API answered \(response.status) to \(method) \(target.path)\(message.map { ": \(redacted($0))" } ?? ""); \(fix)",
        status: response.status)
    }
    return response
  }

  /// A JSON object answered to `GET path`.
  func object(_ path: String) throws -> [String: Any] {
    let response = try call("GET", path)
    guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
      throw CIError("GitHub API answered GET \(url(path).path) with something that is not an object")
    }
    return object
  }

  /// Every item of a paginated list, following `Link: <...>; rel="next"` (at most 20 pages).
  func list(_ path: String) throws -> [[String: Any]] {
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

  /// The login the token writes as: `GET /user`, or, for GitHub Actions' own token (which that endpoint refuses
  /// with 403), `github-actions[bot]`.
  func ownLogin() throws -> String {
    do {
      if let login = try object("user")["login"] as? String, !login.isEmpty { return login }
      return Self.actionsLogin
    } catch let error as CIError where error.status == 403 {
      return Self.actionsLogin
    }
  }

  /// The `rel="next"` URL of a `Link` header, only when it stays on the API's scheme, host and port: the token
  /// goes with every page, so a link elsewhere is not followed.
  static func nextLink(_ header: String?, under api: URL) -> URL? {
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
  func redacted(_ text: String) -> String {
    token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***")
  }

  /// The login of an item's author (`user.login`), and whether GitHub marks it as a bot.
  static func author(of item: [String: Any]) -> (login: String, bot: Bool)? {
    guard let user = item["user"] as? [String: Any], let login = user["login"] as? String else { return nil }
    let type = (user["type"] as? String)?.lowercased()
    return (login, type == "bot" || login.lowercased().hasSuffix("[bot]"))
  }
}
