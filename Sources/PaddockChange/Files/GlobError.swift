/// A glob that cannot be compiled.
package struct GlobError: Error, Sendable, Hashable {
  package var pattern: String
  package var problem: String
}
