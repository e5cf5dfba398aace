import ArgumentParser
import Foundation
import Formwright
import OfficeTemplate
import Template

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "List the tags, data paths and messages of a template; draft its schema.",
        discussion: unwrapped("""
            Every data path the template reads (loop variables resolved: attendees[].name) and
            every message with its English text; for a template written in Word or Writer
            (template.docx or template.odt) also every tag with the part and paragraph it is
            typed in, and the pictures filled from data.

            --schema prints a draft schema.json inferred from the paths: objects from dotted
            paths, lists from {% for %}, booleans from bare {% if %} conditions, dates and
            numbers from the date, number, money and sum filters. Save it next to the template
            and adjust it (required fields, formats such as egn or cnp, lengths).

            Examples:
              formwright inspect templates/office-session-minutes
              formwright inspect my-form/ --schema > my-form/schema.json
            """))

    @Argument(help: "A template folder, the template file itself, or a bundled template's id.")
    var template: String

    @Flag(help: "Print a draft schema.json for the paths the template reads.")
    var schema = false

    mutating func run() throws {
        do {
            try inspect()
        } catch {
            throw fail(error)
        }
    }

    private func inspect() throws(FormwrightError) {
        var url = try templateLocation(template)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            guard let file = TemplateFile.locate(in: url) else {
                throw FormwrightError(.usage, "\(template): no template.xml, template.docx or template.odt in this folder")
            }
            url = file
        }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw FormwrightError(.usage, "\(template): no such template file or folder")
        }
        let display = TemplatePackage.displayPath(url)
        let parsed: TemplateFile.Parsed
        do {
            parsed = try TemplateFile.parse(Array(bytes), url: url, file: display, hasSchema: false)
        } catch {
            throw FormwrightError(.template, diagnostics: error.errors.map(Diagnostic.init))
        }
        let definition = parsed.definition
        if schema {
            guard case .office(let office) = parsed else {
                throw FormwrightError(.usage, "--schema drafts a schema for templates written in Word or Writer; \(display) is template.xml, whose schema is written by hand (see docs/TEMPLATES.md)")
            }
            print(office.draftSchema(title: definition.id), terminator: "")
            return
        }
        print("\(definition.id)  (\(display))")
        let paths: [DataPathUse]
        switch parsed {
        case .office(let office):
            print("\nTags (\(office.tags.count)):")
            let width = min(40, office.tags.map(\.place.count).max() ?? 0)
            for tag in office.tags { print("  \(tag.place.padding(toLength: width, withPad: " ", startingAt: 0))  \(tag.source)") }
            paths = office.dataPaths
        case .xml(let definition):
            paths = DataPathUse.paths(in: definition.expressionUses)
        }
        var seen: Set<String> = []
        let unique = paths.filter { !$0.keys.contains("?") && seen.insert($0.dotted).inserted }
        print("\nData paths (\(unique.count)):")
        let pathWidth = min(40, unique.map(\.dotted.count).max() ?? 0)
        for path in unique {
            print("  \(path.dotted.padding(toLength: pathWidth, withPad: " ", startingAt: 0))  \(path.use.rawValue)\(path.filter.map { " | \($0)" } ?? "")")
        }
        var ids: Set<String> = []
        let messages = definition.messages.filter { ids.insert($0.id).inserted }
        print("\nMessages (\(messages.count)):")
        let idWidth = min(40, messages.map(\.id.count).max() ?? 0)
        for message in messages { print("  \(message.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(message.source)") }
        if case .office = parsed {
            let pictures = definition.places.filter { $0.reference.hasSuffix(":picture") }
            print("\nPictures filled from data (\(pictures.count)):")
            for picture in pictures { print("  \(picture.description)  \(picture.text)") }
        }
    }
}
