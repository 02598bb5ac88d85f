/// Every kind a rule pack may name, in the order `paddock rules explain` and error messages list them. A new kind is
/// one type in `Rules/Kinds/` and one line here.
package enum RuleKinds {
  package static let all: [any RuleKind.Type] = [
    PatternKind.self, SecretKind.self, MultiLineKind.self, NewDependencyKind.self, MissingTestsKind.self,
    ProtectedPathsKind.self, ChangeSizeKind.self, DuplicateCodeKind.self, AISignoffKind.self,
  ]

  /// The YAML names of every kind.
  package static var names: [String] { all.map { $0.name } }

  /// The kind named `name` in YAML.
  static func named(_ name: String) -> (any RuleKind.Type)? { all.first { $0.name == name } }
}
