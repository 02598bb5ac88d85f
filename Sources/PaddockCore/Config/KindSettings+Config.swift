import PaddockRules

extension KindSettings {
  /// The settings of `review`: its protected paths plus the files that configure Paddock (its rule packs and
  /// baseline), and its limits.
  init(_ review: ReviewConfig) {
    self.init(
      protectedPaths: review.protectedPaths + RuleCatalog.configurationGlobs(review), limits: review.limits)
  }
}
