/// A file in a commit's tree.
package struct TreeEntry: Sendable, Hashable {
  package var path: GitPath
  package var blob: ObjectID
  package var mode: FileMode

  package init(path: GitPath, blob: ObjectID, mode: FileMode) {
    self.path = path
    self.blob = blob
    self.mode = mode
  }
}
