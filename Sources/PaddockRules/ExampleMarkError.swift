/// A mark that cannot be read.
package struct ExampleMarkError: Error, Sendable {
  package var problem: String
}
