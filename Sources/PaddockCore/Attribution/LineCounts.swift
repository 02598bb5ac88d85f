import PaddockChange
import PaddockGit

/// Counts of added lines by authorship.
package struct LineCounts: Sendable, Codable, Hashable {
  package var ai = 0
  package var human = 0
  package var bot = 0
  package var unknown = 0

  package init(ai: Int = 0, human: Int = 0, bot: Int = 0, unknown: Int = 0) {
    self.ai = ai
    self.human = human
    self.bot = bot
    self.unknown = unknown
  }

  package var total: Int { ai + human + bot + unknown }

  /// The count of one authorship.
  package subscript(authorship: Authorship) -> Int {
    switch authorship {
    case .ai: ai
    case .human: human
    case .bot: bot
    case .unknown: unknown
    }
  }

  package mutating func add(_ authorship: Authorship, count: Int = 1) {
    switch authorship {
    case .ai: ai += count
    case .human: human += count
    case .bot: bot += count
    case .unknown: unknown += count
    }
  }

  static func + (lhs: LineCounts, rhs: LineCounts) -> LineCounts {
    LineCounts(
      ai: lhs.ai + rhs.ai, human: lhs.human + rhs.human, bot: lhs.bot + rhs.bot, unknown: lhs.unknown + rhs.unknown)
  }

  /// `ai`, `human`, `bot` or `unknown` when all lines agree, `mixed` otherwise, `none` when empty.
  package var summary: AuthorshipSummary { AuthorshipSummary(of: Authorship.allCases.filter { self[$0] > 0 }) }

  enum CodingKeys: String, CodingKey { case ai, human, bot, unknown, total }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ai, forKey: .ai)
    try container.encode(human, forKey: .human)
    try container.encode(bot, forKey: .bot)
    try container.encode(unknown, forKey: .unknown)
    try container.encode(total, forKey: .total)
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    ai = try container.decode(Int.self, forKey: .ai)
    human = try container.decode(Int.self, forKey: .human)
    bot = try container.decodeIfPresent(Int.self, forKey: .bot) ?? 0
    unknown = try container.decode(Int.self, forKey: .unknown)
  }
}
