import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps Ctrl-C (SIGINT), SIGTERM and SIGHUP from landing in the middle of a cache write.
///
/// Blocking the signals with a mask would protect only the writing thread, and the kernel may deliver a
/// process-wide signal to any other. Instead, the first `deferring` call installs one handler: outside a deferred
/// section it restores the default action and re-raises the signal (the process ends as it always would); inside,
/// it only notes the signal, and the section's end re-raises it once the write is whole.
public enum Interruption {
  private static let depth = Atomic<Int>(0)
  private static let pending = Atomic<Int32>(0)
  private static let installed = Atomic<Bool>(false)
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Runs `body` with interruption deferred until it returns.
  public static func deferring<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    install()
    depth.add(1, ordering: .sequentiallyConsistent)
    defer {
      if depth.subtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
        let signal = pending.exchange(0, ordering: .sequentiallyConsistent)
        if signal != 0 { terminate(signal) }
      }
    }
    return try body()
  }

  private static func install() {
    guard installed.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
    else { return }
    for signal in signals {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { received in Interruption.received(received) }
      #else
        action.__sigaction_u.__sa_handler = { received in Interruption.received(received) }
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      sigaction(signal, &action, nil)
    }
  }

  /// The handler: only async-signal-safe calls (atomics, `signal`, `raise`).
  private static func received(_ signal: Int32) {
    if depth.load(ordering: .sequentiallyConsistent) > 0 {
      pending.store(signal, ordering: .sequentiallyConsistent)
    } else {
      terminate(signal)
    }
  }

  private static func terminate(_ number: Int32) {
    _ = signal(number, SIG_DFL)
    raise(number)
  }
}
