import Foundation
import Yams

/// A configuration problem, with the file, the line and what to do.
package struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  package var file: String
  package var line: Int?
  package var message: String
  package var fix: String

  package init(file: String, line: Int?, message: String, fix: String) {
    self.file = file
    self.line = line
    self.message = message
    self.fix = fix
  }

  package var description: String {
    let location = line.map { "\(file):\($0)" } ?? file
    return "\(location): \(message); \(fix)"
  }
}
