import Foundation
import TemplateData

extension RenderContext {
    /// The names one loop iteration (or a `sum` expression over an item) brings into scope.
    ///
    /// `loop` is built only when an expression asks for it: making its five fields for every
    /// row of a 10 000-row table cost more than rendering the row.
    struct Scope {
        var bindings: [String: Value] = [:]
        var variable: String?
        var item: Value = .null
        var index = 0
        var count = 0

        init(bindings: [String: Value]) {
            self.bindings = bindings
        }

        init(variable: String, item: Value, index: Int, count: Int) {
            self.variable = variable
            self.item = item
            self.index = index
            self.count = count
        }

        subscript(name: String) -> Value? {
            guard let variable else { return bindings[name] }
            if name == variable { return item }
            if name == "loop" { return loopInfo }
            return nil
        }

        var loopInfo: Value {
            .object(OrderedObject([
                ("index", .number(Decimal(index + 1))), ("index0", .number(Decimal(index))),
                ("first", .bool(index == 0)), ("last", .bool(index == count - 1)),
                ("count", .number(Decimal(count))),
            ]))
        }
    }
}
