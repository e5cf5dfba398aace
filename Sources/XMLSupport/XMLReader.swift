internal import CLibXML2
import Foundation

/// Reads XML safely into an ``XMLElement`` tree that keeps line:column of every node.
///
/// Safe by construction: no network access, no DTD (a `<!DOCTYPE` is refused, so entity
/// expansion attacks and external entities cannot happen), every external entity load
/// refused, and limits on size, depth and node count.
///
/// ```swift
/// let root = try XMLReader().parse(Array(source.utf8), file: "template.xml")
/// root.name          // "document"
/// root.location      // 1:1
/// ```
public struct XMLReader: Sendable {
    public struct Limits: Sendable, Hashable {
        public var maxBytes: Int
        public var maxDepth: Int
        public var maxNodes: Int

        /// - Parameter maxDepth: at most 256, libxml2's own nesting limit.
        public init(maxBytes: Int = 16 << 20, maxDepth: Int = 256, maxNodes: Int = 1_000_000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Parses `bytes` (UTF-8). `file` names the source in errors.
    public func parse(_ bytes: [UInt8], file: String) throws(XMLParseError) -> XMLElement {
        XMLReader.initializeOnce
        guard bytes.count <= limits.maxBytes else {
            throw XMLParseError(file: file, line: 1, column: 1,
                message: "the file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes")
        }
        guard !bytes.isEmpty else { throw XMLParseError(file: file, line: 1, column: 1, message: "the file is empty") }
        let builder = TreeBuilder(source: bytes, file: file, limits: limits)
        let parsed: Bool = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> Bool in
                guard let ctxt = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return false }
                defer { xmlFreeParserCtxt(ctxt) }
                ctxt.pointee.sax.pointee = XMLReader.makeHandler()
                ctxt.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
                builder.context = ctxt
                _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
                _ = xmlParseDocument(ctxt)
                builder.context = nil
                return ctxt.pointee.wellFormed != 0 && builder.error == nil
            }
        }
        if let error = builder.error { throw error }
        guard parsed, let root = builder.root else {
            throw XMLParseError(file: file, line: 1, column: 1, message: "not a well-formed XML document")
        }
        return root
    }

    /// libxml2's global setup, done once: initialise the parser and refuse every external entity.
    private static let initializeOnce: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, ctxt in
            if let ctxt, let raw = ctxt.pointee._private {
                let builder = Unmanaged<TreeBuilder>.fromOpaque(raw).takeUnretainedValue()
                builder.fail("external entities are not allowed")
            }
            return nil
        }
    }()

    /// Only the callbacks we need; everything else (DTD handling, entity declarations,
    /// DOM building) stays off.
    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            TreeBuilder.from(ctx)?.startElement(
                localname: localname, prefix: prefix, uri: uri, namespaceCount: Int(nbNamespaces), namespaces: namespaces,
                count: Int(nbAttributes), attributes: attributes)
        }
        sax.endElementNs = { ctx, _, _, _ in TreeBuilder.from(ctx)?.endElement() }
        sax.characters = { ctx, chars, len in TreeBuilder.from(ctx)?.characters(chars, Int(len)) }
        sax.cdataBlock = { ctx, chars, len in TreeBuilder.from(ctx)?.characters(chars, Int(len)) }
        sax.internalSubset = { ctx, _, _, _ in
            TreeBuilder.from(ctx)?.fail("a DOCTYPE is not allowed (no DTDs or entity declarations in Formwright files)")
        }
        sax.externalSubset = { ctx, _, _, _ in TreeBuilder.from(ctx)?.fail("external DTDs are not allowed") }
        sax.entityDecl = { ctx, _, _, _, _, _ in TreeBuilder.from(ctx)?.fail("entity declarations are not allowed") }
        sax.reference = { ctx, name in
            let entity = name.map { String(cString: $0) } ?? ""
            TreeBuilder.from(ctx)?.fail("undefined entity '&\(entity);'")
        }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let raw = ctxt.pointee._private else { return }
            let builder = Unmanaged<TreeBuilder>.fromOpaque(raw).takeUnretainedValue()
            builder.libxmlError(error.pointee)
        }
        return sax
    }
}

