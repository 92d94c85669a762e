import BrainCore
import BrainPrompt
import Testing

/// The normaliser keeps members and items in their order whether or not a container changed,
/// and reports each change at the value's path.
@Suite struct NormalizerOrderTests {
    @Test func changesInTheMiddleKeepOrderAndPaths() throws {
        let normalizer = OutputNormalizer(schema: try #require(SchemaFiles.resume))
        let answer = try JSONValue.parse(#"""
            {"basics": {"name": "Ana", "label": " Engineer ", "email": "ana@example.com"},
             "work": [{"name": "A", "startDate": "2020-01"}, {"name": "B", "startDate": "Jan 2019", "position": "Dev"},
                      {}, {"name": "C"}],
             "education": [], "skills": [{"name": "Go"}]}
            """#)
        let result = normalizer.normalize(answer)
        #expect(result.value.serialized() == #"{"basics":{"name":"Ana","label":"Engineer","email":"ana@example.com"},"#
            + #""work":[{"name":"A","startDate":"2020-01"},{"name":"B","startDate":"2019-01","position":"Dev"},{"name":"C"}],"#
            + #""education":[],"skills":[{"name":"Go"}]}"#)
        #expect(result.changes.map(\.description) == [
            "/basics/label: trimmed whitespace",
            #"/work/1/startDate: date "Jan 2019" -> "2019-01""#,
            "/work/2: dropped empty item",
        ])
    }

    @Test func keysWithSlashAndTildeAreEscapedInChangePaths() throws {
        let schema = try JSONSchema(text: #"{"description": "Unknown values are omitted.", "type": "object"}"#)
        let result = OutputNormalizer(schema: schema).normalize(["a/b~c": "", "d": [" x "]])
        #expect(result.changes.map(\.description) == ["/a~1b~0c: dropped empty string", "/d/0: trimmed whitespace"])
        #expect(result.value == ["d": ["x"]])
    }
}
