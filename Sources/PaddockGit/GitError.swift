internal import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure reported by libgit2, with the advice a user needs to act on it.
///
/// Built only right after a libgit2 call: libgit2 keeps its last error per
/// thread, so nothing may run (or await) between the call and `GitError.last`.
package struct GitError: Error, Sendable, Equatable {
  /// What went wrong, in terms the rest of Paddock can branch on.
  package enum Code: Sendable, Equatable {
    /// The path is not inside a git repository.
    case notARepository
    /// A revision, reference or path does not exist.
    case notFound
    /// An abbreviated id matches more than one object.
    case ambiguous
    /// HEAD points at a branch that has no commits yet.
    case unbornBranch
    /// An object the history refers to is not in the object database
    /// (shallow or partial clone, or a damaged repository).
    case missingObject
    /// The revision text could not be parsed.
    case invalidSpec
    /// Any other libgit2 error code.
    case other(Int32)
  }

  /// The classified error.
  package var code: Code
  /// What Paddock was doing, such as "resolve revision `main~3`".
  package var operation: String
  /// libgit2's own message, decoded leniently.
  package var detail: String
  /// What the user can do about it, when we know.
  package var hint: String?

  /// Creates an error by hand, for conditions the git layer detects itself.
  package init(code: Code, operation: String, detail: String, hint: String? = nil) {
    self.code = code
    self.operation = operation
    self.detail = detail
    self.hint = hint
  }

  /// Reads and clears libgit2's thread-local error after a failed call.
  static func last(_ rc: Int32, operation: String) -> GitError {
    // Borrowed pointer owned by libgit2's thread state; copied out at once, then cleared.
    var detail = "libgit2 error \(rc)"
    if let err = git_error_last(), let text = err.pointee.message {
      detail = String(decodingCString: text)
    }
    git_error_clear()
    let code: Code
    switch rc {
    case GIT_ENOTFOUND.rawValue: code = .notFound
    case GIT_EAMBIGUOUS.rawValue: code = .ambiguous
    case GIT_EUNBORNBRANCH.rawValue: code = .unbornBranch
    case GIT_EINVALIDSPEC.rawValue: code = .invalidSpec
    default: code = .other(rc)
    }
    return GitError(code: code, operation: operation, detail: detail)
  }
}

extension GitError: CustomStringConvertible {
  package var description: String {
    var text = "could not \(operation): \(detail)"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}

/// Throws the libgit2 error when `rc` is negative.
@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
  if rc < 0 { throw GitError.last(rc, operation: operation()) }
}

extension String {
  /// Decodes a NUL-terminated C string that may not be UTF-8: invalid bytes become U+FFFD.
  init(decodingCString pointer: UnsafePointer<CChar>) {
    let length = strlen(pointer)
    self = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
  }

  /// Decodes `count` bytes that may not be UTF-8 and need not end in NUL.
  init(decodingBytes pointer: UnsafePointer<CChar>, count: Int) {
    self = pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
      String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
    }
  }
}
