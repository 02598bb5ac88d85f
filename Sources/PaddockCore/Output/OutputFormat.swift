/// The output formats of `paddock attribute` and `paddock blame`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case json
}
