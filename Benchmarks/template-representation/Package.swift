// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "template-representation",
  dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0")],
  targets: [.executableTarget(name: "template-representation", dependencies: [.product(name: "Mustache", package: "swift-mustache")], swiftSettings: [.swiftLanguageMode(.v5)])])
