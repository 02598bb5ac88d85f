import PaddockGit

/// An added line and who wrote it.
public struct AddedLine: Sendable, Hashable {
  /// The line's number in the file at head.
  public var number: Int
  public var text: String
  public var authorship: Authorship
  /// Index into `ReviewChange.commits` of the commit that added it; nil when it came from outside the range.
  public var commit: Int?
  public var agent: String?

  public init(number: Int, text: String, authorship: Authorship, commit: Int?, agent: String? = nil) {
    self.number = number
    self.text = text
    self.authorship = authorship
    self.commit = commit
    self.agent = agent
  }
}
