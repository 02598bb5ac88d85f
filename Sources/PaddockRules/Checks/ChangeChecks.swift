import PaddockChange

/// What the kinds that judge the change as a whole share: a finding that names the file, line and commit it is about.
enum ChangeChecks {
  static func finding(
    _ rule: Rule, file: ReviewFile?, line: AddedLine?, change: ReviewChange, message: String, key: String,
    endLine: Int? = nil, authorship: Authorship? = nil, commit: ReviewCommit? = nil
  ) -> Finding {
    let commit = commit ?? line?.commit.map { change.commits[$0] }
    return Finding(
      rule: rule.id, title: rule.title, severity: rule.severity, path: file?.path, line: line?.number,
      endLine: endLine ?? line?.number, authorship: authorship ?? line?.authorship ?? commit?.authorship ?? .unknown,
      agent: line?.agent ?? commit?.agent, commit: commit?.id, message: message, fix: rule.fix, snippet: line?.text,
      fingerprint: Fingerprint.of(rule: rule.id, path: file?.path ?? "", text: key))
  }
}
