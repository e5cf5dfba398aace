import Localization
public import TemplateData

/// The template language's evaluator, for front ends other than `template.xml` (office
/// templates): the same expressions, filters, loop scopes, limits, message formatting and
/// located errors as ``CompiledTemplate/render(_:)``, with no document model in between.
///
/// ```swift
/// var evaluator = TemplateEvaluator(template: compiled, data: value)
/// let name = evaluator.text(of: try Expression.parse("child.name | upper"), at: location)
/// if !evaluator.errors.isEmpty { throw TemplateErrors(evaluator.errors) }
/// ```
public struct TemplateEvaluator {
    var context: RenderContext

    public init(template: CompiledTemplate, data: Value) {
        context = RenderContext(template: template, data: data)
    }

    /// Every problem found so far, in the order found.
    public var errors: [TemplateError] { context.errors }

    /// The render limits of the compiled template (images read from data are checked
    /// against ``RenderLimits/imageLimits``).
    public var limits: RenderLimits { context.template.limits }

    /// The value of an expression (null after reporting an error).
    public mutating func value(of expression: Expression, at location: NodeLocation) -> Value {
        context.evaluate(expression, at: location)
    }

    /// The expression printed as `{expression}` prints it in `template.xml`.
    public mutating func text(of expression: Expression, at location: NodeLocation) -> String {
        let value = context.evaluate(expression, at: location)
        let text = context.display(value, expression: expression, at: location)
        // The private-use field sentinels never reach a document from data.
        return text.utf8.contains(0xEE) ? text.filter { $0 != RenderContext.pageSentinel && $0 != RenderContext.pagesSentinel } : text
    }

    /// The condition of an `if`.
    public mutating func isTrue(_ expression: Expression, at location: NodeLocation) -> Bool {
        context.evaluate(expression, at: location).isTruthy
    }

    /// The items a loop runs over, counted against the loop limits; nil after reporting an error.
    public mutating func loopItems(_ expression: Expression, at location: NodeLocation) -> [Value]? {
        context.loopItems(Located(value: expression, location: location), at: location)
    }

    /// Brings a loop variable (and `loop.index`, `loop.first`, …) into scope until the
    /// matching ``popLoopVariable()``.
    public mutating func pushLoopVariable(_ variable: String, item: Value, index: Int, count: Int) {
        context.scopes.append(.init(variable: variable, item: item, index: index, count: count))
    }

    public mutating func popLoopVariable() {
        context.scopes.removeLast()
    }

    /// A catalog message of the compiled template, formatted with its arguments bound to
    /// expressions (ISO date strings become dates where the message formats a date).
    public mutating func message(id: String, arguments: [(name: String, expression: Expression)], at location: NodeLocation) -> String {
        var values: [String: MessageValue] = [:]
        let used = context.template.messages[id]?.arguments ?? []
        for (name, expression) in arguments {
            let kind = used.first { $0.name == name && $0.kind != .plain }?.kind
            values[name] = context.messageValue(expression, at: location, kind: kind)
        }
        let text = context.format(id: id, values, location: location)
        return text.utf8.contains(0xEE) ? text.filter { $0 != RenderContext.pageSentinel && $0 != RenderContext.pagesSentinel } : text
    }

    /// Reports a problem found by the front end, located like the evaluator's own.
    public mutating func fail(_ code: String, _ message: String, at location: NodeLocation, suggestion: String? = nil) {
        context.fail(code, message, at: location, suggestion: suggestion)
    }
}

extension NodeLocation {
    /// A location in a front end whose places are numbered (office templates): `place` is
    /// the 1-based index into ``TemplateDefinition``'s places, `column` a character offset
    /// in that place's text.
    public init(place: Int, column: Int) {
        self.init(line: place, column: column)
    }
}
