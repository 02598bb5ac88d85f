import PaddockChange
import PaddockRegex
import PaddockSupport

/// Parameters of a `multi-line` rule.
package struct MultiLineOptions: Sendable, Hashable {
  /// A match spanning more lines than this is not reported (a `[^)]*` that ran on through the file).
  package var maxLines: Int
  /// A regex that must match after the pattern's match, within `within` lines of its last line; `${name}` stands
  /// for the text the pattern's group `name` matched (a variable the statement assigned), taken literally.
  package var then: String?
  /// How many lines after the match `then` may be on.
  package var within: Int
  /// The nearest line at or above the match that matches `insideOpener` (a function's first line) must also match
  /// `insideRequire` (a function that returns an error).
  package var insideOpener: String?
  package var insideRequire: String?

  package init(
    maxLines: Int = 10, then: String? = nil, within: Int = 5, insideOpener: String? = nil, insideRequire: String? = nil
  ) {
    self.maxLines = maxLines
    self.then = then
    self.within = within
    self.insideOpener = insideOpener
    self.insideRequire = insideRequire
  }

  /// The group names `then` refers to, in order of first use.
  package var thenNames: [String] { then.map(Self.names(in:)) ?? [] }

  /// The `${name}` references of a template.
  static func names(in template: String) -> [String] {
    var names: [String] = []
    var rest = Substring(template)
    while let start = rest.range(of: "${") {
      guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
      let name = String(rest[start.upperBound..<end])
      if !names.contains(name) { names.append(name) }
      rest = rest[rest.index(after: end)...]
    }
    return names
  }

  /// `template` with each `${name}` replaced by `values[name]`, quoted so that it matches itself literally.
  static func substitute(_ template: String, _ values: [String: String]) -> String {
    var result = template
    for (name, value) in values { result = result.replacingOccurrences(of: "${\(name)}", with: quoted(value)) }
    return result
  }

  /// `text` as an RE2 pattern matching exactly itself (as RE2's QuoteMeta writes it).
  static func quoted(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII, !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") {
        result += "\\"
      }
      result.unicodeScalars.append(scalar)
    }
    return result
  }
}

/// The check of a `multi-line` rule: `pattern` over the whole file at head, lines joined by `\n`, so that a defect
/// a formatter spreads over several lines (black's `except Exception:` above `pass`, gofmt's `if err != nil {`
/// block) is one match.
///
/// RE2 scans the file once for all matches (they do not overlap), in time linear in the file; a match is reported
/// when one of its lines, or of the lines `then` matched, was added by the change.
struct MultiLineCheck: KindCheck {
  let rule: Rule
  let options: MultiLineOptions
  let pattern: LinearRegex
  let named: Set<Int>
  let insideOpener: LinearRegex?
  let insideRequire: LinearRegex?

  init(_ rule: Rule, options: MultiLineOptions) throws {
    self.rule = rule
    self.options = options
    pattern = try LinearRegex(rule.pattern ?? "", multiline: true)
    var named: Set<Int> = []
    for name in Self.groupNames(in: rule.pattern ?? "") {
      if let index = pattern.group(named: name) { named.insert(index) }
    }
    self.named = named
    insideOpener = try options.insideOpener.map { try LinearRegex($0) }
    insideRequire = try options.insideRequire.map { try LinearRegex($0) }
  }

