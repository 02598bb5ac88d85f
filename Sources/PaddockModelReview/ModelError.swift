import PaddockCore

/// Why a model gave no usable answer. Each case keeps what a test or a caller may want to match; `description`
/// says what to do.
package enum ModelError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The configuration cannot make a provider; `problem` says what to set.
  case misconfigured(problem: String)
  /// The request could not be written as JSON.
  case unencodable(reason: String)
  /// Nothing answered at `server`.
  case unreachable(server: String, reason: String, attempts: Int)
  /// The deadline passed before `server` answered.
  case deadlinePassed(server: String, reason: String, attempts: Int)
  /// `server` answered with an HTTP error `status`.
  case refused(server: String, status: Int, body: String, hint: String, attempts: Int)
  /// `server` answered, but without `missing`, which `api` always sends.
  case notTheAPI(server: String, missing: String, api: String, attempts: Int)
  /// The model command failed.
  case command(program: String, failure: CommandFailure)

  /// How a model command failed.
  package enum CommandFailure: Sendable, Hashable {
    case empty
    case notStartedPastDeadline
    case cannotRun(reason: String)
    case timedOut(seconds: Int)
    case printedTooMuch(mebibytes: Int)
    case signalled(Int32, stderr: String)
    case exited(Int32, stderr: String)
  }

  /// Requests sent before the failure, retries included.
  package var attempts: Int {
    switch self {
    case .misconfigured, .unencodable: 0
    case .unreachable(_, _, let attempts), .deadlinePassed(_, _, let attempts), .refused(_, _, _, _, let attempts),
      .notTheAPI(_, _, _, let attempts):
      attempts
    case .command(_, .empty), .command(_, .notStartedPastDeadline): 0
    case .command: 1
    }
  }

  package var description: String {
    switch self {
    case .misconfigured(let problem): problem
    case .unencodable(let reason): "could not encode the request: \(reason)"
    case .unreachable(let server, let reason, _):
      "the model server \(server) could not be reached: \(reason); check it is running and model.endpoint is right"
    case .deadlinePassed(let server, let reason, _):
      "the model server \(server) did not answer before the deadline (\(reason)); raise model.timeout or "
        + "model.deadline, or use a faster model"
    case .refused(let server, let status, let body, let hint, _): "\(server) answered HTTP \(status): \(body); \(hint)"
    case .notTheAPI(let server, let missing, let api, _): "\(server) answered without `\(missing)`: not \(api)?"
    case .command(let program, let failure):
      switch failure {
      case .empty: "model.command is empty"
      case .notStartedPastDeadline: "`\(program)` not started: the model review's deadline has passed"
      case .cannotRun(let reason): "cannot run `\(program)`: \(reason); check model.command"
      case .timedOut(let seconds):
        "`\(program)` gave no answer within \(seconds) s and was stopped; raise model.timeout"
      case .printedTooMuch(let mebibytes):
        "`\(program)` printed more than \(mebibytes) MiB and was stopped; make model.command print only the answer"
      case .signalled(let signal, let stderr): "`\(program)` was ended by signal \(signal)\(Self.said(stderr))"
      case .exited(let status, let stderr): "`\(program)` exited with status \(status)\(Self.said(stderr))"
      }
    }
  }

  private static func said(_ stderr: String) -> String { stderr.isEmpty ? "" : ": \(stderr)" }
}
