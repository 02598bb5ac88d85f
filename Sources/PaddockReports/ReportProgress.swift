import Foundation
import PaddockCore
import PaddockGit
import PaddockSupport

/// The phases of a long report, for a progress bar.
package struct ReportProgress: Sendable {
  package var phase: String
  package var done: Int
  package var total: Int
}
