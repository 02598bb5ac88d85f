import Foundation
import PaddockCore
import PaddockGit
import PaddockSupport

/// One Agent Trace record (v0.1.0): which lines of which files an AI or a person wrote, at a revision.
/// The reference store is `.agent-trace/traces.jsonl`, one record per line.
package struct AgentTraceRecord: Sendable, Codable, Hashable {
  package static let version = "0.1.0"

  package var version: String
  package var id: String
  package var timestamp: String
  package var files: [File]
  package var vcs: VCS?
  package var tool: Tool?

  package struct File: Sendable, Codable, Hashable {
    package var path: String
    package var conversations: [Conversation]
  }

  package struct Conversation: Sendable, Codable, Hashable {
    package var contributor: Contributor
    package var ranges: [LineRange]
  }

  package struct Contributor: Sendable, Codable, Hashable {
    /// `human`, `ai`, `mixed` or `unknown`.
    package var type: String
    package var modelID: String?

    enum CodingKeys: String, CodingKey {
      case type
      case modelID = "model_id"
    }
  }

  package struct LineRange: Sendable, Codable, Hashable {
    package var startLine: Int
    package var endLine: Int
    package var contentHash: String?

    enum CodingKeys: String, CodingKey {
      case startLine = "start_line"
      case endLine = "end_line"
      case contentHash = "content_hash"
    }
  }

  package struct VCS: Sendable, Codable, Hashable {
    package var type: String
    package var revision: String
  }

  package struct Tool: Sendable, Codable, Hashable {
    package var name: String
    package var version: String?
  }
}

/// Agent Trace records as line-level evidence, by revision, path and line.
///
/// A record counts for the lines of its `vcs.revision` (a full commit id). `ai` and `mixed` contributors mark
/// lines as an AI's (the tool name, else the model id's vendor, names the agent); `human` marks them a person's;
/// `unknown` says nothing. Records without a git revision cannot be placed and are counted in `unplaced`.
package struct AgentTraceIndex: Sendable {
  private var ranges: [ObjectID: [String: [(first: Int, last: Int, author: AuthorshipNote.Author)]]] = [:]
  /// Records without a full git commit id in `vcs.revision`: they cannot be placed.
  package private(set) var unplaced = 0
  /// Lines of the input that are not records, with their line numbers, for a warning.
  package private(set) var malformed: [Int] = []

  package init() {}

  /// Reads JSON Lines text; lines that are not records are listed in `malformed`, never fatal.
  package init(jsonl text: String) {
    let decoder = JSONDecoder()
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { continue }
      guard let record = try? decoder.decode(AgentTraceRecord.self, from: Data(trimmed.utf8)) else {
        malformed.append(number + 1)
        continue
      }
      add(record)
    }
  }

  package mutating func add(_ record: AgentTraceRecord) {
    guard let vcs = record.vcs, vcs.type == "git", let revision = ObjectID(hex: vcs.revision.lowercased()) else {
      unplaced += 1
      return
    }
    for file in record.files {
      for conversation in file.conversations {
        let author: AuthorshipNote.Author
        switch conversation.contributor.type {
        case "ai", "mixed":
          author = .agent(
            tool: record.tool?.name ?? Self.vendor(of: conversation.contributor.modelID) ?? "",
            model: conversation.contributor.modelID.map(Self.modelName))
        case "human": author = .human(nil)
        default: continue
        }
        for range in conversation.ranges where range.startLine >= 1 && range.endLine >= range.startLine {
          ranges[revision, default: [:]][file.path, default: []].append((range.startLine, range.endLine, author))
        }
      }
    }
  }

  /// Adds another index's records after this one's (so they win where both speak about a line).
  package mutating func merge(_ other: AgentTraceIndex) {
    for (revision, files) in other.ranges {
      for (path, list) in files { ranges[revision, default: [:]][path, default: []] += list }
    }
    unplaced += other.unplaced
  }

  func has(_ revision: ObjectID) -> Bool { ranges[revision] != nil }

  /// The last record's word on a line (later records win, as later notes do).
  func author(revision: ObjectID, path: String, line: Int) -> AuthorshipNote.Author? {
    ranges[revision]?[path]?.last { $0.first <= line && line <= $0.last }?.author
  }

  /// `anthropic/claude-opus-4-5` → `claude-opus-4-5`.
  static func modelName(_ id: String) -> String { String(id.split(separator: "/").last ?? Substring(id)) }

  /// The vendor of a model id, as a tool name an agent catalogue knows: `anthropic/…` → `claude`.
  static func vendor(of modelID: String?) -> String? {
    guard let modelID, let vendor = modelID.split(separator: "/").first, modelID.contains("/") else { return nil }
    switch vendor.lowercased() {
    case "anthropic": return "claude"
    case "openai": return "codex"
    case "google": return "gemini"
    default: return String(vendor)
    }
  }
}

extension AgentTraceRecord {
  /// The record of one revision's attributed lines: `runs` (in path and line order) grouped by file and by
  /// contributor. The id is derived from the revision and the content, so the same input gives the same record.
  package init(revision: ObjectID, time: Int64, runs: [SurvivingRun], toolVersion: String) {
    var files: [File] = []
    for run in runs {
      let contributor = Contributor(
        type: run.authorship == .ai ? "ai" : run.authorship == .human ? "human" : "unknown",
        modelID: run.authorship == .ai ? run.model : nil)
      let range = LineRange(startLine: run.line, endLine: run.line + run.count - 1, contentHash: nil)
      if files.last?.path != run.path { files.append(File(path: run.path, conversations: [])) }
      let last = files.count - 1
      if let position = files[last].conversations.firstIndex(where: { $0.contributor == contributor }) {
        var ranges = files[last].conversations[position].ranges
        if let previous = ranges.last, previous.endLine + 1 == range.startLine {
          ranges[ranges.count - 1].endLine = range.endLine
        } else {
          ranges.append(range)
        }
        files[last].conversations[position].ranges = ranges
      } else {
        files[last].conversations.append(Conversation(contributor: contributor, ranges: [range]))
      }
    }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    var digest = revision.hex
    for file in files {
      digest += "\n" + file.path
      for conversation in file.conversations {
        digest += "|\(conversation.contributor.type) \(conversation.contributor.modelID ?? "")"
        for range in conversation.ranges { digest += " \(range.startLine)-\(range.endLine)" }
      }
    }
    self.init(
      version: Self.version, id: Self.uuid(fromDigestOf: digest),
      timestamp: formatter.string(from: Date(timeIntervalSince1970: Double(time))), files: files,
      vcs: VCS(type: "git", revision: revision.hex), tool: Tool(name: "paddock", version: toolVersion))
  }

  /// A version-5-style UUID from a SHA-256 digest (deterministic, unlike a random one).
  static func uuid(fromDigestOf text: String) -> String {
    var hex = Array(SHA256.hex(text).prefix(32))
    hex[12] = "5"
    let variant = Int(String(hex[16]), radix: 16) ?? 0
    hex[16] = Character(String((variant & 0x3) | 0x8, radix: 16))
    let text = String(hex)
    func part(_ from: Int, _ to: Int) -> Substring {
      text[text.index(text.startIndex, offsetBy: from)..<text.index(text.startIndex, offsetBy: to)]
    }
    return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
  }
}
