import Foundation
import Synchronization

/// Frees large values on a thread of their own.
///
/// A review ends holding tens of thousands of small allocations: every added line, every line of every changed
/// file, every traced run. Freeing them where they go out of scope puts milliseconds of `free` between the rules and
/// the report, on the one thread everything waits for. Handed over here, they are freed on a thread that would
/// otherwise sit idle; nothing waits for it, and a process that exits first simply never frees them.
package enum BackgroundRelease {
  /// Takes `value` over and drops it on a new thread. The caller must give up its own copy (pass it with
  /// `consume`), or its copy is the one freed last, where it stands.
  package static func drop<Value: Sendable>(_ value: consuming Value) {
    let box = Box(value)
    Thread.detachNewThread { box.empty() }
  }

  /// Holds the value until the releasing thread empties it.
  private final class Box<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: consuming Value) { self.value = Mutex(value) }

    func empty() { value.withLock { $0 = nil } }
  }
}