  /// The names of the named groups of `pattern`, written `(?P<name>` or `(?<name>`.
  static func groupNames(in pattern: String) -> [String] {
    var names: [String] = []
    for prefix in ["(?P<", "(?<"] {
      var rest = Substring(pattern)
      while let start = rest.range(of: prefix) {
        let tail = rest[start.upperBound...]
        guard let end = tail.firstIndex(of: ">") else { break }
        let name = String(tail[..<end])
        if !name.isEmpty, !name.hasPrefix("="), !name.hasPrefix("!") { names.append(name) }
        rest = tail[end...]
      }
    }
    return names
  }

  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    let added = Dictionary(
      file.added.filter { everyAuthorship || rule.scope.includes($0.authorship) }.map { ($0.number, $0) },
      uniquingKeysWith: { first, _ in first })
    guard !added.isEmpty else { return [] }
    let lines = file.content ?? Self.linesFromAdded(file)
    // `keywords` were looked for by the rule set, in the same pass for every whole-file rule.
    let syntax = (file.language ?? .markdown).commentSyntax
    let masked =
      rule.ignoreIn.isEmpty ? lines : lines.map { LineMasker.mask($0, syntax: syntax, regions: rule.ignoreIn) }
    var subject = masked.joined(separator: "\n")
    // The byte offset each line starts at.
    var starts: [Int] = []
    starts.reserveCapacity(lines.count + 1)
    var offset = 0
    for line in masked {
      starts.append(offset)
      offset += line.utf8.count + 1
    }
    starts.append(offset)
    /// The 1-based line holding byte `offset`.
    func lineOf(_ offset: Int) -> Int {
      var low = 0
      var high = starts.count - 1
      while low + 1 < high {
        let middle = (low + high) / 2
        if starts[middle] <= offset { low = middle } else { high = middle }
      }
      return low + 1
    }
    var findings: [Finding] = []
    var excludedFile: Bool?
    subject.withUTF8 { bytes in
      var position = 0
      while position <= bytes.count, let match = pattern.firstMatch(inBytes: bytes, from: position) {
        let range = match.range
        position = range.isEmpty ? range.lowerBound + 1 : range.upperBound
        let first = lineOf(range.lowerBound)
        let last = lineOf(max(range.lowerBound, range.upperBound - 1))
        guard last - first < options.maxLines else { continue }
        var touched = (first...last).filter { added[$0] != nil }
        var values: [String: String] = [:]
        for name in options.thenNames {
          guard let index = pattern.group(named: name), let group = match.groups[index] else { continue }
          values[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[group]), as: UTF8.self)
        }
        // `then` applies to the matches in which every group it names took part (one alternative of the pattern).
        if let then = options.then, values.count == options.thenNames.count {
          guard let follow = try? LinearRegex(MultiLineOptions.substitute(then, values), multiline: true) else {
            continue
          }
          let end = starts[min(last + options.within, lines.count)]
          let window = UnsafeBufferPointer(rebasing: bytes[..<min(max(end, range.upperBound), bytes.count)])
          guard let used = follow.firstMatch(inBytes: window, from: range.upperBound) else { continue }
          touched += (lineOf(used.range.lowerBound)...lineOf(max(used.range.lowerBound, used.range.upperBound - 1)))
            .filter { added[$0] != nil }
        }
        guard !touched.isEmpty else { continue }
        if let patternNot = compiled.patternNot, patternNot.matches(lines[(first - 1)..<last].joined(separator: "\n")) {
          continue
        }
        if let before = compiled.patternNotBefore, first > 1, before.matches(lines[first - 2]) { continue }
        if let statement = compiled.patternNotStatement,
          statement.matches(Statement.text(startingAt: first, in: file))
        {
          continue
        }
        if let insideOpener, let insideRequire {
          guard let opener = (1...first).reversed().first(where: { insideOpener.matches(lines[$0 - 1]) }),
            insideRequire.matches(lines[opener - 1])
          else { continue }
        }
        if let fileRegex = compiled.patternNotInFile {
          if excludedFile == nil { excludedFile = lines.contains { fileRegex.matches($0) } }
          if excludedFile == true { continue }
        }
        let reported =
          (1..<match.groups.count).lazy.filter { !named.contains($0) }.compactMap { match.groups[$0] }.first ?? range
        let trimmed = CompiledRule.trimmingBlanks(reported, inBytes: bytes)
        let line = lineOf(trimmed.lowerBound)
        let endLine = lineOf(max(trimmed.lowerBound, trimmed.upperBound - 1))
        let anchor = added[line] ?? added[touched[0]]
        let commit = anchor?.commit.map { change.commits[$0] }
        let text = lines[(first - 1)..<last].joined(separator: "\n")
        findings.append(
          Finding(
            rule: rule.id, title: rule.title, severity: rule.severity, path: file.path, line: line, endLine: endLine,
            column: trimmed.lowerBound - starts[line - 1] + 1, endColumn: trimmed.upperBound - starts[endLine - 1] + 1,
            authorship: anchor?.authorship ?? .unknown, agent: anchor?.agent ?? commit?.agent, commit: commit?.id,
            message: rule.message, fix: rule.fix, snippet: lines[line - 1],
            fingerprint: Fingerprint.of(rule: rule.id, path: file.path, text: text)))
      }
    }
    return findings
  }

  /// A file whose text at head is not known: its added lines at their numbers, blank lines between.
  static func linesFromAdded(_ file: ReviewFile) -> [String] {
    var lines = [String](repeating: "", count: file.added.map(\.number).max() ?? 0)
    for line in file.added where line.number >= 1 { lines[line.number - 1] = line.text }
    return lines
  }
}
