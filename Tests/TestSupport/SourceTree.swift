import Foundation

/// The source tree the tests were built from.
package enum SourceTree {
  /// The root (where Package.swift is), from this file's place in it.
  package static var root: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .path
  }
}
