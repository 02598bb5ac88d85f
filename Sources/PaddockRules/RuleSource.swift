/// The file and line that declare a rule.
package struct RuleSource: Sendable, Hashable, Codable, CustomStringConvertible {
  package var file: String
  package var line: Int?

  package init(file: String, line: Int?) {
    self.file = file
    self.line = line
  }

  package var description: String { line.map { "\(file):\($0)" } ?? file }
}
