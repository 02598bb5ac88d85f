import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockSupport

/// What reports learn about commits, kept under the git directory so the next report reads it instead of git.
///
/// Two append-only files in `<git common dir>/paddock/report-cache/`, both keyed by commit id (commits never
/// change, so entries never go stale):
/// - `commits`: each commit's header (parents, author, committer, message) and its changes against each parent
///   (zero-context hunk shapes with renames detected: exactly what blame is computed from);
/// - `classes-<fingerprint>`: each commit's classification, one file per agent catalogue, so changing the AI
///   markers in `.paddock.yml` starts a new file instead of reusing stale answers.
///
/// Every record carries a checksum; a torn record ends the readable part of its file, and the file is rewritten
/// from what was read on the next save. Records are never trusted: one that git could not have produced (hunks out
/// of order or past the largest text file, binary files with lines, one diff too many or too few: `isPlausible`)
/// is a cache miss, and the file is rewritten without it. The cache is an accelerator only: delete the directory
/// at any time, or pass `--no-cache`.
package final class ReportCache {
  /// Reads and writes counted in this run, for `--cache-stats` and tests.
  package struct Statistics: Sendable, Hashable {
    package var commitsFromCache = 0
    package var commitsFromGit = 0
    package var changesFromCache = 0
    package var changesFromGit = 0
    package var classificationsFromCache = 0
    package var classificationsComputed = 0
    /// Cache files found damaged (a torn or failing record) when the cache was opened; they are rewritten.
    package var damagedFiles = 0
  }

  /// A commit as stored: its header and its changes against each parent.
  struct Entry {
    var commit: Commit
    var changes: [[FileDiff]]
  }

  /// Where the files are; nil keeps everything in memory for this run only (`--no-cache`).
  package let directory: String?
  package var statistics = Statistics()
  private let fingerprint: String
  private var commits: [ObjectID: Entry] = [:]
  private var labels: [ObjectID: CommitLabel] = [:]
  private var newCommits = ByteWriter()
  private var newLabels = ByteWriter()
  private var rewriteCommits = false
  private var rewriteLabels = false
  private var walks: [[ObjectID]: [ObjectID]] = [:]
  // 3: binary is decided by content alone (never by `.gitattributes`), so changes cached before are not reused.
  private static let magic = Array("paddock report cache 3\n".utf8)

  /// Opens (and reads) the cache in `directory`, or an empty one in memory when `directory` is nil; `fingerprint`
  /// names the agent catalogue classifications hold for.
  package init(directory: String?, fingerprint: String) {
    self.directory = directory
    self.fingerprint = fingerprint
    guard let commitsFile, let labelsFile else { return }
    rewriteCommits = !Self.read(file: commitsFile) { reader in
      guard let entry = Self.decodeEntry(&reader) else { return false }
      commits[entry.commit.id] = entry
      return true
    }
    rewriteLabels = !Self.read(file: labelsFile) { reader in
      guard let (id, label) = Self.decodeLabel(&reader) else { return false }
      labels[id] = label
      return true
    }
    statistics.damagedFiles = (rewriteCommits ? 1 : 0) + (rewriteLabels ? 1 : 0)
  }

  /// The cache of `repository` (`<git common dir>/paddock/report-cache`), or one in memory only.
  package convenience init(repository: Repository, catalogue: AgentCatalogue, persistent: Bool) {
    let directory = URL(fileURLWithPath: repository.commonDirectory).appendingPathComponent("paddock/report-cache")
    self.init(directory: persistent ? directory.path : nil, fingerprint: catalogue.fingerprint)
  }

  private var commitsFile: String? { directory.map { $0 + "/commits" } }
  private var labelsFile: String? { directory.map { $0 + "/classes-" + fingerprint } }

  func entry(_ id: ObjectID) -> Entry? { commits[id] }

  func store(_ commit: Commit, changes: [[FileDiff]]) {
    guard commits[commit.id] == nil else { return }
    commits[commit.id] = Entry(commit: commit, changes: changes)
    var payload = ByteWriter()
    Self.encode(commit, changes: changes, into: &payload)
    Self.frame(payload.bytes, into: &newCommits)
  }

  func label(_ id: ObjectID) -> CommitLabel? { labels[id] }

  /// `Repository.walk(include: [head], exclude:)`, remembered for this run: one report (`html`) walks the same
  /// history for several sections.
  func walk(_ repository: Repository, head: ObjectID, exclude: [ObjectID]) throws(GitError) -> [ObjectID] {
    let key = [head] + exclude
    if let known = walks[key] { return known }
    let ids = try repository.walk(include: [head], exclude: exclude, order: .topological)
    walks[key] = ids
    return ids
  }

  func store(_ label: CommitLabel, for id: ObjectID) {
    guard labels[id] == nil else { return }
    labels[id] = label
    var payload = ByteWriter()
    payload.raw(id.bytes)
    Self.encode(label, into: &payload)
    Self.frame(payload.bytes, into: &newLabels)
  }

  /// Writes what this run learned. Failing to write (a read-only repository) costs speed only, so the error is
  /// returned for a warning rather than thrown.
  @discardableResult
  package func save() -> String? {
    guard let directory, let commitsFile, let labelsFile else { return nil }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      if rewriteCommits {
        var all = ByteWriter()
        for entry in commits.values.sorted(by: { $0.commit.id < $1.commit.id }) {
          var payload = ByteWriter()
          Self.encode(entry.commit, changes: entry.changes, into: &payload)
          Self.frame(payload.bytes, into: &all)
        }
        try Self.replace(file: commitsFile, with: all.bytes)
      } else {
        try Self.append(newCommits.bytes, to: commitsFile)
      }
      if rewriteLabels {
        var all = ByteWriter()
        for (id, label) in labels.sorted(by: { $0.key < $1.key }) {
          var payload = ByteWriter()
          payload.raw(id.bytes)
          Self.encode(label, into: &payload)
          Self.frame(payload.bytes, into: &all)
        }
        try Self.replace(file: labelsFile, with: all.bytes)
      } else {
        try Self.append(newLabels.bytes, to: labelsFile)
      }
      newCommits = ByteWriter()
      newLabels = ByteWriter()
      rewriteCommits = false
      rewriteLabels = false
      return nil
    } catch {
      return "could not write the report cache in \(directory) (\(error.localizedDescription)); reports still work, "
        + "only without the speed-up: check the directory's permissions, or pass --no-cache"
    }
  }

  // MARK: - Files

  /// Calls `record` for each whole record of `file`; returns false when the file is damaged (bad header, torn
  /// frame, or a record `record` refuses), true when it is whole or absent. A torn frame ends the readable part.
  private static func read(file: String, _ record: (inout ByteReader) -> Bool) -> Bool {
    guard let data = FileManager.default.contents(atPath: file) else { return true }
    let bytes = [UInt8](data)
    guard bytes.starts(with: magic) else { return false }
    var reader = ByteReader(bytes, from: magic.count)
    var whole = true
    while !reader.isAtEnd {
      guard let length = reader.count(), let payload = reader.raw(length), let checksum = reader.u32(),
        checksum == fnv1a32(payload)
      else { return false }
      // The frame is whole, so a record that does not decode or is not one git could have produced is skipped:
      // a cache miss for its commit, and the file is rewritten without it.
      var inner = ByteReader(bytes, from: payload.startIndex, to: payload.endIndex)
      if !record(&inner) || !inner.isAtEnd { whole = false }
    }
    return whole
  }

  private static func frame(_ payload: [UInt8], into writer: inout ByteWriter) {
    writer.count(payload.count)
    writer.raw(payload)
    writer.u32(fnv1a32(payload))
  }

  /// Appends with `O_APPEND`, so two reports saving at once add whole runs of records one after the other
  /// instead of writing over each other (and the checksums catch anything torn).
  ///
  /// Ctrl-C waits until the records are written (`Interruption`), and a write that fails part-way (a full disk)
  /// is cut back off, so the file never ends in half a record.
  private static func append(_ bytes: [UInt8], to file: String) throws {
    guard !bytes.isEmpty else { return }
    if !FileManager.default.fileExists(atPath: file) {
      try replace(file: file, with: bytes)
      return
    }
    try Interruption.deferring { () throws in
      let descriptor = open(file, O_WRONLY | O_APPEND | O_CLOEXEC)
      guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file]) }
      defer { close(descriptor) }
      var status = stat()
      let start = fstat(descriptor, &status) == 0 ? status.st_size : -1
      var written = 0
      while written < bytes.count {
        let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if result < 0, errno == EINTR { continue }
        guard result > 0 else {
          if start >= 0 { _ = ftruncate(descriptor, start) }
          throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: file])
        }
        written += result
      }
    }
  }

  /// Writes `magic + bytes` to a temporary file and renames it over `file`, so readers never see half a file;
  /// Ctrl-C waits until the rename is done, so no temporary file is left either.
  private static func replace(file: String, with bytes: [UInt8]) throws {
    let temporary = file + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    try Interruption.deferring { () throws in
      do {
        try Data(magic + bytes).write(to: URL(fileURLWithPath: temporary))
      } catch {
        try? FileManager.default.removeItem(atPath: temporary)
        throw error
      }
      if rename(temporary, file) != 0 {
        try? FileManager.default.removeItem(atPath: temporary)
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
      }
    }
  }

  // MARK: - Records

  private static let statuses: [DeltaStatus] = [
    .added, .deleted, .modified, .renamed, .copied, .typeChanged, .unmodified,
  ]
  private static let modes: [FileMode] = [.absent, .regular, .executable, .symlink, .submodule, .tree, .unknown]

  private static func encode(_ signature: Signature, into writer: inout ByteWriter) {
    writer.string(signature.name)
    writer.string(signature.email)
    writer.i64(signature.time)
    writer.i64(Int64(signature.offsetMinutes))
  }

  private static func decodeSignature(_ reader: inout ByteReader) -> Signature? {
    guard let name = reader.string(), let email = reader.string(), let time = reader.i64(),
      let offset = reader.i64()
    else { return nil }
    return Signature(name: name, email: email, time: time, offsetMinutes: Int32(clamping: offset))
  }

  private static func decodeID(_ reader: inout ByteReader) -> ObjectID? {
    reader.raw(20).flatMap { ObjectID(bytes: $0) }
  }

  private static func encode(_ commit: Commit, changes: [[FileDiff]], into writer: inout ByteWriter) {
    writer.raw(commit.id.bytes)
    writer.count(commit.parents.count)
    for parent in commit.parents { writer.raw(parent.bytes) }
    writer.raw(commit.tree.bytes)
    encode(commit.author, into: &writer)
    encode(commit.committer, into: &writer)
    writer.string(commit.message)
    writer.count(changes.count)
    for diff in changes {
      writer.count(diff.count)
      for file in diff {
        writer.u8(UInt8(statuses.firstIndex(of: file.status) ?? 2))
        writer.u8(UInt8(modes.firstIndex(of: file.oldMode) ?? 6))
        writer.u8(UInt8(modes.firstIndex(of: file.newMode) ?? 6))
        writer.u8((file.isBinary ? 1 : 0) | (file.oldPath != nil ? 2 : 0) | (file.newPath != nil ? 4 : 0))
        writer.u8(UInt8(clamping: file.similarity))
        if let path = file.oldPath { writer.data(path.bytes) }
        if let path = file.newPath { writer.data(path.bytes) }
        writer.raw(file.oldBlob.bytes)
        writer.raw(file.newBlob.bytes)
        writer.count(file.hunks.count)
        for hunk in file.hunks {
          writer.count(hunk.oldStart)
          writer.count(hunk.oldCount)
          writer.count(hunk.newStart)
          writer.count(hunk.newCount)
        }
      }
    }
  }

  private static func decodeEntry(_ reader: inout ByteReader) -> Entry? {
    guard let id = decodeID(&reader), let parentCount = reader.count(), parentCount < 1 << 16 else { return nil }
    var parents: [ObjectID] = []
    for _ in 0..<parentCount {
      guard let parent = decodeID(&reader) else { return nil }
      parents.append(parent)
    }
    guard let tree = decodeID(&reader), let author = decodeSignature(&reader),
      let committer = decodeSignature(&reader), let message = reader.string()
    else { return nil }
    let commit = Commit(
      id: id, parents: parents, author: author, committer: committer, message: message,
      trailers: Trailer.parse(message), tree: tree)
    guard let diffCount = reader.count(), diffCount == max(1, parentCount) else { return nil }
    var changes: [[FileDiff]] = []
    for _ in 0..<diffCount {
      guard let fileCount = reader.count() else { return nil }
      var files: [FileDiff] = []
      files.reserveCapacity(min(fileCount, 4096))
      for _ in 0..<fileCount {
        guard let status = reader.u8(), Int(status) < statuses.count, let oldMode = reader.u8(),
          Int(oldMode) < modes.count, let newMode = reader.u8(), Int(newMode) < modes.count,
          let flags = reader.u8(), let similarity = reader.u8()
        else { return nil }
        var oldPath: GitPath?
        var newPath: GitPath?
        if flags & 2 != 0 {
          guard let bytes = reader.data() else { return nil }
          oldPath = GitPath(bytes: bytes)
        }
        if flags & 4 != 0 {
          guard let bytes = reader.data() else { return nil }
          newPath = GitPath(bytes: bytes)
        }
        guard let oldBlob = decodeID(&reader), let newBlob = decodeID(&reader), let hunkCount = reader.count()
        else { return nil }
        var hunks: [DiffHunk] = []
        hunks.reserveCapacity(min(hunkCount, 4096))
        for _ in 0..<hunkCount {
          guard let oldStart = reader.count(), let oldCount = reader.count(), let newStart = reader.count(),
            let newCount = reader.count()
          else { return nil }
          hunks.append(DiffHunk(oldStart: oldStart, oldCount: oldCount, newStart: newStart, newCount: newCount))
        }
        files.append(
          FileDiff(
            status: statuses[Int(status)], oldPath: oldPath, newPath: newPath, oldMode: modes[Int(oldMode)],
            newMode: modes[Int(newMode)], oldBlob: oldBlob, newBlob: newBlob, isBinary: flags & 1 != 0,
            similarity: Int(similarity), hunks: hunks))
      }
      changes.append(files)
    }
    let entry = Entry(commit: commit, changes: changes)
    return entry.isPlausible ? entry : nil
  }

  private static func encode(_ label: CommitLabel, into writer: inout ByteWriter) {
    writer.u8(UInt8(Authorship.allCases.firstIndex(of: label.authorship) ?? 2))
    writer.optionalString(label.agent)
    writer.optionalString(label.agentName)
    writer.optionalString(label.model)
    writer.u8(label.reviewed ? 1 : 0)
  }

  private static func decodeLabel(_ reader: inout ByteReader) -> (ObjectID, CommitLabel)? {
    guard let id = decodeID(&reader), let authorship = reader.u8(), Int(authorship) < Authorship.allCases.count,
      let agent = reader.optionalString(), let agentName = reader.optionalString(), let model = reader.optionalString(),
      let reviewed = reader.u8()
    else { return nil }
    return (
      id,
      CommitLabel(
        authorship: Authorship.allCases[Int(authorship)], agent: agent, agentName: agentName, model: model,
        reviewed: reviewed == 1)
    )
  }
}

