/// A kind's check compiled for one rule, as the engine runs it.
package struct RuleCheck: Sendable {
  let base: any KindCheck

  init(_ base: any KindCheck) { self.base = base }
}
