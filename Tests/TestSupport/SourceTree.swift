import Foundation

/// The source tree the tests were built from.
public enum SourceTree {
  /// The root (where Package.swift is), from this file's place in it.
  public static var root: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .path
  }
}
