import PaddockChange

/// Renders `paddock blame` like `git blame`, with an authorship column.
package struct BlameTextRenderer {
  package var colour: Bool

  package init(colour: Bool) { self.colour = colour }

  package func render(_ blame: FileBlame) -> String {
    let nameWidth = min(20, blame.lines.map { Escape.terminal($0.authorName).count }.max() ?? 0)
    let agentWidth = min(40, blame.lines.map { label($0).count }.max() ?? 0)
    let numberWidth = String(blame.lines.last?.line ?? 0).count
    var out = ""
    for line in blame.lines {
      let prefix = (line.boundary ? "^" : "") + line.commit.abbreviated(line.boundary ? 11 : 12)
      let name = String(Escape.terminal(line.authorName).prefix(nameWidth)).padding(
        toLength: nameWidth, withPad: " ", startingAt: 0)
      let tag = label(line).padding(toLength: agentWidth, withPad: " ", startingAt: 0)
      let number = String(repeating: " ", count: numberWidth - String(line.line).count) + String(line.line)
      out += "\(prefix) (\(name) \(paint(tag, for: line.authorship)) \(number)) \(Escape.terminal(line.text))\n"
    }
    return out
  }

  private func label(_ line: BlameLine) -> String {
    switch line.authorship {
    case .ai: Escape.terminal("AI " + (line.agent ?? "") + (line.model.map { ":\($0)" } ?? ""))
    case .human: "human"
    case .bot: Escape.terminal("bot " + (line.agent ?? ""))
    case .unknown: "unknown"
    }
  }

  private func paint(_ text: String, for authorship: Authorship) -> String {
    guard colour else { return text }
    let code = authorship == .ai ? "35" : authorship == .human ? "32" : "33"
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
