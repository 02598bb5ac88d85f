import Foundation
import PaddockFuzzing
import Synchronization

#if PADDOCK_LIBFUZZER
  import CLibFuzzer

  /// The target libFuzzer drives, named by `PADDOCK_FUZZ_TARGET` (see `Fuzz/run`).
  /// Set once before libFuzzer starts; the C callback cannot capture it, so it is a global behind a lock.
  let chosenTarget = Mutex(FuzzTarget.trailers)

  /// Built with libFuzzer (`Fuzz/run`): hands control to libFuzzer's driver with the chosen target.
  @main
  struct PaddockFuzz {
    static func main() {
      let name = ProcessInfo.processInfo.environment["PADDOCK_FUZZ_TARGET"] ?? ""
      guard let chosen = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("paddock-fuzz: set PADDOCK_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
      }
      chosenTarget.withLock { $0 = chosen }
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(
        LLVMFuzzerRunDriver(&argc, &argv) { data, size in
          let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
          let target = chosenTarget.withLock { $0 }
          do throws(FuzzViolation) {
            try target.run(input)
          } catch {
            fatalError("\(target.rawValue): \(error.description)")
          }
          return 0
        })
    }
  }
#else
  /// Without libFuzzer: replays files through a target, as the test suite does.
  @main
  struct PaddockFuzz {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: paddock-fuzz <\(names)> <file or directory>...\n".utf8))
        exit(2)
      }
      guard let files = FuzzTarget.inputFiles(Array(arguments.dropFirst())) else {
        FileHandle.standardError.write(Data("paddock-fuzz: a path given does not exist\n".utf8))
        exit(2)
      }
      var failures = 0
      var count = 0
      for file in files {
        count += 1
        guard let data = FileManager.default.contents(atPath: file) else {
          failures += 1
          print("\(file): cannot be read")
          continue
        }
        do {
          try target.run(Array(data))
        } catch {
          failures += 1
          print("\(file): \(error.description)")
        }
      }
      print("\(count) inputs, \(failures) failures")
      exit(failures == 0 ? 0 : 1)
    }
  }
#endif
