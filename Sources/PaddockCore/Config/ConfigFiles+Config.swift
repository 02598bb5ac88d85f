import PaddockChange

extension ConfigFiles {
  /// `.paddock.yml` from this source; a missing file gives the defaults.
  package func config() throws -> PaddockConfig {
    guard let text = try text(PaddockConfig.fileName) else { return PaddockConfig() }
    return try PaddockConfig.parse(text, file: name(PaddockConfig.fileName))
  }
}
