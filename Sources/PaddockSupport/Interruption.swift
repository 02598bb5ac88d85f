import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps Ctrl-C (SIGINT), SIGTERM and SIGHUP from landing in the middle of a cache write, and ends the process
/// groups of children (`ChildProcess`) with the process.
///
/// Blocking the signals with a mask would protect only the writing thread, and the kernel may deliver a
/// process-wide signal to any other. Instead, the first `deferring` call installs one handler: outside a deferred
/// section it restores the default action and re-raises the signal (the process ends as it always would); inside,
/// it only notes the signal, and the section's end re-raises it once the write is whole.
package enum Interruption {
  private static let depth = Atomic<Int>(0)
  private static let pending = Atomic<Int32>(0)
  private static let installed = Atomic<Bool>(false)
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// Process groups of running children (0: a free slot), killed when a signal ends this process.
  private static let groups: InlineArray<64, Atomic<Int32>> = InlineArray { _ in Atomic(0) }

  /// Makes a child's process group end with this process: until `release(_:)`, a signal that ends Paddock first
  /// sends the group SIGKILL. A child in a group of its own gets no Ctrl-C from the terminal, and would otherwise
  /// outlive the run. Returns the slot to release, or nil when 64 groups are already held (the child then runs
  /// unguarded).
  package static func endWithProcess(group: Int32) -> Int? {
    install()
    for slot in groups.indices
    where groups[slot].compareExchange(expected: 0, desired: group, ordering: .sequentiallyConsistent).exchanged {
      return slot
    }
    return nil
  }

  /// Stops guarding the group `endWithProcess(group:)` took `slot` for; call it before reaping the child.
  package static func release(_ slot: Int?) {
    if let slot { groups[slot].store(0, ordering: .sequentiallyConsistent) }
  }

  /// Runs `body` with interruption deferred until it returns.
  package static func deferring<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
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

  /// The handler: only async-signal-safe calls (atomics, `kill`, `signal`, `raise`).
  private static func received(_ signal: Int32) {
    if depth.load(ordering: .sequentiallyConsistent) > 0 {
      pending.store(signal, ordering: .sequentiallyConsistent)
    } else {
      terminate(signal)
    }
  }

  private static func terminate(_ number: Int32) {
    for slot in groups.indices {
      let group = groups[slot].load(ordering: .sequentiallyConsistent)
      if group > 0 { kill(-group, SIGKILL) }
    }
    _ = signal(number, SIG_DFL)
    raise(number)
  }
}
