import Foundation
import Yams

/// A configuration problem, with the file, the line and what to do.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String
  public var fix: String

  public var description: String {
    let location = line.map { "\(file):\($0)" } ?? file
    return "\(location): \(message); \(fix)"
  }
}
