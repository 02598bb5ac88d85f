import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs blocking, CPU-bound work on several threads of its own.
///
/// Not libdispatch: `concurrentPerform` called from a thread of the Swift concurrency pool (where an async command
/// runs) can wait for the pool to grow, which on a small machine takes up to a second. Plain threads start at once.
package enum Parallel {
  /// The worker count for CPU-bound work: the machine's cores, at most four.
  package static let defaultWorkers = min(4, ProcessInfo.processInfo.activeProcessorCount)

  /// Calls `body(worker)` for workers `0..<workers` at the same time, worker 0 on the calling thread, and returns
  /// when all have finished. `body` must make its own shared state thread-safe.
  package static func run(workers: Int, _ body: (Int) -> Void) {
    guard workers > 1 else {
      body(0)
      return
    }
    withoutActuallyEscaping(body) { body in
      var threads: [pthread_t] = []
      for worker in 1..<workers {
        // The box is released by its thread before the thread ends, so nothing holds `body` once all are joined.
        let context = Unmanaged.passRetained(WorkerContext(body: body, worker: worker)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        // libgit2's diff and the regex engine can recurse deeply: give workers a main thread's stack.
        pthread_attr_setstacksize(&attributes, 8 << 20)
        var thread = pthread_t()
        let rc = pthread_create(
          &thread, &attributes,
          { raw in
            guard let raw else { return nil }
            let context = Unmanaged<WorkerContext>.fromOpaque(raw).takeRetainedValue()
            context.body(context.worker)
            return nil
          }, context)
        pthread_attr_destroy(&attributes)
        if rc == 0 {
          threads.append(thread)
        } else {
          // No thread to be had: do this worker's share here.
          let context = Unmanaged<WorkerContext>.fromOpaque(context).takeRetainedValue()
          context.body(context.worker)
        }
      }
      body(0)
      for thread in threads { pthread_join(thread, nil) }
    }
  }

  /// Calls `body(item)` once for each item in `0..<count`, handing items to `workers` threads as they free up.
  package static func forEach(_ count: Int, workers: Int = defaultWorkers, _ body: (Int) -> Void) {
    let workers = max(1, min(workers, count))
    // Items are handed out in order; a worker that takes one past the end stops.
    let next = Atomic<Int>(0)
    run(workers: workers) { _ in
      while true {
        let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard item < count else { return }
        body(item)
      }
    }
  }
}

extension Parallel {
  /// `transform(item)` for each item in `0..<count`, in order, computed on `workers` threads as `forEach` hands the
  /// items out.
  package static func map<T: Sendable>(_ count: Int, workers: Int = defaultWorkers, _ transform: (Int) -> T) -> [T] {
    guard workers > 1, count > 1 else { return (0..<count).map(transform) }
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    forEach(count, workers: workers) { item in
      let value = transform(item)
      results.withLock { $0[item] = value }
    }
    // Every item was transformed, so nothing is dropped.
    return results.withLock { $0.compactMap { $0 } }
  }
}

/// A worker's closure and number, handed to its thread as an opaque pointer: the thread takes the only reference
/// (`takeRetainedValue`), and `Parallel.run` joins the thread before `body` stops being valid.
private final class WorkerContext {
  let body: (Int) -> Void
  let worker: Int

  init(body: @escaping (Int) -> Void, worker: Int) {
    self.body = body
    self.worker = worker
  }
}
