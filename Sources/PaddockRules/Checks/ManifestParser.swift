import Foundation
import PaddockChange
import PaddockRegex
import PaddockSupport
import Synchronization

/// Reads the packages a dependency manifest declares, line by line, knowing which section each line is in.
///
/// Covers SwiftPM (`Package.swift`), npm (`package.json`), PyPI (`requirements*.txt`, `pyproject.toml`,
/// `Pipfile`), Cargo (`Cargo.toml`), Go (`go.mod`), Maven (`pom.xml`) and Gradle (`build.gradle`, `.kts`).
/// It is a line reader, not a full parser: it names what a reviewer would name from the diff.
package enum ManifestParser {
  package enum Ecosystem: String {
    case swiftpm = "SwiftPM"
    case npm
    case pypi = "PyPI"
    case cargo = "Cargo"
    case go = "Go"
    case maven = "Maven"
    case gradle = "Gradle"
  }

  package static func ecosystem(of path: String) -> Ecosystem? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    switch name {
    case "Package.swift": return .swiftpm
    case "package.json": return .npm
    case "pyproject.toml", "Pipfile": return .pypi
    case "Cargo.toml": return .cargo
    case "go.mod": return .go
    case "pom.xml": return .maven
    case "build.gradle", "build.gradle.kts": return .gradle
    default:
      if name.hasPrefix("requirements") && name.hasSuffix(".txt") { return .pypi }
      if name.hasPrefix("Package@swift") && name.hasSuffix(".swift") { return .swiftpm }
      return nil
    }
  }

  package static func isManifest(_ path: String) -> Bool { ecosystem(of: path) != nil }

  /// The package declared on line `index` (0-based) of `lines`, if that line declares one. A Go requirement marked
  /// `// indirect` counts only with `indirect`: it is already in the build, but nobody chose it.
  static func package(at index: Int, in lines: [String], path: String, indirect: Bool = false) -> String? {
    guard let ecosystem = ecosystem(of: path), index < lines.count else { return nil }
    let line = lines[index]
    let trimmed = line.trimmingBlanks()
    switch ecosystem {
    case .swiftpm:
      guard trimmed.contains(".package(") else { return nil }
      if let url = capture(#"url:\s*"([^"]+)""#, trimmed) {
        var name = url.split(separator: "/").last.map(String.init) ?? url
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name
      }
      return capture(#"(?:id|name|path):\s*"([^"]+)""#, trimmed)
    case .npm:
      guard let name = capture(#"^"([^"]+)"\s*:\s*""#, trimmed) else { return nil }
      // The repository's own packages (`workspace:`, `link:`, `file:`, `portal:`) and versions kept in the
      // workspace's catalog (`catalog:`), where a new package is named once.
      if let spec = capture(#"^"[^"]+"\s*:\s*"([a-z]+):"#, trimmed), localSpecs.contains(spec) { return nil }
      let section = enclosingJSONKey(of: index, in: lines)
      return ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].contains(section ?? "")
        ? name : nil
    case .pypi:
      let name = (path as NSString).lastPathComponent
      if name.hasSuffix(".txt") {
        guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-") else { return nil }
        return capture(#"^([A-Za-z0-9][A-Za-z0-9._-]*)"#, trimmed)
      }
      let section = tomlSection(of: index, in: lines) ?? ""
      if ["packages", "dev-packages", "tool.poetry.dependencies", "tool.poetry.dev-dependencies"].contains(section)
        || section.hasPrefix("tool.poetry.group.")
      {
        guard let dep = capture(#"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*="#, trimmed), dep != "python" else { return nil }
        return dep
      }
      if section == "project" || section == "project.optional-dependencies" || section == "dependency-groups" {
        guard insideTOMLArray(index, in: lines) || trimmed.hasPrefix("dependencies") else { return nil }
        return capture(#"["']([A-Za-z0-9][A-Za-z0-9._-]*)"#, trimmed)
      }
      return nil
    case .cargo:
      let section = tomlSection(of: index, in: lines) ?? ""
      if let header = capture(#"^\[(?:.*\.)?(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)\]"#, trimmed) {
        return header
      }
      guard section.hasSuffix("dependencies") else { return nil }
      return capture(#"^([A-Za-z0-9_-]+)\s*="#, trimmed)
    case .go:
      // `go mod tidy` writes the requirements of requirements, marked `// indirect`; nobody chose them.
      if !indirect, capture(#"//\s*(indirect)\b"#, trimmed) != nil { return nil }
      if let dep = capture(#"^require\s+([^\s(]+)\s+v"#, trimmed) { return dep }
      guard insideGoRequireBlock(index, in: lines) else { return nil }
      return capture(#"^([^\s/]+\.[^\s]+)\s+v[0-9]"#, trimmed)
    case .maven:
      guard let artifact = capture(#"<artifactId>\s*([^<\s]+)\s*</artifactId>"#, trimmed) else { return nil }
      // Only inside <dependency>: look upwards for the nearer of <dependency> and </dependency> or <plugin>.
      var cursor = index
      while cursor >= 0 {
        let text = lines[cursor]
        if text.contains("<dependency>") {
          let group = (cursor..<min(lines.count, index + 4)).lazy.compactMap {
            capture(#"<groupId>\s*([^<\s]+)\s*</groupId>"#, lines[$0])
          }.first
          return group.map { "\($0):\(artifact)" } ?? artifact
        }
        if text.contains("</dependency>") || text.contains("<plugin>") || text.contains("<parent>")
          || cursor < index && text.contains("<project")
        {
          return nil
        }
        cursor -= 1
      }
      return nil
    case .gradle:
      let configurations =
        "implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|androidTestImplementation|kapt|ksp|annotationProcessor|classpath"
      if let coordinate = capture(#"^(?:"# + configurations + #")\s*\(?\s*["']([^"':]+:[^"':]+)"#, trimmed) {
        return coordinate
      }
      return capture(#"^(?:"# + configurations + #")\s*\(?\s*(libs\.[A-Za-z0-9_.]+)"#, trimmed)
    }
  }

  /// npm version specs that name no package from a registry.
  private static let localSpecs: Set<String> = ["workspace", "link", "file", "portal", "catalog"]

  /// Every package the manifest declares, indirect Go requirements included, for telling an added package from a
  /// changed version or one already in the build.
  package static func packages(in lines: [String], path: String) -> Set<String> {
    Set(lines.indices.compactMap { package(at: $0, in: lines, path: path, indirect: true) })
  }

  /// Compiled once per pattern: `packages(in:)` reads every line of a manifest, each with several patterns.
  private static let compiled = Mutex<[String: LinearRegex]>([:])

  private static func capture(_ pattern: String, _ text: String) -> String? {
    let regex = compiled.withLock { cache -> LinearRegex? in
      if let regex = cache[pattern] { return regex }
      let regex = try? LinearRegex(pattern)
      cache[pattern] = regex
      return regex
    }
    guard let regex, let match = regex.firstMatch(in: text), match.groups.count > 1, let group = match.groups[1]
    else { return nil }
    return text.utf8Slice(group)
  }

  /// The key of the innermost JSON object that encloses line `index`, by brace counting upwards.
  private static func enclosingJSONKey(of index: Int, in lines: [String]) -> String? {
    var depth = 0
    var cursor = index - 1
    while cursor >= 0 {
      let text = lines[cursor]
      for character in text.reversed() {
        if character == "}" { depth += 1 }
        if character == "{" {
          if depth == 0 { return capture(#""([^"]+)"\s*:\s*\{"#, text) }
          depth -= 1
        }
      }
      cursor -= 1
    }
    return nil
  }

  private static func tomlSection(of index: Int, in lines: [String]) -> String? {
    var cursor = index
    while cursor >= 0 {
      let text = lines[cursor].trimmingBlanks()
      if text.hasPrefix("["), !text.hasPrefix("[["), let end = text.firstIndex(of: "]") {
        return String(text[text.index(after: text.startIndex)..<end]).trimmingBlanks()
      }
      cursor -= 1
    }
    return nil
  }

  private static func insideTOMLArray(_ index: Int, in lines: [String]) -> Bool {
    var cursor = index - 1
    while cursor >= 0 {
      let text = lines[cursor].trimmingBlanks()
      if text.hasSuffix("[") { return true }
      if text.hasPrefix("]") || text.hasPrefix("[") { return false }
      cursor -= 1
    }
    return false
  }

  private static func insideGoRequireBlock(_ index: Int, in lines: [String]) -> Bool {
    var cursor = index - 1
    while cursor >= 0 {
      let text = lines[cursor].trimmingBlanks()
      if text.hasPrefix("require (") || text == "require(" { return true }
      if text == ")" || text.hasPrefix("module ") { return false }
      cursor -= 1
    }
    return false
  }
}

/// The `new-dependency` kind: a package added to a manifest, named.
enum ManifestCheck {
  static func findings(rule: Rule, file: ReviewFile, change: ReviewChange) -> [Finding] {
    guard let ecosystem = ManifestParser.ecosystem(of: file.path) else { return [] }
    let lines = file.content ?? file.added.map(\.text)
    // A package the file had before, or that another manifest of the repository declared at the base of the change
    // (a package moved between the projects of a monorepo), is not new to the repository.
    let before =
      (file.oldContent.map { ManifestParser.packages(in: $0, path: file.path) } ?? [])
      .union(change.declaredDependencies[ecosystem.rawValue] ?? [])
    // One finding per manifest and authorship, naming every new package: one decision for a reviewer, on the line
    // of the first.
    var found: [(line: AddedLine, packages: [String])] = []
    var reported: Set<String> = []
    for line in file.added where rule.scope.includes(line.authorship) {
      let index = file.content == nil ? (file.added.firstIndex(of: line) ?? 0) : line.number - 1
      guard let package = ManifestParser.package(at: index, in: lines, path: file.path), !before.contains(package),
        reported.insert(package).inserted
      else { continue }
      if let group = found.firstIndex(where: { $0.line.authorship == line.authorship }) {
        found[group].packages.append(package)
      } else {
        found.append((line, [package]))
      }
    }
    var findings: [Finding] = []
    for (line, packages) in found {
      let commit = line.commit.map { change.commits[$0] }
      let named = packages.map { "`\($0)`" }
      let what =
        packages.count == 1
        ? "Added \(ecosystem.rawValue) package \(named[0])."
        : "Added \(packages.count) \(ecosystem.rawValue) packages: \(named.joined(separator: ", "))."
      findings.append(
        Finding(
          rule: rule.id, title: rule.title, severity: rule.severity, path: file.path, line: line.number,
          authorship: line.authorship, agent: line.agent ?? commit?.agent, commit: commit?.id,
          message: "\(rule.message) \(what)", fix: rule.fix, snippet: line.text,
          fingerprint: Fingerprint.of(rule: rule.id, path: file.path, text: packages.sorted().joined(separator: " "))))
    }
    return findings
  }
}
