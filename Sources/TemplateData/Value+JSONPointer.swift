extension Value {
    /// The value a JSON Pointer addresses, or nil when there is none.
    ///
    /// ```swift
    /// let v: Value = ["plan": ["activities": [["name": "Visit"]]]]
    /// v[pointer: JSONPointer("/plan/activities/0/name")!]   // .string("Visit")
    /// ```
    public subscript(pointer pointer: JSONPointer) -> Value? {
        self[path: pointer.tokens]
    }
}
