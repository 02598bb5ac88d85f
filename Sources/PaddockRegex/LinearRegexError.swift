/// A pattern RE2 cannot compile.
package struct LinearRegexError: Error, Sendable, Equatable, CustomStringConvertible {
  package var pattern: String
  package var reason: String
  /// What to do about it.
  package var hint: String

  package var description: String { "`\(pattern)` is not a valid pattern: \(reason); \(hint)" }
}
