import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit

extension Paddock {
  struct Blame: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show every line of a file with its commit, author, and an AI or human mark.",
      discussion: "Like `git blame`, plus authorship. Paths are relative to the current directory, as in git.")

    @Argument(help: "The files to blame.")
    var files: [String]

    @Option(name: .customShort("L"), help: ArgumentHelp("Only lines A to B (1-based, inclusive).", valueName: "A,B"))
    var lines: String?

    @Option(help: "Blame the file as of this revision; default HEAD.")
    var rev: String = "HEAD"

    @Option(help: OutputFormat.Menu.attribution.help, transform: OutputFormat.Menu.attribution.parse)
    var format: OutputFormat = .text

    @OptionGroup var copies: CopyOptions

    @OptionGroup var output: OutputFileOption

    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      if files.isEmpty { throw ValidationError("name at least one file to blame") }
      if let lines, Self.parseLines(lines) == nil {
        throw ValidationError("-L expects `A,B` with 1 <= A <= B, such as `-L 10,20`")
      }
      if lines != nil, files.count > 1 { throw ValidationError("-L applies to a single file") }
    }

    static func parseLines(_ text: String) -> ClosedRange<Int>? {
      let parts = text.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first >= 1, last >= first else {
        return nil
      }
      return first...last
    }

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        let revision = try repository.resolveCommit(rev)
        var blamer = try Blamer(repository: repository, catalogue: config.catalogue())
        blamer.copies = copies.detection()
        var report = BlameReport(revision: revision.hex, files: [])
        for file in files {
          let path = try repositoryPath(for: file, in: repository)
          report.files.append(try blamer.blame(path: path, revision: revision, lines: lines.flatMap(Self.parseLines)))
        }
        switch format {
        case .json:
          try writeReport(try JSONRenderer.render(report), to: output.output)
        case .text:
          let renderer = BlameTextRenderer(colour: output.output == nil && options.useColour())
          var text = ""
          for (index, blame) in report.files.enumerated() {
            if report.files.count > 1 { text += (index > 0 ? "\n" : "") + "==> \(blame.path) <==\n" }
            text += renderer.render(blame)
          }
          try writeReport(text, to: output.output)
        default:
          throw OutputFormat.Unsupported(format: format, menu: .attribution)
        }
      }
    }

    /// Turns a path given on the command line into a path relative to the repository root,
    /// keeping bytes that are not UTF-8 (read from the raw argument vector).
    private func repositoryPath(for argument: String, in repository: Repository) throws -> GitPath {
      let bytes = Self.rawArgument(matching: argument) ?? Array(argument.utf8)
      guard let workdir = repository.workingDirectory else { return GitPath(bytes: bytes) }
      let slash = UInt8(ascii: "/")
      let base = (options.directory ?? FileManager.default.currentDirectoryPath) as NSString
      let absolute = bytes.first == slash ? bytes : Array(base.resolvingSymlinksInPath.utf8) + [slash] + bytes
      let root = Self.normalise(Array((workdir as NSString).resolvingSymlinksInPath.utf8)) + [slash]
      let normalised = Self.normalise(absolute)
      guard normalised.starts(with: root) else { throw BlameError.noSuchFile(path: argument, revision: rev) }
      return GitPath(bytes: Array(normalised.dropFirst(root.count)))
    }

    /// Collapses `.`/`..` components and duplicate slashes of an absolute byte path.
    static func normalise(_ path: [UInt8]) -> [UInt8] {
      var parts: [[UInt8]] = []
      for part in path.split(separator: UInt8(ascii: "/")) {
        if part == [UInt8(ascii: ".")] { continue }
        if part == [UInt8(ascii: "."), UInt8(ascii: ".")] {
          _ = parts.popLast()
          continue
        }
        parts.append(Array(part))
      }
      return parts.reduce(into: [UInt8]()) { $0 += [UInt8(ascii: "/")] + $1 }
    }

    /// The raw bytes of the argument whose lenient decoding is `argument`.
    static func rawArgument(matching argument: String) -> [UInt8]? {
      for index in 1..<Int(CommandLine.argc) {
        guard let pointer = CommandLine.unsafeArgv[index] else { continue }
        let length = strlen(pointer)
        let bytes = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
          Array(UnsafeBufferPointer(start: $0, count: length))
        }
        if String(decoding: bytes, as: UTF8.self) == argument { return bytes }
      }
      return nil
    }
  }
}

/// `paddock blame --format json`: the blamed files at one revision.
struct BlameReport: Codable {
  var schema = FileBlame.schemaID
  var revision: String
  var files: [FileBlame]
}
