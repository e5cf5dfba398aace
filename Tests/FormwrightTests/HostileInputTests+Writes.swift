import Foundation
import Formwright
import TestSupport
import Testing

/// Formwright writes only regular files inside its output folder, removes only its own
/// temporary files, and reads only inside the template folder.
extension HostileInputTests {
    // MARK: Targets that are not regular files

    @Test(arguments: ["folder", "symlink", "fifo", "dangling-symlink"])
    func anExistingTargetThatIsNotARegularFileIsRefused(kind: String) throws {
        let t = try scratch()
        defer { t.remove() }
        let target = t.root.appendingPathComponent("out/x.odt")
        let elsewhere = t.root.appendingPathComponent("elsewhere.odt")
        try Data("keep".utf8).write(to: elsewhere)
        switch kind {
        case "folder": try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        case "symlink": try FileManager.default.createSymbolicLink(at: target, withDestinationURL: elsewhere)
        case "fifo": #expect(mkfifo(target.path, 0o644) == 0)
        default: try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: "../missing.odt")
        }
        let r = try t.render(["--data", "ok.json", "--locale", "en", "-o", "out/x.odt"])
        #expect(r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("cannot write out/x.odt: it is"), "\(r.stderr)")
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "keep")
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("missing.odt").path))
        let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect(attributes[.type] as? FileAttributeType != .typeRegular, "the target was replaced by a file")
        #expect(!t.files(in: "out").contains { $0.hasSuffix(".tmp") })
    }

    /// As root, renaming over `/dev/full` used to turn the device into a regular file.
    @Test(arguments: ["/dev/full", "/dev/null"])
    func aDeviceIsNeverReplaced(device: String) throws {
        guard FileManager.default.fileExists(atPath: device) else { return }
        let t = try scratch()
        defer { t.remove() }
        // Refused for its name (no .odt) before anything else.
        let r = try t.render(["--data", "ok.json", "--locale", "en", "-o", device, "--format", "odt"])
        #expect(r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: device)[.type] as? FileAttributeType == .typeCharacterSpecial)
        // A device node that has a document's name (root only can make one).
        let node = t.root.appendingPathComponent("out/x.odt")
        guard geteuid() == 0, mknod(node.path, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 else { return }
        let named = try t.render(["--data", "ok.json", "--locale", "en", "-o", "out/x.odt"])
        #expect(named.status == 1, "status \(named.status): \(named.stderr)")
        #expect(named.stderr.contains("cannot write out/x.odt: it is a device"), "\(named.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: node.path)[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    // MARK: Names through symbolic links

    @Test(arguments: [
        ("{case.code}/{index}", "evil", "evil"),
        ("{case.code}/{index}", "inside", "inside"),
        ("{case.code}/{child.name}/{index}", "ok", "ok/evil"),
    ])
    func aNameThroughASymlinkedFolderNeverLeavesTheOutputFolder(pattern: String, code: String, link: String) throws {
        let t = try scratch()
        defer { t.remove() }
        let outside = t.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("out/ok/real"), withIntermediateDirectories: true)
        let linkURL = t.root.appendingPathComponent("out/\(link)")
        try FileManager.default.createSymbolicLink(
            atPath: linkURL.path, withDestinationPath: code == "inside" ? t.root.appendingPathComponent("out/ok/real").path : outside.path)
        try t.write("cases.ndjson", """
            {"case": {"code": "\(code)"}, "child": {"name": "evil"}}
            {"case": {"code": "fine"}, "child": {"name": "evil"}}

            """)
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--out-dir", "out", "--name", pattern])
        #expect(r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("it is a symbolic link or not a folder"), "\(r.stderr)")
        #expect(r.stderr.contains("1 written, 1 failed"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.root.appendingPathComponent("out/ok/real").path).isEmpty)
    }

    // MARK: Cleanup of temporary files

    @Test func cleanupRemovesOnlyFormwrightsOwnTemporaryFiles() throws {
        let t = try scratch()
        defer { t.remove() }
        let out = t.root.appendingPathComponent("out")
        let outsideFile = t.root.appendingPathComponent("precious.txt")
        try Data("keep".utf8).write(to: outsideFile)
        // A pid above the kernel's pid_max cannot be a running process.
        let stale = ".x.odt.99999999.0A1B2C3D.tmp"
        let kept = [
            ".notes.99999999.0A1B2C3D.tmp",          // not a document name
            ".report.pdf.99999999.0A1B2C3D.tmp",     // not a format Formwright writes
            ".x.odt.99999999.0a1b2c3d.tmp",          // lower-case hex: UUID prefixes are upper case
            ".x.odt.0099.0A1B2C3D.tmp", ".x.odt.+99.0A1B2C3D.tmp", ".x.odt.99999999.0A1B2C3.tmp",
            "..odt.99999999.0A1B2C3D.tmp",
        ]
        for name in [stale] + kept { try Data("x".utf8).write(to: out.appendingPathComponent(name)) }
        // Same exact pattern, but a folder (with a file inside) and a link: never removed.
        let folder = out.appendingPathComponent(".d.odt.99999999.0A1B2C3D.tmp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("inner.txt"))
        let link = out.appendingPathComponent(".l.docx.99999999.0A1B2C3D.tmp")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outsideFile)

        try t.write("cases.ndjson", #"{"case": {"code": "A"}}"# + "\n")
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--out-dir", "out"])
        #expect(r.status == 0, "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!left.contains(stale))
        for name in kept { #expect(left.contains(name), "removed \(name)") }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("inner.txt").path))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil)
        #expect(try String(contentsOf: outsideFile, encoding: .utf8) == "keep")
        #expect(r.stderr.contains("removed 1 temporary file(s)"), "\(r.stderr)")
    }

    @Test(arguments: [
        (".a.odt.99999999.0A1B2C3D.tmp", Int32(99_999_999)), (".a b.docx.12.FFFFFFFF.tmp", 12), (".a.ODT.12.00000000.tmp", 12),
        (".a.odt.12.0a1b2c3d.tmp", nil), (".a.tmp.12.0A1B2C3D.tmp", nil), (".odt.12.0A1B2C3D.tmp", nil),
        (".a.odt.012.0A1B2C3D.tmp", nil), (".a.odt.-12.0A1B2C3D.tmp", nil), ("a.odt.12.0A1B2C3D.tmp", nil),
    ])
    func theTemporaryFilePatternIsExact(name: String, pid: Int32?) {
        #expect(AtomicFile.writerProcess(ofTemporaryFile: name) == pid)
    }

    // MARK: schema= paths

    @Test(arguments: ["../secret.json", "/etc/passwd", "sub/../../secret.json", "link.json"])
    func aSchemaOutsideTheTemplateFolderIsNotRead(path: String) throws {
        let t = try scratch(template: """
            <document xmlns="urn:formwright:template:1" id="t" schema="\(path)"><body><p>x</p></body></document>
            """)
        defer { t.remove() }
        try t.write("templates/secret.json", #"{"type": "object"}"#)
        try FileManager.default.createSymbolicLink(
            at: t.templateDirectory.appendingPathComponent("link.json"), withDestinationURL: t.root.appendingPathComponent("templates/secret.json"))
        let stderr = try refused(t, data: "ok.json")
        #expect(stderr.contains("the schema file \(path) is not inside the template folder"), "\(stderr)")
    }
}
