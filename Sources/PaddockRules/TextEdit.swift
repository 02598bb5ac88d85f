/// Bytes replaced in a line: `remove` bytes at `offset` give way to `insert`, which may hold line breaks.
struct TextEdit: Sendable, Hashable {
  var offset: Int
  var remove = 0
  var insert: String
}
