extension DiagnosticCode {
  /// The plan requests more from one fund source than the programme's annual envelope for
  /// that year and fund (`programme.budget.annualEnvelopes`). A warning at plan level: the
  /// Department decides what to cut; no district's file is wrong (issue 4, "budget requested
  /// against the annual envelope"). Values: `fund`, `requested`, `envelope`, `excess`
  /// (triệu đồng), `year`, `basis`.
  public static let budgetEnvelope = Self(rawValue: "budget.envelope")
}
