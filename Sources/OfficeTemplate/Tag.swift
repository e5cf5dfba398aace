import Localization
import Template

/// A tag typed into an office document, as found in one paragraph's text.
struct Tag {
    enum Kind {
        /// `{{ expr }}`
        case value(Expression)
        /// `{% if expr %}`, `{% elif expr %}`
        case `if`(Expression), elif(Expression)
        case `else`, endif
        /// `{% for x in expr %}`
        case `for`(variable: String, source: Expression)
        case endfor
        /// `{% t "id" name=expr … %}` … `{% endt %}`
        case translate(id: String, arguments: [(name: String, expression: Expression)])
        case endTranslate
        /// `{# … #}`
        case comment
    }

    /// docxtpl's scope prefixes: `{%p`, `{%tr`, `{%tc`, `{%r`.
    enum Scope: String {
        case paragraph = "p", row = "tr", cell = "tc", run = "r"
    }

    var kind: Kind
    var scope: Scope?
    /// The tag as typed (after quote normalization), for messages.
    let source: String
    /// Index into the template's places (1-based, as `NodeLocation` takes it).
    let place: Int
    /// Character offset of the tag's `{` in the paragraph text.
    let column: Int

    var location: NodeLocation { NodeLocation(place: place, column: column + 1) }

    /// The keyword as a user would name the tag in a message: `{% endif %}`.
    var displayName: String {
        switch kind {
        case .value: "{{ … }}"
        case .if: "{% if %}"
        case .elif: "{% elif %}"
        case .else: "{% else %}"
        case .endif: "{% endif %}"
        case .for: "{% for %}"
        case .endfor: "{% endfor %}"
        case .translate: "{% t %}"
        case .endTranslate: "{% endt %}"
        case .comment: "{# … #}"
        }
    }
}

/// A problem found while reading a template's tags.
struct TagProblem: Error {
    let code: String
    let message: String
    let suggestion: String?
    /// Offset in the tag's text, from its `{`.
    let offset: Int
}

enum TagParser {
    static let keywords = ["if", "elif", "else", "endif", "for", "endfor", "t", "endt"]

    /// Parses a tag's text (with its delimiters, quotes already made straight).
    static func parse(_ text: String) throws(TagProblem) -> (Tag.Kind, Tag.Scope?) {
        let scalars = Array(text.unicodeScalars)
        let opener = String(String.UnicodeScalarView(scalars.prefix(2)))
        var start = 2, end = scalars.count - 2
        if start < end, scalars[start] == "-" { start += 1 }
        if end > start, scalars[end - 1] == "-" { end -= 1 }
        let inner = String(String.UnicodeScalarView(scalars[start..<max(start, end)]))
        switch opener {
        case "{#":
            return (.comment, nil)
        case "{{":
            let body = inner.trimmingWhitespace
            guard !body.isEmpty else {
                throw TagProblem(code: "office.empty-tag", message: "empty tag {{ }}", suggestion: "write a data path, e.g. {{ child.name }}", offset: 0)
            }
            if body.hasPrefix("image ") {
                throw TagProblem(
                    code: "office.image-tag", message: "{{ image … }} is not supported in text",
                    suggestion: "pictures are filled from data in a later version; type the tag in the picture's alt text then", offset: 0)
            }
            return (.value(try expression(body, offset: start + leadingSpaces(inner))), nil)
        default:
            return try control(inner, offset: start)
        }
    }

