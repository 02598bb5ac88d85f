internal import CLibgit2

/// One-time initialisation of the libgit2 runtime.
enum Libgit2 {
  /// Touch before the first libgit2 call; a `static let` runs its initialiser once, thread-safely.
  static let ready: Bool = {
    // Never shut down: the process owns libgit2 until it exits.
    let initialised = git_libgit2_init() > 0
    // Review reads a changed file's blob for its diff and again for its text; the second read comes from the cache.
    _ = paddock_cache_blobs_up_to(1 << 20)
    // The diff workers each open a repository, and a long walk fills every cache to the bound and leaves freed
    // memory behind in each thread's heap: at libgit2's 256 MiB, attribution of a 9,000-commit history peaked at
    // 700 MB. A recently read blob is still found again at this size.
    _ = paddock_cache_at_most(Repository.objectCacheLimit)
    return initialised
  }()

  /// The linked libgit2 version, such as "1.5.1".
  static var version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var rev: Int32 = 0
    git_libgit2_version(&major, &minor, &rev)
    return "\(major).\(minor).\(rev)"
  }
}
