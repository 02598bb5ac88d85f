/// A file in a commit's tree.
public struct TreeEntry: Sendable, Hashable {
  public var path: GitPath
  public var blob: ObjectID
  public var mode: FileMode

  public init(path: GitPath, blob: ObjectID, mode: FileMode) {
    self.path = path
    self.blob = blob
    self.mode = mode
  }
}
