import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockSupport

/// Who wrote a commit, as the reports count it.
package struct CommitLabel: Sendable, Hashable {
  package var authorship: Authorship
  package var agent: String?
  package var agentName: String?
  package var model: String?
  /// Whether a person's review trailer is present, or (set by `ReportEngine`, never cached) an approval recorded
  /// in a review note by someone who counts (`ReviewNote.countingApprovers`).
  package var reviewed: Bool

  package init(authorship: Authorship, agent: String?, agentName: String?, model: String?, reviewed: Bool) {
    self.authorship = authorship
    self.agent = agent
    self.agentName = agentName
    self.model = model
    self.reviewed = reviewed
  }

  package init(_ classification: CommitClassification) {
    self.init(
      authorship: classification.authorship, agent: classification.agent, agentName: classification.agentName,
      model: classification.model, reviewed: classification.isReviewed)
  }
}
