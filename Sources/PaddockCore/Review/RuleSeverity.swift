import PaddockChange

/// A rule's severity as `.paddock.yml` sets it for some authorship: off, or a severity.
package enum RuleSeverity: Sendable, Hashable {
  case off
  case at(Severity)

  var severity: Severity? {
    switch self {
    case .off: nil
    case .at(let severity): severity
    }
  }
}
