import Foundation
import PaddockCore
import PaddockGit
import Testing

/// The review note's format, and which approvals in it count as a person's review of a commit.
@Suite struct ReviewNoteTests {
  static func commit(author: String, email: String) -> Commit {
    let signature = Signature(name: author, email: email, time: 1_700_000_000, offsetMinutes: 0)
    return Commit(
      id: ObjectID(hex: String(repeating: "a", count: 40)) ?? .zero, parents: [], author: signature,
      committer: signature, message: "Add greet\n", trailers: [], tree: .zero)
  }

  static func note(_ approvers: [ReviewNote.Approver], author: String? = "ada-l") -> ReviewNote {
    ReviewNote(
      provider: "github",
      request: ReviewNote.Request(
        kind: "pull_request", number: 7, url: "https://github.com/acme/app/pull/7", author: author),
      approvers: approvers)
  }

  @Test func theTextIsVersionedJSONThatReadsBack() throws {
    let note = Self.note([ReviewNote.Approver(login: "grace", name: "Grace Hopper", email: "grace@example.org")])
    let text = note.text()
    #expect(
      text
        == #"{"approvers":[{"bot":false,"email":"grace@example.org","login":"grace","name":"Grace Hopper"}],"provider":"github","request":{"author":"ada-l","kind":"pull_request","number":7,"url":"https://github.com/acme/app/pull/7"},"schema":"paddock.review-note/1"}"#
        + "\n")
    #expect(ReviewNote.parse(text) == note)
    #expect(ReviewNote.parse(text.replacingOccurrences(of: "review-note/1", with: "review-note/2")) == nil)
    #expect(ReviewNote.parse("Reviewed on the phone\n") == nil)
    #expect(ReviewNote.parse(#"{"schema":"paddock.review-note/1"}"#) == nil)
  }

  /// Bots, the request's author, agents, models and placeholders never count; neither does the commit's own
  /// author under another account (by address, name or GitHub no-reply address) while reviews must be
  /// independent.
  @Test(arguments: [
    (ReviewNote.Approver(login: "grace", name: "Grace Hopper", email: "grace@example.org"), true),
    (ReviewNote.Approver(login: "grace"), true),
    (ReviewNote.Approver(login: "renovate[bot]"), false),
    (ReviewNote.Approver(login: "helper", bot: true), false),
    (ReviewNote.Approver(login: "ADA-L"), false),
    (ReviewNote.Approver(login: "ada2", name: "Someone", email: "ada@example.com"), false),
    (ReviewNote.Approver(login: "lovelace", name: "Ada Lovelace"), false),
    (ReviewNote.Approver(login: "ada"), false),
    (ReviewNote.Approver(login: "claude"), false),
    (ReviewNote.Approver(login: "gpt-5"), false),
    (ReviewNote.Approver(login: "reviewer"), false),
  ])
  func whoCounts(_ approver: ReviewNote.Approver, counts: Bool) throws {
    let classifier = try CommitClassifier(catalogue: .builtin)
    let commit = Self.commit(author: "Ada Lovelace", email: "4242+ada@users.noreply.github.com")
    #expect(Self.note([approver]).countingApprovers(of: commit, classifier: classifier).isEmpty == !counts)
  }

  @Test func theAuthorsOwnApprovalCountsWhenReviewsNeedNotBeIndependent() throws {
    var catalogue = AgentCatalogue.builtin
    catalogue.independentReview = false
    let commit = Self.commit(author: "Ada Lovelace", email: "ada@example.com")
    let approver = ReviewNote.Approver(login: "lovelace", name: "Ada Lovelace", email: "ada@example.com")
    let strict = try CommitClassifier(catalogue: .builtin)
    let lenient = try CommitClassifier(catalogue: catalogue)
    #expect(Self.note([approver]).countingApprovers(of: commit, classifier: strict).isEmpty)
    #expect(Self.note([approver]).countingApprovers(of: commit, classifier: lenient) == [approver])
  }

  @Test func theConfigurationNamesTheNotesRef() throws {
    #expect(PaddockConfig().reviewNotes.reference == "refs/notes/paddock-reviews")
    let config = try PaddockConfig.parse(
      "review-notes:\n  ref: refs/notes/approvals\n  push: true\n  remote: upstream\n", file: ".paddock.yml")
    #expect(config.reviewNotes.reference == "refs/notes/approvals")
    #expect(config.reviewNotes.push && config.reviewNotes.remote == "upstream" && config.reviewNotes.record)
    #expect { try PaddockConfig.parse("review-notes:\n  ref: approvals\n", file: ".paddock.yml") } throws: {
      "\($0)".contains(".paddock.yml:2") && "\($0)".contains("refs/notes/")
    }
    #expect { try PaddockConfig.parse("review-notes:\n  pushh: true\n", file: ".paddock.yml") } throws: {
      "\($0)".contains("pushh")
    }
  }
}
