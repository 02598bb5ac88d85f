import Foundation

/// Wall-clock time spent in each phase of a run, for `--timings`: where a slow review spends its time.
package struct PhaseTimings: Sendable {
  package private(set) var phases: [(name: String, duration: Duration)] = []
  private let clock = ContinuousClock()

  package init() {}

  /// Runs `body` and records how long it took under `name`.
  package mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
    let start = clock.now
    defer { phases.append((name, clock.now - start)) }
    return try body()
  }

  /// Records a phase that started at `start` and ends now.
  package mutating func record(_ name: String, since start: ContinuousClock.Instant) {
    phases.append((name, clock.now - start))
  }

  /// One line per phase and a total, in milliseconds, aligned for a terminal.
  package func rendered() -> String {
    let width = phases.map(\.name.count).max() ?? 0
    var lines = phases.map { phase in
      phase.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.milliseconds(phase.duration)
    }
    let total = phases.reduce(Duration.zero) { $0 + $1.duration }
    lines.append("total".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.milliseconds(total))
    return lines.joined(separator: "\n") + "\n"
  }

  private static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    let tenths = Int((ms * 10).rounded())
    let text = "\(tenths / 10).\(tenths % 10)"
    return String(repeating: " ", count: max(0, 8 - text.count)) + text + " ms"
  }
}
