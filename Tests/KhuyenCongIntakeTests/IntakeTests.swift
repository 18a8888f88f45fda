import Foundation
import KhuyenCong
import Testing
@testable import KhuyenCongIntake

@Suite("intake run")
struct IntakeTests {
  static let someSamples = [
    "2016-074-ham-yen-flat.xlsx", "2017-072-na-hang-flat.csv", "2017-074-ham-yen-form-v1.csv",
    "rejected-deadline_late-2017-076-son-duong.xlsx", "rejected-file_unreadable-2017-072-na-hang.csv",
  ]

  func workspace(with samples: [String] = someSamples) throws -> Workspace {
    let workspace = try Workspace()
    for sample in samples { try workspace.addSample(sample) }
    return workspace
  }

  @Test("the first run files every sample under accepted/ or rejected/ with its reports")
  func firstRun() throws {
    let workspace = try workspace()
    defer { workspace.remove() }
    let summary = try workspace.run()
    #expect(summary.filed.count == 5)
    #expect(summary.hasRejected)
    let stored = Dictionary(
      uniqueKeysWithValues: summary.filed.map { ($0.entry.originalName, $0.entry.storedPath) })
    #expect(stored["2017-072-na-hang-flat.csv"]?.hasPrefix("accepted/2017/072/") == true)
    #expect(stored["2016-074-ham-yen-flat.xlsx"]?.hasPrefix("accepted/2016/074/") == true)
    #expect(stored["rejected-deadline_late-2017-076-son-duong.xlsx"]?.hasPrefix("rejected/2017/076/") == true)
    #expect(
      stored["rejected-file_unreadable-2017-072-na-hang.csv"]?.hasPrefix("rejected/unknown/unknown/") == true)
    // The stored copy is the inbox file byte for byte, with its reports beside it.
    let path = try #require(stored["rejected-deadline_late-2017-076-son-duong.xlsx"])
    let copy = try Data(contentsOf: workspace.store.appendingPathComponent(path))
    let original = try Data(
      contentsOf: workspace.inbox.appendingPathComponent("rejected-deadline_late-2017-076-son-duong.xlsx"))
    #expect(copy == original)
    let report = try String(
      contentsOf: workspace.store.appendingPathComponent(path + ".report.txt"), encoding: .utf8)
    // A note to the district (issue 8): whom it is for, the problems at their cells, what to do.
    #expect(report.hasPrefix("Kính gửi: Ủy ban nhân dân huyện Sơn Dương\n"))
    #expect(
      report.contains("BỊ TỪ CHỐI") && report.contains("KH2017!J3  Kế hoạch năm 2017 lập ngày 02/11/2016"))
    #expect(report.contains("Đề nghị UBND huyện Sơn Dương chỉnh sửa"))
    #expect(
      FileManager.default.fileExists(
        atPath: workspace.store.appendingPathComponent(path + ".report.json").path))
    // And the plans of both years are written.
    #expect(summary.plansWritten.map(\.rawValue) == [2016, 2017])
    for ext in ["xml", "csv", "json", "html"] {
      #expect(
        FileManager.default.fileExists(
          atPath: workspace.store.appendingPathComponent("plans/2017/plan-2017.\(ext)").path))
    }
    #expect(try workspace.ledger().entries().count == 5)
  }

  @Test("a second run with nothing new changes nothing in the store")
  func secondRunChangesNothing() throws {
    let workspace = try workspace()
    defer { workspace.remove() }
    try workspace.run()
    let before = try workspace.listing(workspace.store)
    let summary = try workspace.run(clock: FixedClock(Date(timeIntervalSince1970: 1_477_800_000)))
    #expect(summary.isNothingNew)
    #expect(summary.alreadyKnown == 5)
    #expect(try workspace.listing(workspace.store) == before)
  }

  @Test("the inbox is left as it was found")
  func inboxUntouched() throws {
    let workspace = try workspace()
    defer { workspace.remove() }
    let before = try workspace.listing(workspace.inbox)
    try workspace.run()
    try workspace.run()
    #expect(try workspace.listing(workspace.inbox) == before)
  }

  @Test("a renamed copy of a filed file is not new")
  func renamedCopyIsNotNew() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    try workspace.run()
    try workspace.addSample("2017-072-na-hang-flat.csv", as: "ke-hoach-na-hang (copy).csv")
    let summary = try workspace.run()
    #expect(summary.filed.isEmpty)
    #expect(summary.alreadyKnown == 2)
    #expect(try workspace.ledger().entries().count == 1)
  }

  @Test("an edited file under the same name is a new version and supersedes the first")
  func editedFileSupersedes() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    try workspace.run()
    // Na Hang sends the same file again, one activity renamed, same date.
    let file = workspace.inbox.appendingPathComponent("2017-072-na-hang-flat.csv")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(
      of: "Đào tạo nghề chế biến chè Shan tuyết,", with: "Đào tạo nghề chế biến chè Shan tuyết (bổ sung),"
    )
    .write(to: file, atomically: true, encoding: .utf8)
    let summary = try workspace.run(clock: FixedClock(Date(timeIntervalSince1970: 1_477_800_000)))
    #expect(summary.filed.map(\.entry.originalName) == ["2017-072-na-hang-flat.csv"])
    #expect(summary.plansWritten.map(\.rawValue) == [2017])
    #expect(try workspace.ledger().entries().count == 2)
    // The version received later is the one in the plan; the first is listed as superseded.
    let naHang = try #require(try workspace.status(2017)?.plan.district(DistrictCode(rawValue: "072")))
    #expect(naHang.status == .accepted)
    #expect(naHang.file == "2017-072-na-hang-flat.csv (received 2016-10-30T04:00:00Z)")
    #expect(naHang.supersededFiles == ["2017-072-na-hang-flat.csv"])
    let json = try String(
      contentsOf: workspace.store.appendingPathComponent("plans/2017/plan-2017.json"), encoding: .utf8)
    #expect(json.contains("(bổ sung)"))
  }

  @Test("hidden files and subfolders of the inbox are not picked up")
  func hiddenAndFolders() throws {
    let workspace = try workspace(with: [])
    defer { workspace.remove() }
    try workspace.addSample("2017-072-na-hang-flat.csv", as: ".~lock.na-hang.csv#")
    try FileManager.default.createDirectory(
      at: workspace.inbox.appendingPathComponent("old"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("samples/2017-072-na-hang-flat.csv"),
      to: workspace.inbox.appendingPathComponent("old/2017-072-na-hang-flat.csv"))
    let summary = try workspace.run()
    #expect(summary.isNothingNew)
    #expect(try workspace.ledger().entries().isEmpty)
  }

  @Test("a stored file with no ledger row (crash before the transaction) is recorded by the next run")
  func crashAfterRename() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    try workspace.run()
    // A run placed Hàm Yên's file and died before recording it; the district then cleared the inbox.
    let bytes = try Data(
      contentsOf: packageRoot.appendingPathComponent("samples/2017-074-ham-yen-form-v1.csv"))
    let sha = SHA256.hex(of: bytes)
    let relative = "accepted/2017/074/\(sha.prefix(16))-2017-074-ham-yen-form-v1.csv"
    try FileManager.default.createDirectory(
      at: workspace.store.appendingPathComponent("accepted/2017/074"),
      withIntermediateDirectories: true)
    try bytes.write(to: workspace.store.appendingPathComponent(relative))
    let summary = try workspace.run()
    #expect(summary.filed.map(\.origin) == [.recovered])
    #expect(summary.filed.first?.entry.storedPath == relative)
    #expect(summary.filed.first?.entry.originalName == "2017-074-ham-yen-form-v1.csv")
    #expect(try workspace.ledger().contains(sha256: sha))
    #expect(
      FileManager.default.fileExists(
        atPath: workspace.store.appendingPathComponent(relative + ".report.txt").path))
    #expect(try workspace.status(2017)?.plan.district(DistrictCode(rawValue: "074"))?.status == .accepted)
    // And the run after that has nothing to do.
    #expect(try workspace.run().isNothingNew)
  }

  @Test("a complete copy left in incoming/ is filed by the next run; a partial one is dropped")
  func crashAfterCopy() throws {
    let workspace = try workspace(with: [])
    defer { workspace.remove() }
    try workspace.run()
    let bytes = try Data(contentsOf: packageRoot.appendingPathComponent("samples/2017-072-na-hang-flat.csv"))
    let incoming = workspace.store.appendingPathComponent("incoming")
    try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
    try bytes.write(
      to: incoming.appendingPathComponent("\(SHA256.hex(of: bytes).prefix(16))-2017-072-na-hang-flat.csv"))
    try bytes.prefix(100).write(to: incoming.appendingPathComponent(".0A1B.partial"))
    let summary = try workspace.run()
    #expect(summary.filed.map(\.entry.storedPath).first?.hasPrefix("accepted/2017/072/") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: incoming.path).isEmpty)
  }

  @Test("a recorded file whose stored copy vanished is copied again from the inbox")
  func restoresMissingCopy() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    let first = try workspace.run()
    let relative = try #require(first.filed.first?.entry.storedPath)
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent(relative))
    let summary = try workspace.run()
    #expect(summary.notices.count == 1)
    #expect(!summary.hasErrors)
    #expect(FileManager.default.fileExists(atPath: workspace.store.appendingPathComponent(relative).path))
  }

  @Test("a recorded file lost from both store and inbox is reported and its plan left stale")
  func reportsLostCopy() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    let first = try workspace.run()
    let relative = try #require(first.filed.first?.entry.storedPath)
    try FileManager.default.removeItem(at: workspace.store.appendingPathComponent(relative))
    try FileManager.default.removeItem(
      at: workspace.inbox.appendingPathComponent("2017-072-na-hang-flat.csv"))
    // Another district's file arrives: the 2017 plan would need Na Hang's lost file.
    try workspace.addSample("2017-074-ham-yen-form-v1.csv")
    let summary = try workspace.run()
    #expect(summary.hasErrors)
    #expect(summary.notices.contains { if case .lost = $0 { return true } else { return false } })
    #expect(summary.notices.contains(.planSkipped(year: PlanYear(rawValue: 2017), missing: [relative])))
    #expect(try workspace.ledger().dirtyYears().map(\.rawValue) == [2017])
  }

  @Test("a run while another holds the store's lock does nothing and says so")
  func lockedStore() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    try FileManager.default.createDirectory(at: workspace.store, withIntermediateDirectories: true)
    let lock = try StoreLock(path: workspace.store.appendingPathComponent(".lock").path)
    defer { lock.release() }
    #expect(throws: IntakeError.storeLocked(lockFile: workspace.store.appendingPathComponent(".lock").path)) {
      try workspace.run()
    }
    #expect(
      !FileManager.default.fileExists(atPath: workspace.store.appendingPathComponent("ledger.sqlite").path))
  }

  @Test("a stale plan is rebuilt by the next run even when nothing is new")
  func staleYearRebuilt() throws {
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv"])
    defer { workspace.remove() }
    try workspace.run()
    // A run died after recording but before writing the plan.
    let plans = workspace.store.appendingPathComponent("plans/2017")
    try FileManager.default.removeItem(at: plans)
    try workspace.ledger().markStale(from: PlanYear(rawValue: 2017))
    let summary = try workspace.run()
    #expect(summary.plansWritten.map(\.rawValue) == [2017])
    #expect(FileManager.default.fileExists(atPath: plans.appendingPathComponent("plan-2017.json").path))
  }

  @Test("a file that cannot be filed is reported; the files after it are filed and the plans rebuilt")
  func oneFailureDoesNotStopTheRun() throws {
    // Given two plans, and something in the way of the first one's report in the store
    let workspace = try workspace(with: ["2017-072-na-hang-flat.csv", "2017-074-ham-yen-form-v1.csv"])
    defer { workspace.remove() }
    let naHang = try workspace.storedPath(ofSample: "2017-072-na-hang-flat.csv", folder: "accepted/2017/072")
    let obstacle = workspace.store.appendingPathComponent(naHang + ".report.txt")
    try FileManager.default.createDirectory(at: obstacle, withIntermediateDirectories: true)
    // When the job runs
    let summary = try workspace.run()
    // Then Na Hang's file is reported not filed (exit 2), Hàm Yên's is filed, the plan written
    #expect(summary.hasErrors)
    let inboxPath = workspace.inbox.appendingPathComponent("2017-072-na-hang-flat.csv").path
    #expect(
      summary.notices.contains { if case .notFiled(inboxPath, _) = $0 { return true } else { return false } })
    #expect(summary.filed.map(\.entry.originalName) == ["2017-074-ham-yen-form-v1.csv"])
    #expect(summary.plansWritten.map(\.rawValue) == [2017])
    // And once the obstacle is gone, the next run files it.
    try FileManager.default.removeItem(at: obstacle)
    let next = try workspace.run()
    #expect(!next.hasErrors)
    #expect(next.filed.map(\.entry.originalName) == ["2017-072-na-hang-flat.csv"])
    #expect(next.filed.map(\.origin) == [.inbox])
  }

  @Test("a corrected file with the same date sent later wins, though its name sorts first")
  func laterArrivalWinsOnTheSameDate() throws {
    // Given Na Hang's plan sent as ke-hoach-b.csv
    let workspace = try workspace(with: [])
    defer { workspace.remove() }
    try workspace.addSample("2017-072-na-hang-flat.csv", as: "ke-hoach-b.csv")
    try workspace.run()
    // When a corrected version, same date, arrives later as ke-hoach-a.csv
    let text = try String(
      contentsOf: packageRoot.appendingPathComponent("samples/2017-072-na-hang-flat.csv"), encoding: .utf8)
    try text.replacingOccurrences(
      of: "Đào tạo nghề chế biến chè Shan tuyết,", with: "Đào tạo nghề chế biến chè Shan tuyết (bổ sung),"
    )
    .write(to: workspace.inbox.appendingPathComponent("ke-hoach-a.csv"), atomically: true, encoding: .utf8)
    try workspace.run(clock: FixedClock(Date(timeIntervalSince1970: 1_477_800_000)))
    // Then the plan and status take the corrected one
    let naHang = try #require(try workspace.status(2017)?.plan.district(DistrictCode(rawValue: "072")))
    #expect(naHang.file == "ke-hoach-a.csv")
    #expect(naHang.supersededFiles == ["ke-hoach-b.csv"])
    let json = try String(
      contentsOf: workspace.store.appendingPathComponent("plans/2017/plan-2017.json"), encoding: .utf8)
    #expect(json.contains("(bổ sung)"))
  }
}
