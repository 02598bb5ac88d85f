import Foundation
import PaddockNet

/// Model review as one run asks for it: the configuration (with command-line overrides applied), the deadline,
/// and where keys come from.
public struct ModelReviewSettings: Sendable {
  public var config: ModelConfig
  /// Seconds the model review may take in this run (`model.deadline`, or `model.hook-deadline` in the hook).
  public var deadline: TimeInterval
  /// The environment API keys are read from.
  public var environment: [String: String]
  /// Tests may answer in memory; nil uses URLSession.
  public var transport: (any HTTPTransport)?

  public init(
    config: ModelConfig, deadline: TimeInterval, environment: [String: String],
    transport: (any HTTPTransport)? = nil
  ) {
    self.config = config
    self.deadline = deadline
    self.environment = environment
    self.transport = transport
  }
}
