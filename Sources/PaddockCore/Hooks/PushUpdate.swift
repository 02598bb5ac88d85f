import PaddockGit

/// One ref a `git push` updates, as git's pre-push hook reads it on stdin:
/// `<local-ref> SP <local-sha> SP <remote-ref> SP <remote-sha>`.
package struct PushUpdate: Sendable, Hashable {
  package var localRef: String
  /// The commit (or tag object) pushed; nil for a deletion.
  package var localID: ObjectID?
  package var remoteRef: String
  /// What the remote has now; nil when the remote ref does not exist yet.
  package var remoteID: ObjectID?

  package init(localRef: String, localID: ObjectID?, remoteRef: String, remoteID: ObjectID?) {
    self.localRef = localRef
    self.localID = localID
    self.remoteRef = remoteRef
    self.remoteID = remoteID
  }

  package var isDeletion: Bool { localID == nil }

  /// Parses every line git wrote (blank lines are skipped). A push may update several refs: all are returned.
  package static func parse(_ input: String) throws(PushInputError) -> [PushUpdate] {
    var updates: [PushUpdate] = []
    // Lines split on the byte, not the Character: "\r\n" is one Character, and a CR before LF is dropped.
    let lines = input.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
      Substring(scalars.last == "\r" ? scalars.dropLast() : scalars)
    }
    for (index, line) in lines.enumerated() {
      if line.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      let fields = line.unicodeScalars.split(separator: " ", omittingEmptySubsequences: true).map {
        Substring($0)
      }
      guard fields.count == 4 else {
        throw PushInputError(
          line: index + 1, text: String(line),
          problem: "expected `<local-ref> <local-sha> <remote-ref> <remote-sha>`")
      }
      func id(_ field: Substring) throws(PushInputError) -> ObjectID? {
        let hex = String(field)
        if hex.utf8.count == 64, hex.utf8.allSatisfy({ $0.isHexDigit }) {
          throw PushInputError(
            line: index + 1, text: String(line),
            problem: "a SHA-256 object id: this repository uses SHA-256, which libgit2 1.5 cannot read")
        }
        guard hex.utf8.count == 40, let parsed = ObjectID(hex: hex) else {
          throw PushInputError(line: index + 1, text: String(line), problem: "`\(hex)` is not a 40-digit object id")
        }
        return parsed.isZero ? nil : parsed
      }
      let local = try id(fields[1])
      let remote = try id(fields[3])
      updates.append(
        PushUpdate(
          localRef: String(fields[0]), localID: fields[0] == "(delete)" ? nil : local, remoteRef: String(fields[2]),
          remoteID: remote))
    }
    return updates
  }
}

/// A pre-push input line Paddock cannot read.
package struct PushInputError: Error, Sendable, Equatable, CustomStringConvertible {
  package var line: Int
  package var text: String
  package var problem: String

  package var description: String {
    "pre-push input line \(line) (`\(text)`): \(problem); git writes these lines itself, so check that the hook is called by git (or through a hook manager that passes stdin, such as lefthook with `use_stdin: true`)"
  }
}

extension UInt8 {
  var isHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
  }
}
