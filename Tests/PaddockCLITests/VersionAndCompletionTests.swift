import Foundation
import TestSupport
import Testing

/// `paddock version`, and the completion scripts and man page source the packages ship, which come from the command
/// tree itself.
@Suite struct VersionAndCompletionTests {
  @Test func versionIsTheSameAsTheFlag() throws {
    let repository = try TestRepository()
    let command = try repository.paddock(["version"])
    let flag = try repository.paddock(["--version"])
    #expect(command.status == 0 && flag.status == 0)
    #expect(command.out == flag.out)
    #expect(command.out.split(separator: ".").count == 3, "\(command.out)")
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionsKnowTheNewCommandsAndFlags(shell: String) throws {
    let repository = try TestRepository()
    let script = try repository.paddock(["--generate-completion-script", shell])
    #expect(script.status == 0, "\(script.err)")
    for word in ["init", "version", "staged", "pre-commit", "dry-run"] {
      #expect(script.out.contains(word), "\(shell) completion lacks \(word)")
    }
  }

  /// scripts/manpage reads this: every command appears with its options.
  @Test func theCommandTreeDescribesEveryCommand() throws {
    let repository = try TestRepository()
    let dump = try repository.paddock(["--experimental-dump-help"])
    #expect(dump.status == 0)
    let names = ["review", "attribute", "init", "version", "hook", "ci", "report"]
    for name in names { #expect(dump.out.contains("\"commandName\" : \"\(name)\""), "\(name)") }
    // A help text's line continuation written as an escaped backslash leaves `\` before a line break in the help
    // and the man page.
    #expect(!dump.out.contains("\\\\\\n"), "a stray backslash at a line's end in some help text")
  }
}
