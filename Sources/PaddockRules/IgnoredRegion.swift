/// Parts of a line a pattern rule does not look into.
package enum IgnoredRegion: String, Sendable, Codable, Hashable, CaseIterable {
  case comments
  case strings
}
