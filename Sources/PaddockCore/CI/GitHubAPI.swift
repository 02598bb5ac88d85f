import Foundation
import PaddockNet

/// The GitHub REST API as Paddock calls it: the token only as `Authorization: Bearer`, JSON in and out,
/// pagination that never leaves the API's host, and error texts that never show the token.
struct GitHubAPI {
  var apiURL: URL
  let token: String
  let transport: any HTTPTransport

  /// The login GitHub Actions' `GITHUB_TOKEN` writes as; `GET /user` is refused to that token.
  static let actionsLogin = "github-actions[bot]"

  func url(_ path: String) -> URL { apiURL.appendingPathComponent(path) }

  /// One request with `body` as JSON; a status outside 2xx is an error that says what to change.
  @discardableResult
  func send(_ method: String, _ path: String, body: some Encodable) throws -> HTTPResponse {
    let data: Data
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      data = try encoder.encode(body)
    } catch {
      // Paddock's own request types always encode; this is here so that a mistake is an error, not a crash.
      throw CIError.apiUnreachable(.github, method: method, path: url(path).path, reason: "\(error)")
    }
    return try call(method, url(path), body: data)
  }

  /// One request; a status outside 2xx is an error that says what to change.
  func call(_ method: String, _ target: URL, body: Data? = nil) throws -> HTTPResponse {
    var headers = [
      "Authorization": "Bearer \(token)", "Accept": "application/vnd.github+json",
      "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "paddock",
    ]
    if body != nil { headers["Content-Type"] = "application/json" }
    let response: HTTPResponse
    do {
      response = try transport.send(HTTPRequest(method: method, url: target, headers: headers, body: body))
    } catch {
      throw CIError.apiUnreachable(.github, method: method, path: target.path, reason: redacted("\(error)"))
    }
    guard (200..<300).contains(response.status) else {
      let message = (try? JSONDecoder().decode(ErrorAnswer.self, from: response.body))?.message
      throw CIError.apiRefused(
        .github, status: response.status, method: method, path: target.path, message: message.map(redacted))
    }
    return response
  }

  /// The answer to `GET path`, decoded as `T`.
  func get<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    let response = try call("GET", url(path))
    guard let value = try? JSONDecoder().decode(type, from: response.body) else {
      throw CIError.apiAnswerUnreadable(.github, method: "GET", path: url(path).path, expected: "an object")
    }
    return value
  }

  /// Every item of a paginated list, following `Link: <...>; rel="next"` (at most 20 pages).
  func list<T: Decodable>(_ type: T.Type, _ path: String) throws -> [T] {
    var items: [T] = []
    var next: URL? = URL(string: url(path).absoluteString + "?per_page=100")
    var pages = 0
    while let page = next, pages < 20 {
      pages += 1
      let response = try call("GET", page)
      guard let array = try? JSONDecoder().decode([T].self, from: response.body) else {
        throw CIError.apiAnswerUnreadable(.github, method: "GET", path: page.path, expected: "a list")
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
      if let login = try get(User.self, "user").login, !login.isEmpty { return login }
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
}
