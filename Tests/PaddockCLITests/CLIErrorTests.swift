import ArgumentParser
import Foundation
import PaddockCore
import Testing

@testable import PaddockCLI

@Suite struct CLIErrorTests {
  @Test func eachErrorSaysWhatToDo() {
    #expect(
      CLIError.cannotWrite(path: "out/report.json", reason: "No such file or directory").description
        == "cannot write out/report.json: No such file or directory; check the directory exists and is writable")
    #expect(CLIError.bareRepository(.baseline).description.hasSuffix("pass --output FILE"))
    #expect(CLIError.bareRepository(.initialise).description.hasSuffix("run `paddock init` in a clone"))
    #expect(
      CLIError.unknownRule(id: "ai-secert", suggestion: "ai-secret").description
        == "no rule `ai-secert`; did you mean `ai-secret`?; `paddock rules list` shows them all")
    #expect(
      CLIError.unknownRule(id: "x", suggestion: nil).description == "no rule `x`; `paddock rules list` shows them all")
  }

  @Test func writingWhereNoDirectoryIsAMatchableError() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())/report.txt").path
    #expect {
      try write("text", to: path)
    } throws: { error in
      guard case .cannotWrite(let written, _) = error as? CLIError else { return false }
      return written == path
    }
  }

  @Test func formatsComeFromTheCommandsMenu() throws {
    #expect(try OutputFormat.Menu.attribution.parse("json") == .json)
    #expect(try OutputFormat.Menu.report.parse("csv") == .csv)
    #expect {
      try OutputFormat.Menu.attribution.parse("sarif")
    } throws: { error in
      (error as? ValidationError)?.message == "use text or json"
    }
  }
}
