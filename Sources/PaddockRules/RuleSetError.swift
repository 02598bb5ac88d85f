import Foundation
import PaddockRegex
import PaddockSupport
import Synchronization

/// A rule that could not be compiled.
package struct RuleSetError: Error, Sendable, CustomStringConvertible {
  package var rule: String
  package var source: RuleSource
  package var problem: String

  package var description: String { "\(source): rule `\(rule)` cannot be used: \(problem)" }
}
