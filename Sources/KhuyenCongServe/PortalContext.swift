import Hummingbird

/// The request context of the portal: Hummingbird's core storage and the client's address,
/// which the failed-token limit counts by (issue 10).
public struct PortalContext: RequestContext {
  /// Hummingbird's own per-request storage (logger, parameters).
  public var coreContext: CoreRequestContextStorage
  /// The peer's IP address (`127.0.0.1`), `nil` in in-process tests.
  public let peerAddress: String?

  /// Creates the context of one request from its channel.
  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    peerAddress = source.channel.remoteAddress?.ipAddress
  }

  /// Bodies are streamed by the portal itself (`FormUpload`), never collected whole.
  public var maxUploadSize: Int { 64 << 10 }
}
