/// A whole file in an example.
package struct ExampleFile: Sendable, Hashable {
  package var path: String
  package var lines: [String]

  package init(path: String, lines: [String]) {
    self.path = path
    self.lines = lines
  }
}
