internal import CLibgit2
import Foundation
import Synchronization

extension Repository {
  /// Attaches `message` to `object` under the notes ref `reference` (such as `refs/notes/paddock-reviews`), as
  /// `git notes --ref REF add -f -m MESSAGE OBJECT` does: a new commit on the notes ref. An existing note is
  /// replaced only when `force`; otherwise it is an error.
  ///
  /// The notes commit is signed by `user.name`/`user.email` when the configuration has them, else by
  /// `fallbackName <fallbackEmail>` (a CI runner often has no identity configured).
  package func writeNote(
    reference: String, for object: ObjectID, message: String, force: Bool,
    fallbackName: String = "Paddock", fallbackEmail: String = "paddock@localhost"
  ) throws(GitError) {
    var signature: UnsafeMutablePointer<git_signature>?
    if git_signature_default(&signature, handle) < 0 {
      git_error_clear()
      try check(git_signature_now(&signature, fallbackName, fallbackEmail), "make a signature for the note")
    }
    // Owned signature; freed on return.
    defer { git_signature_free(signature) }
    var target = object.raw
    var created = git_oid()
    try check(
      git_note_create(&created, handle, reference, signature, signature, &target, message, force ? 1 : 0),
      "write the \(reference) note of \(object.abbreviated())")
  }

  /// How a `git push` or `git fetch` of one ref went.
  package struct RefTransfer: Sendable, Equatable {
    /// Whether git exited with status 0.
    package var succeeded: Bool
    /// What git wrote to standard error, trimmed (it says why a push was refused).
    package var message: String
  }

  /// Pushes `reference` to the same name on `remote` with the git CLI, so the credentials the CI system gave git
  /// (such as actions/checkout's) are used; libgit2 1.5 cannot read them. Never prompts for a password.
  package func pushReference(_ reference: String, to remote: String, timeout: TimeInterval = 120) -> RefTransfer {
    runGit(["push", "--no-verify", remote, "\(reference):\(reference)"], timeout: timeout)
  }

  /// Fetches `reference` from `remote` into the same local name, replacing the local ref (`+ref:ref`). A remote
  /// that lacks the ref is not a failure: `succeeded` is true and `message` says so.
  package func fetchReference(_ reference: String, from remote: String, timeout: TimeInterval = 120) -> RefTransfer {
    let result = runGit(
      ["fetch", "--no-tags", "--no-write-fetch-head", remote, "+\(reference):\(reference)"], timeout: timeout)
    if !result.succeeded, result.message.contains("couldn't find remote ref") {
      return RefTransfer(succeeded: true, message: "\(remote) has no \(reference) yet")
    }
    return result
  }

  /// Runs the git CLI on this repository (its common directory and, when there is one, its working tree).
  func runGit(_ arguments: [String], timeout: TimeInterval) -> RefTransfer {
    guard let git = Self.gitExecutable() else {
      return RefTransfer(succeeded: false, message: "git is not on PATH")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: git)
    process.arguments = ["--git-dir=\(commonDirectory)"] + arguments
    var environment = ProcessInfo.processInfo.environment
    // Never wait for a password on a terminal nobody watches.
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment
    let errors = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    do {
      try process.run()
    } catch {
      return RefTransfer(succeeded: false, message: "could not run git: \(error.localizedDescription)")
    }
    // Standard error is read on its own thread while this one waits: a full pipe would otherwise stop git, and
    // a git that hangs must still meet the time limit.
    let output = ErrorOutput()
    let reader = errors.fileHandleForReading
    let drained = DispatchSemaphore(value: 0)
    Thread {
      output.data.withLock { $0 = reader.readDataToEndOfFile() }
      drained.signal()
    }.start()
    if done.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      done.wait()
      return RefTransfer(succeeded: false, message: "git \(arguments.first ?? "") took longer than \(Int(timeout)) s")
    }
    drained.wait()
    refreshObjectDatabase()
    let message = String(decoding: output.data.withLock { $0 }, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return RefTransfer(succeeded: process.terminationStatus == 0, message: message)
  }
}

/// What a git child wrote to standard error, filled by the thread that reads it.
private final class ErrorOutput: Sendable {
  let data = Mutex(Data())
}
