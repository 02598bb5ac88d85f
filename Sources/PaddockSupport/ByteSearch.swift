extension Collection where Element == UInt8 {
  /// Whether the bytes hold `needle`, comparing ASCII letters without case when `ignoringASCIICase` (`needle` then
  /// written in lower case). A plain scan: Foundation's string search and the generic `firstRange(of:)` cost more
  /// than the rest of reading a line. Inlinable, so each caller gets it specialised for its collection: called
  /// through the generic entry point from another module, it costs more than the search.
  @inlinable
  package func contains(bytes needle: [UInt8], ignoringASCIICase: Bool = false) -> Bool {
    guard let first = needle.first else { return true }
    @inline(__always) func folded(_ byte: UInt8) -> UInt8 {
      ignoringASCIICase && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
    var start = startIndex
    while start != endIndex {
      if folded(self[start]) == first {
        var position = index(after: start)
        var matched = 1
        while matched < needle.count, position != endIndex, folded(self[position]) == needle[matched] {
          matched += 1
          position = index(after: position)
        }
        if matched == needle.count { return true }
      }
      start = index(after: start)
    }
    return false
  }
}
