import Foundation

/// A CI set-up problem or a CI system's refusal, each with what to change. Texts never hold a token: API messages
/// are redacted before they are stored here.
package enum CIError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The CI system whose API answered.
  package enum Service: String, Sendable, Hashable {
    case github = "GitHub"
    case gitlab = "GitLab"
  }

  /// `GITHUB_EVENT_PATH` names a file that cannot be read.
  case eventPayloadUnreadable(path: String)
  /// The event payload is not a JSON object.
  case eventPayloadNotJSON(path: String)
  /// Outside a pull or merge request, and no `--base`.
  case noBase
  /// An end of the range is not in the clone; `fix` is the CI system's way to fetch it.
  case commitNotInClone(role: String, revision: String, detail: String, fix: String)
  /// The merge base of the range could not be computed.
  case mergeBaseUnknown(base: String, head: String, detail: String, fix: String)
  /// A shallow clone stops before the merge base, so added lines cannot be told apart.
  case mergeBaseBeyondShallowClone(base: String, head: String, fix: String)
  /// An object the review needed is missing from the clone (a shallow or partial clone).
  case objectMissing(detail: String, fix: String)
  /// The API could not be reached (connection, timeout).
  case apiUnreachable(Service, method: String, path: String, reason: String)
  /// The API answered outside 2xx; `message` is the API's own text, redacted.
  case apiRefused(Service, status: Int, method: String, path: String, message: String?)
  /// The API answered 2xx with something other than the shape asked for.
  case apiAnswerUnreadable(Service, method: String, path: String, expected: String)
  /// The API's base URL (`GITHUB_API_URL`, `CI_API_V4_URL`) gives no usable address.
  case apiURLUnusable(variable: String, address: String)

  /// The HTTP status a server answered, when the problem is its answer.
  package var status: Int? {
    if case .apiRefused(_, let status, _, _, _) = self { return status }
    return nil
  }

  package var description: String {
    switch self {
    case .eventPayloadUnreadable(let path):
      "GITHUB_EVENT_PATH names \(path), which cannot be read: run Paddock as a step of the job, not in a container without the event file"
    case .eventPayloadNotJSON(let path):
      "the GitHub event payload at \(path) is not a JSON object: GITHUB_EVENT_PATH must name the event file GitHub Actions writes (unset it outside GitHub Actions)"
    case .noBase:
      "no base to compare with: outside a pull request or merge request pipeline, pass --base REF (or set PADDOCK_BASE)"
    case .commitNotInClone(let role, let revision, let detail, let fix):
      "the \(role) commit `\(revision)` is not in this clone (\(detail)): \(fix)"
    case .mergeBaseUnknown(let base, let head, let detail, let fix):
      "cannot find where `\(head)` left `\(base)`: \(detail); \(fix)"
    case .mergeBaseBeyondShallowClone(let base, let head, let fix):
      "this shallow clone does not reach the commit where `\(head)` left `\(base)`, so the added lines cannot be told apart: \(fix)"
    case .objectMissing(let detail, let fix):
      "\(detail): \(fix)"
    case .apiUnreachable(let service, let method, let path, let reason):
      "\(service.rawValue) API \(method) \(path) failed: \(reason); check \(service == .github ? "GITHUB_API_URL" : "CI_API_V4_URL") and the network"
    case .apiRefused(let service, let status, let method, let path, let message):
      "\(service.rawValue) API answered \(status) to \(method) \(path)\(message.map { ": \($0)" } ?? ""); \(Self.fix(service, status: status))"
    case .apiAnswerUnreadable(let service, let method, let path, let expected):
      "\(service.rawValue) API answered \(method) \(path) with something that is not \(expected); check that \(service == .github ? "GITHUB_API_URL" : "CI_API_V4_URL") names the API root"
    case .apiURLUnusable(let variable, let address):
      "\(variable) gives no usable address: \(address); set it to the API root, such as \(variable == "GITHUB_API_URL" ? "https://api.github.com" : "https://gitlab.com/api/v4")"
    }
  }

  /// What to change when the API refuses a request.
  static func fix(_ service: Service, status: Int) -> String {
    switch (service, status) {
    case (.github, 401): "the token was refused: pass GITHUB_TOKEN (or PADDOCK_GITHUB_TOKEN) to the step"
    case (.github, 403), (.github, 404):
      "the token cannot write to this pull request: give the job `permissions: pull-requests: write` (and `contents: read`)"
    case (.github, _): "check the token and the repository"
    case (.gitlab, _): "give PADDOCK_GITLAB_TOKEN the `read_api` scope on this project"
    }
  }
}

extension CIError: LocalizedError {
  package var errorDescription: String? { description }
}
