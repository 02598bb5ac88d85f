import Foundation
import PaddockNet

/// The GitLab REST API (v4) for one project, as Paddock reads it: the token only as `PRIVATE-TOKEN`, and error
/// texts that never show it.
struct GitLabAPI {
  var apiURL: URL
  var project: String
  let token: String
  let transport: any HTTPTransport

  /// `…/projects/:id/` + `path`, decoded from JSON as `T` (`expected` names its shape in the error).
  func get<T: Decodable>(_ type: T.Type, _ path: String, expected: String = "an object") throws -> T {
    let encoded =
      project.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? project
    let base = apiURL.absoluteString.hasSuffix("/") ? String(apiURL.absoluteString.dropLast()) : apiURL.absoluteString
    let address = "\(base)/projects/\(encoded)/\(path)"
    guard let url = URL(string: address) else {
      throw CIError.apiURLUnusable(variable: "CI_API_V4_URL", address: address)
    }
    let response: HTTPResponse
    do {
      response = try transport.send(
        HTTPRequest(method: "GET", url: url, headers: ["PRIVATE-TOKEN": token, "User-Agent": "paddock"]))
    } catch {
      throw CIError.apiUnreachable(.gitlab, method: "GET", path: url.path, reason: redact("\(error)"))
    }
    guard (200..<300).contains(response.status) else {
      throw CIError.apiRefused(.gitlab, status: response.status, method: "GET", path: url.path, message: nil)
    }
    guard let value = try? JSONDecoder().decode(type, from: response.body) else {
      throw CIError.apiAnswerUnreadable(.gitlab, method: "GET", path: url.path, expected: expected)
    }
    return value
  }

  private func redact(_ text: String) -> String {
    token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***")
  }

  /// An account: a merge request's author or an approver.
  struct User: Decodable {
    var username: String?
    var name: String?
    var publicEmail: String?
    var bot: Bool?

    enum CodingKeys: String, CodingKey {
      case username, name, bot
      case publicEmail = "public_email"
    }
  }

  /// A merge request, from `GET …/merge_requests/:iid` or `GET …/repository/commits/:sha/merge_requests`.
  struct MergeRequest: Decodable {
    var iid: Int?
    var state: String?
    var webURL: String?
    var author: User?

    enum CodingKeys: String, CodingKey {
      case iid, state, author
      case webURL = "web_url"
    }
  }

  /// `GET …/merge_requests/:iid/approvals`.
  struct Approvals: Decodable {
    struct Entry: Decodable {
      var user: User?
    }
    var approvedBy: [Entry]?

    enum CodingKeys: String, CodingKey {
      case approvedBy = "approved_by"
    }
  }
}
