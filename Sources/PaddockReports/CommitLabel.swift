import Foundation
import PaddockCore
import PaddockGit
import PaddockSupport

/// Who wrote a commit, as the reports count it.
public struct CommitLabel: Sendable, Hashable {
  public var authorship: Authorship
  public var agent: String?
  public var agentName: String?
  public var model: String?
  /// Whether a person's review trailer is present, or (set by `ReportEngine`, never cached) an approval recorded
  /// in a review note by someone who counts (`ReviewNote.countingApprovers`).
  public var reviewed: Bool

  public init(authorship: Authorship, agent: String?, agentName: String?, model: String?, reviewed: Bool) {
    self.authorship = authorship
    self.agent = agent
    self.agentName = agentName
    self.model = model
    self.reviewed = reviewed
  }

  public init(_ classification: CommitClassification) {
    self.init(
      authorship: classification.authorship, agent: classification.agent, agentName: classification.agentName,
      model: classification.model, reviewed: classification.isReviewed)
  }
}
