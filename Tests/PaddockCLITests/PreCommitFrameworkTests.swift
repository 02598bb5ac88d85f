import Foundation
import TestSupport
import Testing

/// The pre-push hook as the pre-commit framework runs it: refs in PRE_COMMIT_* variables, only the first of a push.
@Suite struct PreCommitFrameworkTests {
  /// A pre-push hook that does what the framework does: reads git's ref lines, hands Paddock the first one in
  /// PRE_COMMIT_* variables with nothing on standard input, from a child process of the hook, as the framework is.
  static let frameworkHook = """
    #!/bin/sh
    read -r local_ref local_sha remote_ref remote_sha
    cat >/dev/null
    PRE_COMMIT_FROM_REF=$remote_sha PRE_COMMIT_TO_REF=$local_sha PRE_COMMIT_LOCAL_BRANCH=$local_ref \\
    PRE_COMMIT_REMOTE_BRANCH=$remote_ref PRE_COMMIT_REMOTE_NAME=$1 PRE_COMMIT_REMOTE_URL=$2 \\
      sh -c '"$0" hook pre-push </dev/null' "$PADDOCK"

    """

  static func clone() throws -> TestRepository {
    let work = try TestRepository()
    let remotePath = work.siblingPath("remote.git")
    try work.git(["init", "-q", "--bare", "-b", "main", remotePath])
    try work.git(["remote", "add", "origin", remotePath])
    try work.write("src/app.py", "def main():\n    return 0\n")
    try work.commit("Initial commit")
    try work.git(["push", "-q", "origin", "main"])
    try work.write(".git/hooks/pre-push", frameworkHook)
    _ = chmod(work.path + "/.git/hooks/pre-push", 0o755)
    work.environment["PADDOCK"] = PaddockBinary.path
    return work
  }

  @Test func aPushOfSeveralRefsSaysWhichWereNotReviewed() throws {
    let work = try Self.clone()
    for branch in ["one", "two"] {
      try work.git(["checkout", "-q", "-b", branch, "main"])
      try work.write("src/\(branch).py", "NAME = \"\(branch)\"\n")
      try work.commit("Add \(branch)")
    }
    let push = try work.gitResult(["push", "origin", "one", "two"])
    #expect(push.status == 0, "\(push.err)")
    #expect(push.err.contains("WARNING: this push names 2 refs (one, two)"), "\(push.err)")
    #expect(push.err.contains("NOT reviewed"), "\(push.err)")
  }

  @Test func aPushOfOneRefSaysNothingMore() throws {
    let work = try Self.clone()
    try work.write("src/more.py", "MORE = 1\n")
    try work.commit("More")
    let push = try work.gitResult(["push", "origin", "main"])
    #expect(push.status == 0, "\(push.err)")
    #expect(push.err.contains("PASS"), "\(push.err)")
    #expect(!push.err.contains("WARNING"), "\(push.err)")
    #expect(!push.err.contains("note:"), "\(push.err)")
  }
}
