#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CPU time the calling thread has used. Time budgets measured with it (a rule's regex budget) do not run out
/// early on a loaded machine, where wall-clock time also counts the time other work holds the cores.
public enum ThreadTime {
  public static func now() -> Duration {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
  }
}
