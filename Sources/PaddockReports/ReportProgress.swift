import Foundation
import PaddockCore
import PaddockGit
import PaddockSupport

/// The phases of a long report, for a progress bar.
public struct ReportProgress: Sendable {
  public var phase: String
  public var done: Int
  public var total: Int
}
