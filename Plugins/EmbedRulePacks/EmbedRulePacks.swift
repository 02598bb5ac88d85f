import Foundation
import PackagePlugin

/// Compiles the YAML rule packs in `rules/` into the target as Swift string literals, so an installed
/// `paddock` carries its built-in rules with it.
@main
struct EmbedRulePacks: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let rules = context.package.directoryURL.appending(path: "rules")
    let names = try FileManager.default.contentsOfDirectory(atPath: rules.path)
      .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
      .sorted()
    let inputs = names.map { rules.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulePacks.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(names.count) rule packs from rules/",
        executable: try context.tool(named: "RulePackEmbedder").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