    private static func control(_ inner: String, offset: Int) throws(TagProblem) -> (Tag.Kind, Tag.Scope?) {
        var rest = Substring(inner)
        var scope: Tag.Scope?
        // A prefix is written directly after `{%`: `{%tr for …%}`.
        let prefix = rest.prefix { $0.isLetter }
        if rest.dropFirst(prefix.count).first?.isWhitespace == true, let s = Tag.Scope(rawValue: String(prefix)) {
            scope = s
            rest = rest.dropFirst(prefix.count)
        }
        let consumed = inner.count - rest.count
        let trimmed = rest.drop(while: \.isWhitespace)
        let keywordOffset = offset + consumed + (rest.count - trimmed.count)
        let keyword = String(trimmed.prefix { $0.isLetter || $0 == "_" })
        let argument = String(trimmed.dropFirst(keyword.count)).trimmingWhitespace
        let argumentOffset = keywordOffset + keyword.count + leadingSpaces(String(trimmed.dropFirst(keyword.count)))
        func noArgument(_ kind: Tag.Kind) throws(TagProblem) -> Tag.Kind {
            guard argument.isEmpty else {
                throw TagProblem(code: "office.tag-syntax", message: "{% \(keyword) %} takes nothing after it, found '\(argument)'", suggestion: nil, offset: argumentOffset)
            }
            return kind
        }
        switch keyword {
        case "if", "elif":
            guard !argument.isEmpty else {
                throw TagProblem(code: "office.tag-syntax", message: "{% \(keyword) %} needs a condition", suggestion: "write {% \(keyword) child.age >= 14 %}", offset: keywordOffset)
            }
            let condition = try expression(argument, offset: argumentOffset)
            return (keyword == "if" ? .if(condition) : .elif(condition), scope)
        case "else": return (try noArgument(.else), scope)
        case "endif": return (try noArgument(.endif), scope)
        case "endfor": return (try noArgument(.endfor), scope)
        case "endt": return (try noArgument(.endTranslate), scope)
        case "for":
            let words = argument.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard words.count == 3, words[1] == "in", isName(words[0]) else {
                throw TagProblem(code: "office.tag-syntax", message: "expected {% for NAME in LIST %}, found {% for \(argument) %}",
                                 suggestion: "write {% for item in plan.activities %}", offset: argumentOffset)
            }
            let sourceOffset = argumentOffset + (argument.count - String(words[2]).count)
            return (.for(variable: String(words[0]), source: try expression(String(words[2]), offset: sourceOffset)), scope)
        case "t":
            return (try translate(argument, offset: argumentOffset), scope)
        case "":
            throw TagProblem(code: "office.tag-syntax", message: "expected a keyword after {%", suggestion: "tags are {% if %}, {% for %}, {% t %} and their end tags; values are written {{ … }}", offset: keywordOffset)
        case "set", "include", "macro", "import", "extends", "block", "call", "filter", "raw", "with":
            throw TagProblem(code: "office.unsupported-tag", message: "{% \(keyword) %} is not part of Formwright's template language",
                             suggestion: "templates cannot define variables or include other files; compute values in the data", offset: keywordOffset)
        default:
            let hint = Spelling.closest(to: keyword, among: keywords).map { "did you mean {% \($0) %}?" }
                ?? "tags are {% if %} {% elif %} {% else %} {% endif %}, {% for %} {% endfor %}, {% t %} {% endt %}"
            throw TagProblem(code: "office.unknown-tag", message: "unknown tag {% \(keyword) %}", suggestion: hint, offset: keywordOffset)
        }
    }

    /// `"visit.intro" name=child.name count=visits | count`
    private static func translate(_ text: String, offset: Int) throws(TagProblem) -> Tag.Kind {
        let chars = Array(text)
        guard let quote = chars.first, quote == "\"" || quote == "'", let close = chars.dropFirst().firstIndex(of: quote) else {
            throw TagProblem(code: "office.tag-syntax", message: "{% t %} needs a message id in quotes", suggestion: "write {% t \"visit.intro\" name=child.name %}English text{% endt %}", offset: offset)
        }
        let id = String(chars[1..<close])
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw TagProblem(code: "office.tag-syntax", message: "'\(id)' is not a message id (letters, digits, '.', '_' and '-')", suggestion: nil, offset: offset + 1)
        }
        // Arguments: `name=expression`, each running to the next ` name=`.
        var starts: [(name: String, nameStart: Int, valueStart: Int)] = []
        var i = close + 1
        var quoteChar: Character?
        while i < chars.count {
            let c = chars[i]
            if let q = quoteChar { if c == q { quoteChar = nil }; i += 1; continue }
            if c == "\"" || c == "'" { quoteChar = c; i += 1; continue }
            if (c.isLetter || c == "_"), i == close + 1 || chars[i - 1].isWhitespace {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                if k < chars.count, chars[k] == "=", k + 1 >= chars.count || chars[k + 1] != "=" {
                    starts.append((String(chars[i..<j]), i, k + 1))
                    i = k + 1
                    continue
                }
            }
            i += 1
        }
        let between = String(chars[(close + 1)..<(starts.first?.nameStart ?? chars.count)]).trimmingWhitespace
        guard between.isEmpty else {
            throw TagProblem(code: "office.tag-syntax", message: "expected name=value arguments after the message id, found '\(between)'",
                             suggestion: "write {% t \"\(id)\" name=child.name %}", offset: offset + close + 1)
        }
        var arguments: [(name: String, expression: Expression)] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].nameStart : chars.count
            let source = String(chars[start.valueStart..<end])
            guard !source.trimmingWhitespace.isEmpty else {
                throw TagProblem(code: "office.tag-syntax", message: "argument '\(start.name)' has no value", suggestion: "write \(start.name)=child.name", offset: offset + start.nameStart)
            }
            if arguments.contains(where: { $0.name == start.name }) {
                throw TagProblem(code: "office.tag-syntax", message: "argument '\(start.name)' is given twice", suggestion: nil, offset: offset + start.nameStart)
            }
            arguments.append((start.name, try expression(source.trimmingWhitespace, offset: offset + start.valueStart + leadingSpaces(source))))
        }
        return .translate(id: id, arguments: arguments)
    }

    private static func expression(_ text: String, offset: Int) throws(TagProblem) -> Expression {
        do {
            return try Expression.parse(text)
        } catch {
            throw TagProblem(code: "office.expression", message: error.message, suggestion: error.suggestion, offset: offset + error.offset)
        }
    }

    private static func isName(_ s: Substring) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private static func leadingSpaces(_ s: String) -> Int { s.prefix { $0.isWhitespace }.count }
}


/// The template language's expressions (Foundation has a type of the same name).
typealias Expression = Template.Expression
