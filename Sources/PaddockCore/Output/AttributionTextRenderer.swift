import PaddockGit

/// Renders a range attribution for people: a summary, then every hunk with its authorship.
package struct AttributionTextRenderer {
  package var colour: Bool

  package init(colour: Bool) { self.colour = colour }

  package func render(_ report: RangeAttribution, label: String) -> String {
    let stream = Stream(self, summary: report, label: label)
    return stream.header() + report.files.map(stream.file).joined() + stream.footer()
  }

  /// Renders an attribution whose files arrive one at a time (`Attributor.attribute(_:summary:file:)`): `header`,
  /// then `file` for each file, then `footer` give the text `render` gives for the whole attribution.
  package struct Stream {
    let renderer: AttributionTextRenderer
    let report: RangeAttribution
    let label: String
    private let commitsByID: [ObjectID: CommitAttribution]

    /// `summary` is the attribution without its files, or with them (they are not read).
    package init(_ renderer: AttributionTextRenderer, summary: RangeAttribution, label: String) {
      self.renderer = renderer
      report = summary
      self.label = label
      commitsByID = Dictionary(summary.commits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The range and its figures.
    package func header() -> String {
      var out = ""
      let totals = report.totals
      out +=
        renderer.bold(Escape.terminal(label))
        + "  (\(report.commits.count) commit\(report.commits.count == 1 ? "" : "s"), "
      out += "merge base \(report.mergeBase.map { $0.abbreviated() } ?? "none: unrelated histories"))\n"
      out += "added lines: \(totals.total)  "
      out += renderer.paint("ai \(totals.ai) (\(renderer.percent(totals.ai, of: totals.total)))", .magenta) + "  "
      out += renderer.paint("human \(totals.human) (\(renderer.percent(totals.human, of: totals.total)))", .green)
      if totals.bot > 0 { out += "  " + renderer.paint("bot \(totals.bot)", .cyan) }
      if totals.unknown > 0 { out += "  " + renderer.paint("unknown \(totals.unknown)", .yellow) }
      out += "\n"
      return out
    }

    /// One file and its hunks.
    package func file(_ file: FileAttribution) -> String {
      var out = ""
      out += "\n" + renderer.bold(Escape.terminal(file.path))
      if let old = file.oldPath { out += " (renamed from \(Escape.terminal(old)))" }
      var tags: [String] = [file.status.rawValue]
      if file.binary { tags.append("binary") }
      if file.submodule { tags.append("submodule") }
      if file.symlink { tags.append("symlink") }
      out += "  [\(tags.joined(separator: ", "))]  \(renderer.mark(file.authorship))"
      if file.counts.total > 0 { out += "  ai \(file.counts.ai), human \(file.counts.human)" }
      if file.counts.bot > 0 { out += ", bot \(file.counts.bot)" }
      if file.counts.unknown > 0 { out += ", unknown \(file.counts.unknown)" }
      if let commit = file.commit, let record = commitsByID[commit] {
        out += "  last changed by \(commit.abbreviated()) \(renderer.who(record))"
      }
      out += "\n"
      for hunk in file.hunks {
        out +=
          "  @@ -\(hunk.oldStart),\(hunk.oldLines) +\(hunk.newStart),\(hunk.newLines) @@  \(renderer.mark(hunk.authorship))"
        if hunk.counts.total > 0 { out += " \(hunk.counts.total) line\(hunk.counts.total == 1 ? "" : "s")" }
        out += "\n"
        // Consecutive lines from the same commit and source form one row.
        var index = 0
        while index < hunk.lines.count {
          let first = hunk.lines[index]
          var end = index
          while end + 1 < hunk.lines.count, hunk.lines[end + 1].commit == first.commit,
            hunk.lines[end + 1].source == first.source, hunk.lines[end + 1].authorship == first.authorship,
            hunk.lines[end + 1].agent == first.agent
          {
            end += 1
          }
          let last = hunk.lines[end]
          let span = first.line == last.line ? "\(first.line)" : "\(first.line)-\(last.line)"
          var row =
            "    \(span.padding(toLength: 9, withPad: " ", startingAt: 0)) \(renderer.mark(AuthorshipSummary(first.authorship)))"
          if let agent = first.agent {
            row += " " + renderer.agentLabel(agent: agent, model: first.model, report: report)
          }
          if let commit = first.commit {
            row += "  \(commit.abbreviated())"
            if let record = commitsByID[commit] { row += " \(renderer.quoted(record.summary))" }
          } else {
            row += "  (from outside the range)"
          }
          if first.source == .note { row += "  [authorship note]" }
          out += row + "\n"
          index = end + 1
        }
      }
      return out
    }

    /// The agents and the limitations.
    package func footer() -> String {
      var out = ""
      if !report.agents.isEmpty {
        out += "\n" + renderer.bold("agents") + "\n"
        for tally in report.agents {
          out +=
            "  \(Escape.terminal(tally.name))\(tally.model.map { " (\(Escape.terminal($0)))" } ?? "")  \(tally.lines) line\(tally.lines == 1 ? "" : "s") in \(tally.commits) commit\(tally.commits == 1 ? "" : "s")\n"
        }
      }
      for limitation in report.limitations { out += "\nnote: \(Escape.terminal(limitation))\n" }
      return out
    }
  }

  private func who(_ record: CommitAttribution) -> String {
    switch record.authorship {
    case .ai: "(ai: \(Escape.terminal(record.agentName ?? record.agent ?? "agent")))"
    case .human: "(human: \(Escape.terminal(record.authorName)))"
    case .bot: "(bot: \(Escape.terminal(record.agentName ?? record.agent ?? record.authorName)))"
    case .unknown: "(unknown)"
    }
  }

  private func agentLabel(agent: String, model: String?, report: RangeAttribution) -> String {
    let name = report.agents.first { $0.agent == agent }?.name ?? agent
    return Escape.terminal(model.map { "\(name) · \($0)" } ?? name)
  }

  private func quoted(_ summary: String) -> String {
    let short = summary.count > 60 ? String(summary.prefix(57)) + "..." : summary
    return "\"\(Escape.terminal(short))\""
  }

  private func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "0%" }
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)%"
  }

  private func mark(_ authorship: AuthorshipSummary) -> String {
    switch authorship {
    case .ai: paint("AI", .magenta)
    case .human: paint("human", .green)
    case .mixed: paint("mixed", .cyan)
    case .unknown: paint("unknown", .yellow)
    case .bot, .none: authorship.rawValue
    }
  }

  private func paint(_ text: String, _ colour: Painter.Colour) -> String {
    Painter(enabled: self.colour).paint(text, colour)
  }

  private func bold(_ text: String) -> String { Painter(enabled: colour).bold(text) }
}
