import Foundation

package enum TrendPeriod: String, Sendable, Encodable, Hashable, CaseIterable {
  case week, month

  /// The period a time falls in: `2025-03` for a month, the Monday `2025-03-10` for an ISO week.
  package func key(for time: Int64) -> String {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let date = Date(timeIntervalSince1970: Double(time))
    switch self {
    case .month:
      let parts = calendar.dateComponents([.year, .month], from: date)
      return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    case .week:
      let start = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
      let parts = calendar.dateComponents([.year, .month, .day], from: start)
      return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
  }
}
