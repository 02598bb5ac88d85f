import Foundation
import PackagePlugin

/// Compiles the YAML rule packs in `rules/` (into PaddockRules) and the git hook scripts in `hooks/` (into
/// PaddockCore) as Swift string literals, so an installed `paddock` carries its built-in rules and the hooks it
/// installs with it.
@main
struct EmbedResources: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let tool = try context.tool(named: "ResourceEmbedder").url
    func embed(folder: String, variable: String, output: String, keep: (String) -> Bool) throws -> Command {
      let directory = context.package.directoryURL.appending(path: folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { !$0.hasPrefix(".") && keep($0) }
        .sorted()
      let inputs = names.map { directory.appending(path: $0) }
      let outputFile = context.pluginWorkDirectoryURL.appending(path: output)
      return .buildCommand(
        displayName: "Embedding \(names.count) files from \(folder)/",
        executable: tool,
        arguments: [outputFile.path, variable, folder] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [outputFile]
      )
    }
    // Each folder goes into the one module that reads it.
    switch target.name {
    case "PaddockRules":
      return [
        try embed(folder: "rules", variable: "embeddedRulePacks", output: "EmbeddedRulePacks.swift") {
          $0.hasSuffix(".yml") || $0.hasSuffix(".yaml")
        }
      ]
    case "PaddockCore":
      return [
        try embed(folder: "hooks", variable: "embeddedHooks", output: "EmbeddedHooks.swift") {
          !$0.hasSuffix(".md")
        }
      ]
    default:
      throw EmbedError(target: target.name)
    }
  }
}

/// The plugin applied to a target it has nothing for.
struct EmbedError: Error, CustomStringConvertible {
  var target: String
  var description: String {
    "EmbedResources embeds rules/ into PaddockRules and hooks/ into PaddockCore; \(target) has neither: "
      + "remove the plugin from it in Package.swift, or add its folder to the plugin"
  }
}
