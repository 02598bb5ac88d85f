/// How far attribution follows lines that moved or were copied, exactly as `git blame -M`/`-C` do.
///
/// With detection off, a line is credited to the commit that last changed it in its file (plain `git blame`). With
/// it on, the lines a commit adds are first looked for in its parents' files, and lines found there (a block of at
/// least the threshold's count of alphanumeric characters) keep the origin they had there:
///
/// - `moves` (`git blame -M<move>`): in the parents' version of the same file (lines moved or copied within it);
/// - `same-commit` (`git blame -C<copy>`, which implies `-M<move>`): also in the other files that the commit changed
///   or deleted, as the parent has them;
/// - `creating-commit` (`git blame -C<copy> -C`): also, in a commit that creates the file (or renames it), in every
///   file of the parent;
/// - `any-commit` (`git blame -C<copy> -C -C`): in every file of the parent, in any commit.
package struct CopyDetection: Sendable, Hashable {
  /// Which parents' files the lines a commit adds are looked for in.
  package enum Mode: String, Sendable, Hashable, CaseIterable, Comparable {
    case off
    case moves
    case sameCommit = "same-commit"
    case creatingCommit = "creating-commit"
    case anyCommit = "any-commit"

    private var rank: Int {
      switch self {
      case .off: 0
      case .moves: 1
      case .sameCommit: 2
      case .creatingCommit: 3
      case .anyCommit: 4
      }
    }

    package static func < (lhs: Mode, rhs: Mode) -> Bool { lhs.rank < rhs.rank }
  }

  /// git's defaults for `-M` and `-C`.
  package static let defaultMoveThreshold = 20
  package static let defaultCopyThreshold = 40

  package var mode: Mode
  /// Alphanumeric characters a block moved within a file must have (git's `-M<num>`).
  package var moveThreshold: Int
  /// Alphanumeric characters a block copied from another file must have (git's `-C<num>`).
  package var copyThreshold: Int

  package init(
    mode: Mode, moveThreshold: Int = CopyDetection.defaultMoveThreshold,
    copyThreshold: Int = CopyDetection.defaultCopyThreshold
  ) {
    self.mode = mode
    self.moveThreshold = moveThreshold
    self.copyThreshold = copyThreshold
  }

  /// Plain blame: lines are followed only within their file.
  package static let off = CopyDetection(mode: .off)

  package var isOn: Bool { mode != .off }

  /// The `git blame` options that give the same answer, such as `-M20 -C40 -C`; empty when off.
  package var gitOptions: String {
    switch mode {
    case .off: ""
    case .moves: "-M\(moveThreshold)"
    case .sameCommit: "-M\(moveThreshold) -C\(copyThreshold)"
    case .creatingCommit: "-M\(moveThreshold) -C\(copyThreshold) -C"
    case .anyCommit: "-M\(moveThreshold) -C\(copyThreshold) -C -C"
    }
  }

  enum CodingKeys: String, CodingKey {
    case mode
    case moveThreshold = "move_threshold"
    case copyThreshold = "copy_threshold"
    case gitOptions = "git_blame_options"
  }

  /// Why a threshold cannot be used, or nil. git reads 0 as "the default", so Paddock asks for the number itself.
  package static func problem(threshold: Int, option: String) -> String? {
    guard threshold < 1 || threshold > 1_000_000 else { return nil }
    return "\(option) must be a whole number from 1 to 1000000 (git's -M/-C default is 20 for moves, 40 for copies)"
  }
}

extension CopyDetection: Encodable {
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(mode.rawValue, forKey: .mode)
    try container.encode(moveThreshold, forKey: .moveThreshold)
    if mode >= .sameCommit { try container.encode(copyThreshold, forKey: .copyThreshold) }
    try container.encode(gitOptions, forKey: .gitOptions)
  }
}
