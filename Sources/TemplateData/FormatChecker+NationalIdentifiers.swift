extension FormatChecker {
    /// Registers `egn`, `cnp`, `idnp` and `codice-fiscale` as sensitive formats: messages say
    /// what is wrong but never repeat the value. ``standard`` already has them.
    ///
    /// ```swift
    /// var formats = FormatChecker()
    /// formats.registerNationalIdentifiers()
    /// formats["cnp"]?.check("6140517123455")   // "the check digit (the last one) does not match …"
    /// ```
    public mutating func registerNationalIdentifiers() {
        for identifier in NationalIdentifier.allCases {
            register(identifier.formatName, expected: identifier.expected, isSensitive: true) { text in
                identifier.problem(in: text)?.message
            }
        }
    }
}
