// swift-tools-version: 6.2
import PackageDescription

// Dependencies are pinned `exact:` because only the versions present on the build machines
// resolve (see README, "Building").
let package = Package(
  name: "khuyencong",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "khuyencong", targets: ["khuyencong"]),
    .library(name: "KhuyenCong", targets: ["KhuyenCong"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    // Paths and file descriptors as types (FilePath, FileDescriptor): the store's paths are
    // confined to the store by one function, files opened without following links (issue 9).
    .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
    // The district portal (`khuyencong serve`, issue 10). Default traits off: the portal reads
    // no swift-configuration provider, which would only add build time.
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    // Streaming multipart/form-data parser: an upload goes to a private temp file chunk by
    // chunk, never whole in memory (SPEC §8, streaming).
    .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
  ],
  targets: [
    // libxml2 from the system (Debian: libxml2-dev), SPEC §3: XML goes through libxml2.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // zlib from the system (Debian: zlib1g-dev): xlsx parts are inflated incrementally, straight
    // into the XML reader, so a worksheet is never held whole (SPEC §8, streaming). This
    // replaced ZIPFoundation, whose Archive traps on a directory entry pointing past the end of
    // the file and loops on an endless deflate stream, and which inflates whole entries.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // The only module that sees libxml2's C API. It imports no Foundation: a module that
    // imports both Foundation and libxml2's headers fails its first clean build on this
    // toolchain ("'UErrorCode' has different definitions"), see NOTES-toolchain.
    .target(name: "KhuyenCongXML", dependencies: ["CLibXML2"]),
    // The pipeline: read -> map -> validate -> merge -> write. Pure: bytes in, values out.
    .target(
      name: "KhuyenCong",
      dependencies: [
        "KhuyenCongXML",
        "CZlib",
      ]
    ),
    // Effects: files, atomic writes, clock, environment, the store and its SQLite ledger
    // (GRDB over the system libsqlite3, Debian: libsqlite3-dev), SPEC §7.
    .target(
      name: "KhuyenCongIntake",
      dependencies: [
        "KhuyenCong", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    // The district portal: self-check, blank form, submit into the inbox, status (issue 10).
    // Reads the store, writes only the inbox; the cron job stays the store's only writer.
    .target(
      name: "KhuyenCongServe",
      dependencies: [
        "KhuyenCong", "KhuyenCongIntake",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "MultipartKit", package: "multipart-kit"),
      ]
    ),
    .executableTarget(
      name: "khuyencong",
      dependencies: [
        "KhuyenCong", "KhuyenCongIntake", "KhuyenCongServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "KhuyenCongTests",
      dependencies: ["KhuyenCong", "KhuyenCongXML"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "KhuyenCongIntakeTests", dependencies: ["KhuyenCongIntake"]),
    .testTarget(name: "CLITests", dependencies: ["khuyencong"]),
    .testTarget(
      name: "KhuyenCongServeTests",
      dependencies: [
        "KhuyenCongServe", "KhuyenCongIntake",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
  ]
)
