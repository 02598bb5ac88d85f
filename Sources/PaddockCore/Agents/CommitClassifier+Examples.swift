import PaddockGit
import PaddockRules

extension CommitClassifier: ExampleClassifier {
  /// The classification of a rule example's commit, in the terms the example runner reads.
  package func classifyExample(_ commit: Commit) -> ExampleClassification {
    let classification = classify(commit)
    return ExampleClassification(
      agent: classification.agent, review: classification.review.map(\.text),
      refusedReview: classification.refusedReview)
  }
}
