import Foundation
import PaddockCore
import PaddockGit

/// Line-level authorship evidence that overrides a commit's label: git-ai notes (read on demand) and Agent Trace
/// records. Both name lines by their number in a given commit's version of the file.
package final class LineEvidence {
  package struct Attribution {
    var author: AuthorshipNote.Author
    var source: AttributionSource
  }

  let repository: Repository?
  let notesRef: String?
  let classifier: CommitClassifier
  private var notes: [ObjectID: AuthorshipNote?] = [:]
  private let traces: AgentTraceIndex

  package init(repository: Repository?, notesRef: String?, traces: AgentTraceIndex, classifier: CommitClassifier) {
    self.repository = repository
    self.classifier = classifier
    self.traces = traces
    // Without the notes ref there is nothing to look up, commit after commit.
    if let notesRef, repository?.referenceExists(notesRef) == true {
      self.notesRef = notesRef
    } else {
      self.notesRef = nil
    }
  }

  private func note(_ commit: ObjectID) -> AuthorshipNote? {
    if let cached = notes[commit] { return cached }
    guard let repository, let notesRef else { return nil }
    let parsed = (try? repository.note(reference: notesRef, for: commit))?.flatMap(AuthorshipNote.parse)
    notes[commit] = parsed
    return parsed
  }

  /// Whether any evidence speaks about lines of `commit`.
  func has(_ commit: ObjectID) -> Bool { traces.has(commit) || note(commit) != nil }

  func author(commit: ObjectID, path: String, line: Int) -> Attribution? {
    if let author = traces.author(revision: commit, path: path, line: line) {
      return Attribution(author: author, source: .trace)
    }
    if let (author, _) = note(commit)?.author(path: path, line: line) {
      return Attribution(author: author, source: .note)
    }
    return nil
  }
}
