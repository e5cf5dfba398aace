import Localization
import TemplateData

/// HTML forms generated from a template's data schema, and the way back from a submitted
/// form to the data the template expects. No HTTP here: a server mounts it.
///
/// - ``page(_:)`` draws the form (HTML5 in XHTML syntax, so it also parses as XML).
/// - ``decode(urlEncoded:schema:)`` turns the posted body back into a ``Value``;
///   ``submission(urlEncoded:schema:)`` also returns the control fields (`_csrf`, `_format`, `_action`).
/// - ``script`` and ``stylesheet`` are served at ``scriptPath`` and ``stylesheetPath``;
///   the page loads nothing else (no CDN, no fonts, no inline script or style, so a strict
///   `Content-Security-Policy: default-src 'self'` holds).
///
/// Field names are the JSON pointers of the values (`/child/date_of_birth`,
/// `/guardians/0/name`); element ids are derived from them (`f.child.date_of_birth`).
///
/// ```swift
/// let html = WebForm.page(request)
/// let data = try WebForm.decode(urlEncoded: body, schema: schema)
/// let problems = schema.validate(data)   // the server stays the authority
/// ```
public enum WebForm {
    /// Where the server serves ``script``.
    public static let scriptPath = "/forms/assets/webform.js"
    /// Where the server serves ``stylesheet``.
    public static let stylesheetPath = "/forms/assets/webform.css"

    /// The whole page for `request`.
    public static func page(_ request: FormPageRequest) -> String {
        var renderer = PageRenderer(request: request)
        return renderer.render()
    }

    /// Native names of the locales, for the language switcher (each link in its own language).
    static func endonym(_ locale: LocaleID) -> String {
        switch locale.identifier {
        case "en": "English"
        case "bg": "Български"
        case "ro": "Română"
        case "ro-MD": "Română (Republica Moldova)"
        case "it": "Italiano"
        default: locale.identifier
        }
    }
}
