extension ReviewChange {
  /// Splits bytes into lines (without `\n` or `\r\n`), decoding leniently; nil for binary content.
  package static func textLines(_ bytes: [UInt8]) -> [String]? {
    // git's own test: a NUL in the first 8000 bytes means binary.
    if bytes.prefix(8000).contains(0) { return nil }
    var lines: [String] = []
    var start = 0
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count where buffer[index] == 0x0A {
        var end = index
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
        start = index + 1
      }
      if start < buffer.count {
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count]), as: UTF8.self))
      }
    }
    return lines
  }
}
