extension LineMap {
  /// One parent of a merge: its map of the file and the zero-context hunks from it to the merge.
  struct MergeParent {
    var map: LineMap
    var hunks: [HunkShape]
  }

  /// The map of a merge's file, following `git blame`: each parent in order
  /// takes the lines still unclaimed that it has unchanged; the merge itself
  /// keeps the rest (an evil merge or a conflict resolution).
  static func combining(
    _ parents: [MergeParent], commit: Int32, path: Int32, keepingFragments: Bool = false
  ) -> LineMap {
    struct Piece {
      var newStart: Int
      var map: LineMap
    }
    var pieces: [Piece] = []
    var unclaimed: [ClosedRange<Int>] = [1...Int.max]
    for parent in parents {
      let segments = unchangedSegments(parent.hunks)
      var stillUnclaimed: [ClosedRange<Int>] = []
      for range in unclaimed {
        var position = range.lowerBound
        for segment in segments {
          let first = max(range.lowerBound, segment.newStart)
          let last = min(range.upperBound, segment.newEnd)
          guard first <= last else { continue }
          if first > position { stillUnclaimed.append(position...(first - 1)) }
          var piece = LineMap(keepingFragments: keepingFragments)
          var reader = Reader(parent.map)
          let oldFirst = segment.oldStart + (first - segment.newStart)
          if last == Int.max {
            reader.copyRest(from: oldFirst, into: &piece)
          } else {
            reader.copy(oldFirst, oldFirst + (last - first), into: &piece)
          }
          pieces.append(Piece(newStart: first, map: piece))
          position = last == Int.max ? Int.max : last + 1
          if last == Int.max { break }
        }
        if position != Int.max, position <= range.upperBound { stillUnclaimed.append(position...range.upperBound) }
      }
      unclaimed = stillUnclaimed
    }
    for range in unclaimed where range.upperBound != Int.max {
      var piece = LineMap(keepingFragments: keepingFragments)
      piece.append(
        Run(
          commit: commit, path: path, start: Int32(clamping: range.lowerBound), length: Int32(clamping: range.count)))
      pieces.append(Piece(newStart: range.lowerBound, map: piece))
    }
    var result = LineMap(keepingFragments: keepingFragments)
    for piece in pieces.sorted(by: { $0.newStart < $1.newStart }) {
      for run in piece.map.runs { result.append(run) }
    }
    return result
  }

  /// Lines a zero-context diff leaves unchanged, as new-side ranges with their old start.
  /// The last segment runs to `Int.max`.
  private static func unchangedSegments(_ hunks: [HunkShape]) -> [(newStart: Int, newEnd: Int, oldStart: Int)] {
    var segments: [(newStart: Int, newEnd: Int, oldStart: Int)] = []
    var newLine = 1
    var oldLine = 1
    for hunk in hunks {
      // Lines before the hunk are unchanged on both sides.
      let oldKeepUntil = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1
      let count = oldKeepUntil - oldLine + 1
      if count > 0 { segments.append((newLine, newLine + count - 1, oldLine)) }
      newLine += max(0, count) + hunk.newCount
      oldLine = oldKeepUntil + 1 + hunk.oldCount
    }
    segments.append((newLine, Int.max, oldLine))
    return segments
  }
}
