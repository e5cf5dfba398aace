public import Localization

/// Looks up the form's texts: a message id gives an ICU MessageFormat pattern in the page's
/// locale, or nil, and then the English source (the schema's `title`/`description`, or the
/// form's own English) is used.
///
/// ```swift
/// let messages = FormMessages(catalogs: catalogs, locale: .bg)   // domain "forms"
/// let custom = FormMessages { id in id == "form.ui.submit" ? "Send" : nil }
/// ```
public struct FormMessages: Sendable {
    public typealias Lookup = @Sendable (_ id: String) -> String?

    let lookup: Lookup

    public init(_ lookup: @escaping Lookup) { self.lookup = lookup }

    /// Messages from `domains` of `catalogs`, along `locale`'s fallback chain (`ro-MD → ro → en`).
    public init(catalogs: CatalogSet, locale: LocaleID, domains: [String] = [WebForm.catalogDomain]) {
        lookup = { id in catalogs.lookup(id: id, domains: domains, locale: locale)?.text }
    }

    /// English everywhere: the sources as written.
    public static let english = FormMessages { _ in nil }

    /// The text of `id` with `arguments` filled in; the English source when the catalog has no
    /// usable translation (or its pattern does not format).
    func text(_ id: String, _ source: String, _ arguments: [String: MessageValue] = [:], locale: LocaleID) -> String {
        if let pattern = lookup(id), let text = Self.format(pattern, arguments, locale: locale) { return text }
        return Self.format(source, arguments, locale: .en) ?? source
    }

    static func format(_ pattern: String, _ arguments: [String: MessageValue], locale: LocaleID) -> String? {
        // Schema descriptions are plain text: only run the formatter where it could change something.
        guard pattern.contains("{") || pattern.contains("'") else { return pattern }
        guard let message = try? MessageFormat(pattern) else { return arguments.isEmpty ? pattern : nil }
        return try? message.format(arguments, locale: locale)
    }
}
