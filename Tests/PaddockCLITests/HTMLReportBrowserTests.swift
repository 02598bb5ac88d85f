import Foundation
import TestSupport
import Testing

/// The HTML report in a real headless browser (Debian's `chromium`): it loads, draws its charts, fits a phone's
/// width and prints.
@Suite struct HTMLReportBrowserTests {
  static func chromium() throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser", "google-chrome"] {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    throw TestFailure("no chromium on PATH: install it with `apt-get install -y chromium` (scripts/bootstrap does)")
  }

  /// Counts pixels of a PNG screenshot: all, non-white, close to the AI colour and close to the human colour.
  static let pixelCounter = #"""
    import struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6), 'unexpected PNG format'
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * step
    previous = bytearray(stride)
    counts = [0, 0, 0, 0]
    for row in range(height):
        kind = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + best) & 255
        for x in range(0, stride, step):
            r, g, b = line[x], line[x + 1], line[x + 2]
            counts[0] += 1
            if r < 245 or g < 245 or b < 245: counts[1] += 1
            if abs(r - 124) < 24 and abs(g - 58) < 24 and abs(b - 237) < 24: counts[2] += 1
            if abs(r - 2) < 24 and abs(g - 132) < 24 and abs(b - 199) < 24: counts[3] += 1
        previous = line
    print(' '.join(map(str, counts)))
    """#

  static func screenshot(_ page: String, width: Int, in directory: String) throws -> (
    total: Int, ink: Int, ai: Int, human: Int
  ) {
    let png = directory + "/shot-\(width).png"
    let result = try ProcessRunner.run(
      try chromium(),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(directory)/profile",
        "--screenshot=\(png)", "--window-size=\(width),2400", "file://\(page)",
      ], in: directory, environment: ProcessInfo.processInfo.environment)
    #expect(result.status == 0, "\(result.err)")
    let script = directory + "/count.py"
    try Data(pixelCounter.utf8).write(to: URL(fileURLWithPath: script))
    let counted = try ProcessRunner.run(
      "/usr/bin/env", ["python3", script, png], in: directory, environment: ProcessInfo.processInfo.environment)
    #expect(counted.status == 0, "\(counted.err)")
    let numbers = counted.out.split(separator: " ").compactMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    guard numbers.count == 4 else {
      throw TestFailure("cannot count the screenshot's pixels: \(counted.out) \(counted.err)")
    }
    return (numbers[0], numbers[1], numbers[2], numbers[3])
  }

  @Test func theHTMLReportRendersItsChartsInAHeadlessBrowser() throws {
    let repository = try ReportEndToEndTests.history()
    let page = repository.siblingPath("report.html")
    let made = try repository.paddock(["report", "html", "--tags", "v*", "--output", page])
    #expect(made.status == 0, "\(made.err)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    // Self-contained: no scripts, no fetched fonts, styles or images.
    for forbidden in ["<script", "<link", "http://", "https://", "@font-face", "@import", "<img"] {
      #expect(!html.contains(forbidden), "the page contains \(forbidden)")
    }
    for chart in ["share-over-time", "share-per-release", "by-directory", "by-agent", "by-model", "fixes-per-kloc"] {
      #expect(html.contains("id=\"\(chart)\""), "no \(chart) chart")
    }
    #expect(html.contains("name=\"viewport\"") && html.contains("@media print"))

    // The browser parses the page into the same charts.
    let directory = repository.siblingPath("browser")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let dom = try ProcessRunner.run(
      try Self.chromium(),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory)/profile", "--dump-dom",
        "file://\(page)",
      ],
      in: directory, environment: ProcessInfo.processInfo.environment)
    #expect(dom.status == 0, "\(dom.err)")
    #expect(dom.out.components(separatedBy: "<svg").count - 1 == 6, "\(dom.out.prefix(400))")
    #expect(dom.out.contains("<rect class=\"bar ai\""))

    // Desktop and phone widths: the page is not blank and both authorship colours are drawn.
    for width in [1000, 390] {
      let pixels = try Self.screenshot(page, width: width, in: directory)
      #expect(pixels.total == width * 2400)
      #expect(pixels.ink * 50 > pixels.total, "width \(width): almost blank (\(pixels.ink) of \(pixels.total))")
      #expect(pixels.ai > 500 && pixels.human > 500, "width \(width): AI \(pixels.ai), human \(pixels.human) pixels")
    }

    // And it prints.
    let pdf = directory + "/report.pdf"
    let printed = try ProcessRunner.run(
      try Self.chromium(),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory)/profile", "--no-pdf-header-footer",
        "--print-to-pdf=\(pdf)", "file://\(page)",
      ], in: directory, environment: ProcessInfo.processInfo.environment)
    #expect(printed.status == 0, "\(printed.err)")
    let bytes = try #require(FileManager.default.contents(atPath: pdf))
    #expect(bytes.starts(with: Array("%PDF".utf8)) && bytes.count > 5_000)
  }
}