/// Collects the tree during the SAX parse. Lives only for one parse on one thread.
private final class TreeBuilder {
    let source: [UInt8]
    let file: String
    let limits: XMLReader.Limits
    var context: xmlParserCtxtPtr?
    var stack: [XMLElement] = []
    var root: XMLElement?
    var error: XMLParseError?
    var nodeCount = 0
    /// Text being collected: its start offset and whether references occurred in it.
    var pendingText: [UInt8] = []
    var pendingTextStart = 0
    var lastMarkupEnd = 0
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (i, b) in source.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }()

    init(source: [UInt8], file: String, limits: XMLReader.Limits) {
        self.source = source
        self.file = file
        self.limits = limits
    }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> TreeBuilder? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = ctxt.pointee._private else { return nil }
        let builder = Unmanaged<TreeBuilder>.fromOpaque(raw).takeUnretainedValue()
        return builder.error == nil ? builder : nil
    }

    /// Absolute byte offset of the parser in the source.
    var currentOffset: Int {
        guard let input = context?.pointee.input else { return 0 }
        let cur = input.pointee.cur!, base = input.pointee.base!
        return Int(input.pointee.consumed) + (cur - base)
    }

    func location(at offset: Int) -> XMLLocation {
        let clamped = min(max(0, offset), source.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = lineStarts[lo]
        // Column in characters: count bytes that start a UTF-8 sequence. Nodes come in source
        // order, so counting goes on from the previous node on the same line: counting from
        // the line's start each time made a long line (100 000 inline elements) quadratic.
        // (An attribute before its element's start is counted back the same way.)
        var column = 1
        if lastLocation.line == lo + 1, lastLocation.offset >= lineStart {
            column = lastLocation.column
            if lastLocation.offset <= clamped {
                for b in source[lastLocation.offset..<clamped] where b & 0xC0 != 0x80 { column += 1 }
            } else {
                for b in source[clamped..<lastLocation.offset] where b & 0xC0 != 0x80 { column -= 1 }
            }
        } else {
            for b in source[lineStart..<clamped] where b & 0xC0 != 0x80 { column += 1 }
        }
        lastLocation = XMLLocation(line: lo + 1, column: column, offset: clamped)
        return lastLocation
    }

    /// The location computed last, where counting columns goes on from.
    private var lastLocation = XMLLocation(line: 0, column: 1, offset: 0)

    func fail(_ message: String) {
        guard error == nil else { return }
        let loc = location(at: currentOffset)
        error = XMLParseError(file: file, line: loc.line, column: loc.column, message: message)
        if let context { xmlStopParser(context) }
    }

    func libxmlError(_ e: xmlError) {
        guard error == nil, e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let text = e.message.map { String(cString: $0) } ?? "malformed XML"
        let message = text.trimmingCharacters(in: .whitespacesAndNewlines)
        error = XMLParseError(file: file, line: max(1, Int(e.line)), column: max(1, Int(e.int2)), message: message)
    }

    func flushText() {
        guard !pendingText.isEmpty else { return }
        let text = String(decoding: pendingText, as: UTF8.self)
        let rawEnd = min(currentTextEnd(), source.count)
        let raw = source[min(pendingTextStart, rawEnd)..<rawEnd]
        let hasReferences = raw.contains(UInt8(ascii: "&")) || raw.starts(with: Array("<![CDATA[".utf8))
        let node = XMLText(text: text, location: location(at: pendingTextStart), hasReferences: hasReferences)
        pendingText.removeAll(keepingCapacity: true)
        if !stack.isEmpty { stack[stack.count - 1].children.append(.text(node)) }
    }

    /// The text ends where the next markup starts: scan back from the parser position to '<'.
    private func currentTextEnd() -> Int {
        var i = min(currentOffset, source.count) - 1
        while i > pendingTextStart && source[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, pendingTextStart)
    }

    func startElement(
        localname: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        count: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        flushText()
        nodeCount += 1
        guard stack.count < limits.maxDepth else {
            return fail("elements are nested more than \(limits.maxDepth) deep")
        }
        guard nodeCount <= limits.maxNodes else { return fail("more than \(limits.maxNodes) nodes") }
        // libxml2 reports the start tag before consuming its closing '>' or '/>'.
        var end = min(currentOffset, source.count)
        if end < source.count && source[end] == UInt8(ascii: ">") { end += 1 }
        else if end + 1 < source.count && source[end] == UInt8(ascii: "/") && source[end + 1] == UInt8(ascii: ">") { end += 2 }
        // The start tag ends at the parser position; attribute values cannot contain '<',
        // so the nearest '<' before it is where the element starts.
        var start = min(end, source.count) - 1
        while start > 0 && source[start] != UInt8(ascii: "<") { start -= 1 }
        let tag = source[start..<min(end, source.count)]

        var attrs: [XMLAttribute] = []
        if let attributes {
            for i in 0..<count {
                let base = attributes + i * 5
                let name = String(cString: base[0]!)
                let ns = base[2].map { String(cString: $0) }
                let attributePrefix = base[1].map { String(cString: $0) }
                let valueStart = base[3]!, valueEnd = base[4]!
                // With entity substitution off, libxml2 hands over '&' as "&#38;" (other
                // predefined entities and character references are already decoded).
                let value = String(decoding: UnsafeBufferPointer(start: valueStart, count: valueEnd - valueStart), as: UTF8.self)
                    .replacingOccurrences(of: "&#38;", with: "&")
                let (nameOffset, valueOffset) = attributeOffsets(name, in: tag, tagStart: start)
                attrs.append(XMLAttribute(name: name, namespace: ns, value: value,
                                          location: location(at: nameOffset), valueLocation: location(at: valueOffset),
                                          prefix: attributePrefix))
            }
        }
        var declarations: [XMLNamespaceDeclaration] = []
        if let namespaces {
            declarations.reserveCapacity(namespaceCount)
            for i in 0..<namespaceCount {
                declarations.append(XMLNamespaceDeclaration(
                    prefix: namespaces[2 * i].map { String(cString: $0) }, uri: namespaces[2 * i + 1].map { String(cString: $0) } ?? ""))
            }
        }
        let element = XMLElement(
            name: String(cString: localname!), namespace: uri.map { String(cString: $0) },
            attributes: attrs, children: [], location: location(at: start),
            prefix: prefix.map { String(cString: $0) }, namespaceDeclarations: declarations)
        stack.append(element)
        lastMarkupEnd = end
        pendingTextStart = end
    }

    /// Offsets of attribute `name` and of the first character of its value in the raw start tag.
    private func attributeOffsets(_ name: String, in tag: ArraySlice<UInt8>, tagStart: Int) -> (name: Int, value: Int) {
        let needle = Array(name.utf8)
        var i = tag.startIndex
        while i + needle.count < tag.endIndex {
            let before = i > tag.startIndex ? tag[i - 1] : 0
            let isBoundary = before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D || before == UInt8(ascii: ":")
            if isBoundary && tag[i..<i + needle.count].elementsEqual(needle) {
                var j = i + needle.count
                while j < tag.endIndex && (tag[j] == 0x20 || tag[j] == 0x09 || tag[j] == 0x0A || tag[j] == 0x0D) { j += 1 }
                if j < tag.endIndex && tag[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < tag.endIndex && tag[j] != UInt8(ascii: "\"") && tag[j] != UInt8(ascii: "'") { j += 1 }
                    return (i, min(j + 1, tag.endIndex))
                }
            }
            i += 1
        }
        return (tagStart, tagStart)
    }

    func endElement() {
        flushText()
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
        lastMarkupEnd = currentOffset
        pendingTextStart = lastMarkupEnd
    }

    func characters(_ chars: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let chars, length > 0 else { return }
        if pendingText.isEmpty {
            nodeCount += 1
            guard nodeCount <= limits.maxNodes else { return fail("more than \(limits.maxNodes) nodes") }
        }
        pendingText.append(contentsOf: UnsafeBufferPointer(start: chars, count: length))
    }
}
