import Foundation
import ZIPFoundation

/// The parts of an xlsx file, extracted one at a time under `ReadLimits`.
///
/// A zip bomb declares a small size and inflates to gigabytes, so the declared size is only
/// a first filter: bytes are counted while they are inflated, and extraction stops at the
/// limit for the entry and for the whole file (SPEC §8, "bounded decompression").
struct XLSXPackage {
  /// Why a part could not be extracted.
  enum Failure: Error, Hashable {
    /// The part is larger than `ReadLimits` allows (declared or found while inflating).
    case tooLarge(limit: Int)
    /// The part's bytes are damaged, encrypted or use a method we do not read.
    case damaged(String)
  }

  private let bytes: [UInt8]
  private let directory: ZipDirectory
  private let limits: ReadLimits
  /// Uncompressed bytes handed out so far, against `maxTotalUncompressedBytes`.
  private(set) var totalUncompressed = 0

  /// Opens the package held in `bytes`.
  init(bytes: [UInt8], limits: ReadLimits) throws(ZipDirectory.Failure) {
    self.bytes = bytes
    self.directory = try ZipDirectory(bytes: bytes)
    self.limits = limits
  }

  /// Whether the package holds a part named `name`.
  func contains(_ name: String) -> Bool { directory.entry(named: name) != nil }

  /// The bytes of part `name`, or `nil` when the package has no such part.
  mutating func part(_ name: String) throws(Failure) -> [UInt8]? {
    guard let entry = directory.entry(named: name) else { return nil }
    guard !entry.isEncrypted else { throw .damaged("encrypted") }
    let budget = min(limits.maxEntryBytes, limits.maxTotalUncompressedBytes - totalUncompressed)
    guard entry.declaredUncompressedSize <= UInt64(max(0, budget)) else {
      throw .tooLarge(limit: budget)
    }
    let output: [UInt8]
    let checksum: UInt32
    switch entry.method {
    case 0:
      guard entry.dataRange.count <= budget else { throw .tooLarge(limit: budget) }
      output = Array(bytes[entry.dataRange])
      checksum = Data(output).crc32(checksum: 0)
    case 8:
      (output, checksum) = try inflate(entry, budget: budget)
    default:
      throw .damaged("compression method \(entry.method)")
    }
    guard checksum == entry.crc32 else {
      throw .damaged("checksum mismatch")
    }
    totalUncompressed += output.count
    return output
  }

  private enum Stop: Error {
    case tooLarge
    case truncated
  }

  /// Inflates an entry's exact compressed bytes, stopping at `budget` output bytes.
  /// - Returns: the bytes and their CRC-32.
  private func inflate(_ entry: ZipDirectory.Entry, budget: Int) throws(Failure)
    -> ([UInt8], UInt32)
  {
    let compressed = entry.dataRange
    var position = compressed.lowerBound
    var exhausted = false
    var output: [UInt8] = []
    let checksum: UInt32
    let bufferSize = 1 << 16
    do {
      checksum = try Data.decompress(
        size: Int64(compressed.count), bufferSize: bufferSize, skipCRC32: false,
        provider: { _, requested in
          // Running out of input must end the loop: ZIPFoundation's Linux inflater keeps
          // asking until the stream ends, and an empty answer would make it spin.
          guard !exhausted else { throw Stop.truncated }
          let end = min(compressed.upperBound, position + max(0, requested))
          var chunk = Data(bytes[position..<end])
          position = end
          if chunk.count < requested {
            // It also tells zlib the chunk is `bufferSize` long whatever its real length:
            // pad, so zlib never reads past the buffer. Zeros are not a valid deflate block,
            // so a stream that reaches them fails instead of producing data.
            chunk.append(Data(count: requested - chunk.count))
            exhausted = true
          }
          return chunk
        },
        consumer: { data in
          guard data.count <= budget - output.count else { throw Stop.tooLarge }
          output.append(contentsOf: data)
        })
    } catch Stop.tooLarge {
      throw .tooLarge(limit: budget)
    } catch Stop.truncated {
      throw .damaged("compressed data cut short")
    } catch {
      throw .damaged("compressed data damaged")
    }
    return (output, checksum)
  }
}
