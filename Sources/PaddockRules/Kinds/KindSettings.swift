/// What a repository's configuration changes in the kinds it switches on: the paths it protects and its limits on
/// AI-written lines. The core reads them from `.paddock.yml`'s `review` section, so rules need not know its shape.
package struct KindSettings: Sendable, Hashable {
  /// Globs protected besides a protected-paths rule's own: `protected-paths` and the files that configure Paddock.
  package var protectedPaths: [String]
  /// `limits`: each one set replaces a change-size rule's own.
  package var limits: ChangeSizeLimits

  package init(
    protectedPaths: [String] = [], limits: ChangeSizeLimits = ChangeSizeLimits(perCommit: nil, perChange: nil)
  ) {
    self.protectedPaths = protectedPaths
    self.limits = limits
  }
}
