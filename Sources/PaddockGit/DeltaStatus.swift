/// How a file changed between two trees.
package enum DeltaStatus: String, Sendable, Codable {
  case added, deleted, modified, renamed, copied, typeChanged = "type-changed", unmodified
}
