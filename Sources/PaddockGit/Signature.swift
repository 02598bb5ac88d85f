internal import CLibgit2

import struct Foundation.Date

/// An author or committer: who, and when, as recorded in the commit.
package struct Signature: Hashable, Sendable, Codable {
  /// The name, decoded leniently (git does not require UTF-8).
  package var name: String
  /// The e-mail address, decoded leniently.
  package var email: String
  /// When, as seconds since 1970.
  package var time: Int64
  /// The time-zone offset in minutes east of UTC.
  package var offsetMinutes: Int32

  /// Creates a signature value.
  package init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  init(_ sig: UnsafePointer<git_signature>) {
    // Borrowed from the owning commit; copied into Swift values here.
    name = sig.pointee.name.map { String(decodingCString: $0) } ?? ""
    email = sig.pointee.email.map { String(decodingCString: $0) } ?? ""
    time = Int64(sig.pointee.when.time)
    offsetMinutes = sig.pointee.when.offset
  }

  /// `Name <email>`, the form trailers and catalogues match against.
  package var identity: String { "\(name) <\(email)>" }

  /// The timestamp as a `Date`.
  package var date: Date { Date(timeIntervalSince1970: Double(time)) }
}
