extension String {
  /// The string with `pad` in front up to `width` characters (hex digits to a fixed width, counts in a column).
  package func leftPadded(_ width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
