import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program run to its end in a process group of its own, with its input given, its output capped and a time
/// limit: for the `command` model provider.
///
/// The program starts with no signal blocked and every signal's default action, whatever the calling thread
/// blocks or Paddock ignores. At the time limit, past the output cap, and once the program has exited, its whole
/// group is ended, so nothing it started in the background outlives the request; a signal that ends Paddock ends
/// the group too (`Interruption.endWithProcess`).
package enum ChildProcess {
  /// How the run ended.
  package enum Ending: Sendable, Equatable {
    /// The program exited with this status.
    case exited(Int32)
    /// A signal ended the program.
    case signalled(Int32)
    /// The time limit passed; the group was stopped.
    case timedOut
    /// The program wrote more than the output cap; the group was stopped.
    case outputTooLarge
  }

  /// What a run produced.
  package struct Result: Sendable {
    package var ending: Ending
    /// Standard output, at most the cap.
    package var output: [UInt8]
    /// The last bytes of standard error.
    package var errorTail: [UInt8]
  }

  /// The program could not be started; `code` is the errno.
  package struct StartError: Error, CustomStringConvertible {
    package var code: Int32
    package var description: String { String(cString: strerror(code)) }
  }

  /// Seconds a stopped group gets between SIGTERM and SIGKILL.
  static let graceAfterTerm = 2.0
  /// Seconds the output pipes may stay open after the program exits (a background job holding them).
  static let drainAfterExit = 0.25

  /// Runs `executable` with `arguments` (not including argv[0]) and exactly `environment`, in the current
  /// directory, writing `input` to its standard input. Standard output past `outputLimit` bytes stops the run;
  /// the last `errorTailLimit` bytes of standard error are kept.
  package static func run(
    _ executable: String, arguments: [String], environment: [String: String], input: [UInt8],
    timeout: Double, outputLimit: Int, errorTailLimit: Int = 4096
  ) throws(StartError) -> Result {
    let deadline = now() + max(0, timeout)
    let child = try spawn(executable, arguments, environment)
    let slot = Interruption.endWithProcess(group: child.pid)

    // This thread writes the input: a program that exits without reading it must not end Paddock with SIGPIPE.
    // The signal a failed write raises is directed at this thread, so blocking it here is enough.
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    var previousMask = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)

    // Owned descriptors, -1 once closed; each is closed by the end of this function.
    var stdinFD = child.stdin
    var stdoutFD = child.stdout
    var stderrFD = child.stderr
    var output: [UInt8] = []
    var errorTail: [UInt8] = []
    var written = 0
    var ending: Ending?
    var exitedAt: Double?
    var buffer = [UInt8](repeating: 0, count: 65_536)
    if input.isEmpty { closing(&stdinFD) }

    while ending == nil {
      let time = now()
      if exitedAt == nil, hasExited(child.pid) { exitedAt = time }
      if let exitedAt, (stdoutFD < 0 && stderrFD < 0) || time >= exitedAt + drainAfterExit { break }
      if time >= deadline {
        ending = .timedOut
        break
      }
      var polled: [pollfd] = []
      if stdinFD >= 0 { polled.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
      if stdoutFD >= 0 { polled.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
      if stderrFD >= 0 { polled.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
      // Wake at least every 50 ms to notice the program's exit: no SIGCHLD handler is installed.
      let wait = Int32(max(1, min(50, (deadline - time) * 1000)))
      if polled.isEmpty {
        usleep(UInt32(wait) * 1000)
        continue
      }
      if poll(&polled, nfds_t(polled.count), wait) <= 0 { continue }
      for entry in polled where entry.revents != 0 {
        if entry.fd == stdinFD {
          let count = input.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            return systemWrite(stdinFD, base + written, min(65_536, input.count - written))
          }
          if count > 0 { written += count }
          if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) { closing(&stdinFD) }
        } else if entry.fd == stdoutFD {
          let count = buffer.withUnsafeMutableBytes { systemRead(stdoutFD, $0.baseAddress, $0.count) }
          if count > 0 {
            output.append(contentsOf: buffer[0..<count])
            if output.count > outputLimit {
              output.removeSubrange(outputLimit...)
              ending = .outputTooLarge
            }
          } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            closing(&stdoutFD)
          }
        } else if entry.fd == stderrFD {
          let count = buffer.withUnsafeMutableBytes { systemRead(stderrFD, $0.baseAddress, $0.count) }
          if count > 0 {
            errorTail.append(contentsOf: buffer[0..<count])
            if errorTail.count > errorTailLimit { errorTail.removeFirst(errorTail.count - errorTailLimit) }
          } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            closing(&stderrFD)
          }
        }
      }
    }
    closing(&stdinFD)
    closing(&stdoutFD)
    closing(&stderrFD)
    // A SIGPIPE from a write that found the program gone is pending on this thread: take it before unblocking.
    var pending = sigset_t()
    sigpending(&pending)
    if sigismember(&pending, SIGPIPE) == 1 {
      var noWait = timespec(tv_sec: 0, tv_nsec: 0)
      _ = sigtimedwait(&pipeSignal, nil, &noWait)
    }
    pthread_sigmask(SIG_SETMASK, &previousMask, nil)

    // The child is not reaped yet, so its id still names its group and cannot have been reused.
    if ending != nil {
      kill(-child.pid, SIGTERM)
      let grace = now() + graceAfterTerm
      while !hasExited(child.pid), now() < grace { usleep(20_000) }
    }
    // Whatever the program left running in its group (a background job) ends with it.
    kill(-child.pid, SIGKILL)
    Interruption.release(slot)
    var status: Int32 = 0
    while waitpid(child.pid, &status, 0) < 0, errno == EINTR {}
    if ending == nil {
      // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
      ending = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
    }
    return Result(ending: ending ?? .timedOut, output: output, errorTail: errorTail)
  }

  /// The started program and the parent's ends of its standard streams (non-blocking, close-on-exec).
  private struct Spawned {
    var pid: Int32
    var stdin: Int32
    var stdout: Int32
    var stderr: Int32
  }

  private static func spawn(
    _ executable: String, _ arguments: [String], _ environment: [String: String]
  ) throws(StartError) -> Spawned {
    // Pipes are made close-on-exec and the program started under one lock, so a program another thread starts
    // meanwhile inherits none of them (which would keep them open past this program's exit). Paddock starts no
    // other processes. (`pipe2`, which does this atomically, is not exported to Swift by Glibc.)
    try spawning.withLock { _ throws(StartError) -> Spawned in
      try spawnLocked(executable, arguments, environment)
    }
  }

  private static let spawning = Mutex<Void>(())

  private static func spawnLocked(
    _ executable: String, _ arguments: [String], _ environment: [String: String]
  ) throws(StartError) -> Spawned {
    var input: [Int32] = [-1, -1]
    var output: [Int32] = [-1, -1]
    var errors: [Int32] = [-1, -1]
    guard pipe(&input) == 0 else { throw StartError(code: errno) }
    guard pipe(&output) == 0 else {
      let code = errno
      for descriptor in input { close(descriptor) }
      throw StartError(code: code)
    }
    guard pipe(&errors) == 0 else {
      let code = errno
      for descriptor in input + output { close(descriptor) }
      throw StartError(code: code)
    }
    for descriptor in input + output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    // The child's ends are closed here once it has them; the parent's on return from `run`.
    defer {
      close(input[0])
      close(output[1])
      close(errors[1])
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // dup2 clears close-on-exec on the copies, which the program keeps as its standard streams.
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errors[1], 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var everySignal = sigset_t()
    sigfillset(&everySignal)
    sigdelset(&everySignal, SIGKILL)
    sigdelset(&everySignal, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &everySignal)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    // Owned C strings for argv and envp; freed on return.
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: Int32 = 0
    let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard rc == 0 else {
      close(input[1])
      close(output[0])
      close(errors[0])
      throw StartError(code: rc)
    }
    for descriptor in [input[1], output[0], errors[0]] {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
    return Spawned(pid: pid, stdin: input[1], stdout: output[0], stderr: errors[0])
  }

  /// Whether the child has exited, without reaping it: its id keeps naming its process group until `waitpid`.
  private static func hasExited(_ pid: Int32) -> Bool {
    var info = siginfo_t()
    guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return errno == ECHILD }
    return info._sifields._sigchld.si_pid == pid
  }

  private static func closing(_ descriptor: inout Int32) {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
  }

  /// Monotonic seconds.
  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
  }

  private static func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, bytes, count)
  }
}