extension ReportCache.Entry {
  /// Whether git could have produced these changes for this commit: one diff per parent (one for a root), paths as
  /// the status says, no lines in a binary file, a submodule or a folder, and each file's zero-context hunks in
  /// order, non-empty, within the largest text file, with as many unchanged lines before each on both sides.
  /// Everything that replays the changes (`LineMap`) may rely on this.
  var isPlausible: Bool {
    guard changes.count == max(1, commit.parents.count) else { return false }
    return changes.allSatisfy { $0.allSatisfy(\.isPlausible) }
  }
}

extension FileDiff {
  /// The most lines a file diffed as text can have: one per byte of the largest text blob.
  static let mostLines = Repository.largestTextBlob

  /// See `ReportCache.Entry.isPlausible`.
  var isPlausible: Bool {
    guard (oldPath == nil) == (status == .added), (newPath == nil) == (status == .deleted), similarity <= 100
    else { return false }
    if isBinary || isSubmodule || oldMode == .tree || newMode == .tree { return hunks.isEmpty }
    // The first line after the last hunk, on each side.
    var oldNext = 1
    var newNext = 1
    for hunk in hunks {
      let values = [hunk.oldStart, hunk.oldCount, hunk.newStart, hunk.newCount]
      guard values.allSatisfy({ (0...Self.mostLines).contains($0) }), hunk.oldCount + hunk.newCount > 0,
        hunk.oldCount == 0 || hunk.oldStart >= 1, hunk.newCount == 0 || hunk.newStart >= 1,
        status != .added || hunk.oldCount == 0, status != .deleted || hunk.newCount == 0
      else { return false }
      // A side with no lines names the line after which the change goes.
      let oldBefore = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1
      let newBefore = hunk.newCount == 0 ? hunk.newStart : hunk.newStart - 1
      guard oldBefore >= oldNext - 1, oldBefore - oldNext == newBefore - newNext else { return false }
      oldNext = oldBefore + hunk.oldCount + 1
      newNext = newBefore + hunk.newCount + 1
      guard oldNext - 1 <= Self.mostLines, newNext - 1 <= Self.mostLines else { return false }
    }
    return true
  }
}

extension AgentCatalogue {
  /// A stable digest of everything classification depends on, naming the classification cache.
  package var fingerprint: String {
    var text = "classifier 2\n"
    for agent in agents {
      text += "agent \(agent.id)\t\(agent.name)\t\(agent.aliases.joined(separator: ","))\n"
      for marker in agent.markers {
        text +=
          "marker \(marker.id)\t\(marker.kind.rawValue)\t\(marker.keys.joined(separator: ","))\t\(marker.pattern)\n"
      }
    }
    for alias in aliases { text += "alias \(alias.identity)\t\(alias.agent)\t\(alias.model ?? "")\n" }
    text += "disabled \(disabled.sorted().joined(separator: ","))\n"
    text += "review \(reviewTrailers.joined(separator: ","))\(independentReview ? " independent" : "")\n"
    return String(SHA256.hex(Array(text.utf8)).prefix(16))
  }
}
