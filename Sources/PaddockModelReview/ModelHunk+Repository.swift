import PaddockChange
import PaddockCore
import PaddockGit

extension ModelHunk {
  /// The hunks of an attributed range with `context` lines, reading each changed file's old text (for removed
  /// lines) from the repository; files too large or binary show no removed lines.
  package static func hunks(
    of attribution: RangeAttribution, change: ReviewChange, context: Int, repository: Repository
  ) -> [ModelHunk] {
    hunks(of: attribution, change: change, context: context) { file in
      guard let blob = file.oldBlob, let bytes = try? repository.blob(blob), bytes.count <= ReviewChange.contentLimit
      else { return nil }
      return ReviewChange.textLines(bytes)
    }
  }
}
