/// The programme's lookup tables, built once and shared by every file validated against it:
/// districts by name, content areas and indicators by name, the commune register by name.
///
/// Building them folds every name of the programme (hundreds of communes); a run over many
/// files, or a fuzzer over millions of inputs, builds them once instead of once per file.
///
/// ```swift
/// let lookups = ProgrammeLookups(programme)
/// for path in paths {
///   var file = try FileSource(path: path)
///   _ = SubmissionValidator.validate(&file, named: path, against: programme, lookups: lookups)
/// }
/// ```
public struct ProgrammeLookups: Sendable {
  /// Districts by code, name, official name and alias.
  public let districts: DistrictMatcher
  /// Content areas and indicators by code and name.
  public let content: ContentResolver
  /// The commune register by name, with and without diacritics.
  let register: CommuneIndex

  /// The tables of `programme`.
  public init(_ programme: Programme) {
    let districts = DistrictMatcher(programme: programme)
    self.districts = districts
    self.content = ContentResolver(programme: programme)
    self.register = CommuneIndex(programme.communes)
  }
}
