import PaddockGit

/// An added line and who wrote it.
package struct AddedLine: Sendable, Hashable {
  /// The line's number in the file at head.
  package var number: Int
  package var text: String
  package var authorship: Authorship
  /// Index into `ReviewChange.commits` of the commit that added it; nil when it came from outside the range.
  package var commit: Int?
  package var agent: String?

  package init(number: Int, text: String, authorship: Authorship, commit: Int?, agent: String? = nil) {
    self.number = number
    self.text = text
    self.authorship = authorship
    self.commit = commit
    self.agent = agent
  }
}
