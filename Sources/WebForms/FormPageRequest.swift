public import Localization
public import TemplateData

/// Everything ``WebForm/page(_:)`` needs to draw one form: the server fills it per request.
///
/// ```swift
/// let request = FormPageRequest(
///     templateID: "consent-data-sharing", templateTitle: "Consent to share information",
///     schema: schema, locale: .ro, availableLocales: [.bg, .ro, .roMD, .it, .en],
///     messages: FormMessages(catalogs: catalogs, locale: .ro),
///     csrfToken: token, action: "/forms/consent-data-sharing?locale=ro")
/// let html = WebForm.page(request)
/// ```
public struct FormPageRequest: Sendable {
    /// The template folder name; help message ids carry it (`form.help.<id>.<path>`).
    public var templateID: String
    /// The template's title in ``locale``, for `<title>` and the heading.
    public var templateTitle: String
    public var schema: DataSchema
    /// The page language (`<html lang>`) and the locale of every message.
    public var locale: LocaleID
    /// Locales offered by the language switcher (links `?locale=xx`), in this order.
    public var availableLocales: [LocaleID]
    /// Labels, help texts and the form's own words.
    public var messages: FormMessages
    /// The data last submitted, to fill the fields again after a failed submit.
    public var values: Value?
    /// Problems to show next to their fields and in the summary at the top.
    public var errors: [FormFieldError]
    /// Sent back in the hidden `_csrf` field.
    public var csrfToken: String
    /// Where the form posts (`application/x-www-form-urlencoded`).
    public var action: String
    /// One submit button per format, in this order; the chosen one arrives as `_format`.
    public var formats: [DocumentFormat]
    /// Where a "preview the first page" button posts the same form (the server answers a PNG); nil: no button.
    public var previewURL: String?
    /// Path of ``WebForm/script``.
    public var scriptPath: String
    /// Path of ``WebForm/stylesheet``.
    public var stylesheetPath: String

    public init(
        templateID: String, templateTitle: String, schema: DataSchema, locale: LocaleID,
        availableLocales: [LocaleID] = LocaleID.supported, messages: FormMessages = .english,
        values: Value? = nil, errors: [FormFieldError] = [], csrfToken: String, action: String,
        formats: [DocumentFormat] = DocumentFormat.allCases, previewURL: String? = nil,
        scriptPath: String = WebForm.scriptPath, stylesheetPath: String = WebForm.stylesheetPath
    ) {
        self.templateID = templateID
        self.templateTitle = templateTitle
        self.schema = schema
        self.locale = locale
        self.availableLocales = availableLocales
        self.messages = messages
        self.values = values
        self.errors = errors
        self.csrfToken = csrfToken
        self.action = action
        self.formats = formats
        self.previewURL = previewURL
        self.scriptPath = scriptPath
        self.stylesheetPath = stylesheetPath
    }
}

/// A document format a form can ask for.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    case odt, docx, pdf
}

/// A problem with one submitted value, already in the page's language.
///
/// ```swift
/// FormFieldError(pointer: JSONPointer("/child/code")!, message: "Codul cazului nu are forma cerută")
/// ```
public struct FormFieldError: Sendable, Hashable {
    /// The value the problem is about; a pointer to a group (`/guardians`) lands at its fieldset,
    /// one to a field the form does not show at the nearest group that it does.
    public var pointer: JSONPointer
    public var message: String

    public init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }
}
