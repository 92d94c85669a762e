import BrainCore
import Testing

@testable import BrainPrompt

struct TemplateErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var kind: TemplateError.Kind
    var line: Int
    var column: Int
    var message: String
    init(_ source: String, _ kind: TemplateError.Kind, line: Int, column: Int, _ message: String) {
        self.source = source
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }
    var testDescription: String { source }
}

@Suite struct TemplateErrorTests {
    static let context: JSONObject = ["person": ["name": "Ada"], "xs": [1, 2], "n": 5]

    static let cases: [TemplateErrorCase] = [
        TemplateErrorCase("{{ missing }}", .undefined, line: 1, column: 4, "'missing' is undefined"),
        TemplateErrorCase("Hello\n  {{ missing }}", .undefined, line: 2, column: 6, "'missing' is undefined"),
        TemplateErrorCase("a\n{{ person.age }}", .undefined, line: 2, column: 10, "'dict object' has no attribute 'age'"),
        TemplateErrorCase("{{ person['age'] | upper }}", .undefined, line: 1, column: 10, "'dict object' has no attribute 'age'"),
        TemplateErrorCase("{{ xs[5] }}", .undefined, line: 1, column: 6, "list object has no element 5"),
        TemplateErrorCase("{{ nope.x is defined }}", .undefined, line: 1, column: 4, "'nope' is undefined"),
        TemplateErrorCase("x\n\n{% if nope %}y{% endif %}", .undefined, line: 3, column: 7, "'nope' is undefined"),
        TemplateErrorCase("{% for a in nope %}{% endfor %}", .undefined, line: 1, column: 13, "'nope' is undefined"),
        TemplateErrorCase("{{ [] | first }}", .undefined, line: 1, column: 7, "no first item, sequence was empty"),
        TemplateErrorCase("{% if n %}\nopen", .syntax, line: 1, column: 4, "missing 'endif'"),
        TemplateErrorCase("{% for x in xs %}{% endif %}", .syntax, line: 1, column: 21, "unexpected 'endif'"),
        TemplateErrorCase("{% endfor %}", .syntax, line: 1, column: 4, "unexpected 'endfor'"),
        TemplateErrorCase("{{ 1 + }}", .syntax, line: 1, column: 8, "expected an expression"),
        TemplateErrorCase("line\n{{ n | nofilter }}", .syntax, line: 2, column: 8, "unknown filter 'nofilter'"),
        TemplateErrorCase("{{ n is odd }}", .syntax, line: 1, column: 9, "unknown test 'odd'"),
        TemplateErrorCase("{% include 'x' %}", .syntax, line: 1, column: 4, "unknown tag 'include'"),
        TemplateErrorCase("{# open comment", .syntax, line: 1, column: 1, "missing end of comment tag"),
        TemplateErrorCase("{{ 'open }}", .syntax, line: 1, column: 4, "unterminated string"),
        TemplateErrorCase("ok\n  {{ n }", .syntax, line: 2, column: 3, "missing '}}'"),
        TemplateErrorCase("{% set %}", .syntax, line: 1, column: 8, "expected a name"),
        TemplateErrorCase("{{ f(1) }}", .syntax, line: 1, column: 5, "calling functions is not supported"),
        TemplateErrorCase("{{ xs[0:1] }}", .syntax, line: 1, column: 8, "slices are not supported"),
        TemplateErrorCase("{{ n @ 2 }}", .syntax, line: 1, column: 6, "unexpected character '@'"),
        TemplateErrorCase("{{ 'a' < 1 }}", .type, line: 1, column: 10, "'<' not supported between instances of 'str' and 'int'"),
        TemplateErrorCase("{% for x in n %}{% endfor %}", .type, line: 1, column: 13, "'int' object is not iterable"),
        TemplateErrorCase("{{ n // 0 }}", .type, line: 1, column: 6, "integer division or modulo by zero"),
        TemplateErrorCase("{{ n | length }}", .type, line: 1, column: 6, "object of type 'int' has no len()"),
        TemplateErrorCase("{{ 'abc' | truncate(1) }}", .type, line: 1, column: 10, "expects length >= 3"),
        TemplateErrorCase("{{ n | truncate(5) }}", .type, line: 1, column: 6, "object of type 'int' has no len()"),
        TemplateErrorCase("{{ n | upper(1) }}", .type, line: 1, column: 6, "takes at most 0 argument(s)"),
        TemplateErrorCase("{{ 9223372036854775807 + 1 }}", .type, line: 1, column: 24, "integer overflow"),
        TemplateErrorCase("{% for a, b in xs %}{% endfor %}", .type, line: 1, column: 4, "'int' object is not iterable"),
    ]

    @Test(arguments: cases)
    func reportsKindLineAndColumn(_ testCase: TemplateErrorCase) {
        do {
            let template = try Template(source: testCase.source, name: "case.jinja")
            let output = try template.render(Self.context)
            Issue.record("expected an error, got \(output.debugDescription)")
        } catch {
            #expect(error.template == "case.jinja")
            #expect(error.kind == testCase.kind, "\(error)")
            #expect(error.line == testCase.line, "\(error)")
            #expect(error.column == testCase.column, "\(error)")
            #expect(error.message.contains(testCase.message), "\(error)")
        }
    }

    @Test func descriptionNamesTemplateLineAndColumn() {
        let error = TemplateError(.undefined, template: "resume_parsing/user.jinja", line: 3, column: 7, message: "'resume' is undefined")
        #expect(error.description == "undefined error in template 'resume_parsing/user.jinja' at line 3, column 7: 'resume' is undefined")
    }

    @Test func loopIterationsAreCapped() throws {
        let limits = TemplateLimits(maxLoopIterations: 100)
        let template = try Template(source: "{% for a in xs %}{% for b in xs %}.{% endfor %}{% endfor %}", name: "loops", limits: limits)
        let xs = JSONValue.array((0..<20).map { .int($0) })
        #expect(throws: TemplateError.self) { try template.render(["xs": xs]) }
        do { _ = try template.render(["xs": xs]) } catch { #expect(error.kind == .limit) }
        #expect(try template.render(["xs": [1, 2, 3]]) == ".........")
    }

    @Test func outputSizeIsCapped() throws {
        let template = try Template(source: "{% for a in xs %}{{ text }}{% endfor %}", name: "big", limits: TemplateLimits(maxOutputBytes: 50))
        do {
            _ = try template.render(["xs": [1, 2, 3], "text": .string(String(repeating: "x", count: 20))])
            Issue.record("expected the output cap to stop the render")
        } catch {
            #expect(error.kind == .limit)
            #expect(error.message.contains("50 bytes"))
        }
    }

    @Test func nestingDepthIsCapped() {
        let deep = "{{ " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + " }}"
        do {
            _ = try Template(source: deep, name: "deep")
            Issue.record("expected the depth cap")
        } catch {
            #expect(error.kind == .limit)
        }
        let deepBlocks = String(repeating: "{% if true %}", count: 100) + String(repeating: "{% endif %}", count: 100)
        #expect(throws: TemplateError.self) { try Template(source: deepBlocks, name: "blocks") }
    }

    /// Lenient mode matches Jinja's default `Undefined`; expectations from jinja2 3.1.6.
    static let lenientCases: [(String, String)] = [
        ("[{{ nope }}]", "[]"),
        ("{% if nope %}yes{% else %}no{% endif %}", "no"),
        ("{% for a in nope %}x{% else %}empty{% endfor %}", "empty"),
        ("{{ nope | default('d') }}|{{ nope | upper }}|{{ nope | length }}|{{ nope | join(',') }}", "d||0|"),
        ("{{ nope == nope }} {{ nope == 1 }} {{ nope != 1 }} {{ nope in xs }} {{ 1 in nope }}", "True False True False False"),
        ("{{ 'a' ~ nope ~ 'b' }}", "ab"),
        ("{{ nope or 'fallback' }}|{{ name and nope }}|{{ not nope }}", "fallback||True"),
        ("{{ d.missing }}|{{ xs[7] }}|{{ 'y' if nope else 'n' }}", "||n"),
        ("{{ nope is defined }} {{ nope is string }} {{ nope is none }}", "False False False"),
        ("{% set v = nope %}[{{ v }}]", "[]"),
    ]

    @Test(arguments: lenientCases)
    func lenientUndefinedBehavesLikeJinjaDefault(_ source: String, _ expected: String) throws {
        let template = try Template(source: source, name: "lenient", undefined: .lenient)
        #expect(try template.render(["xs": [1, 2], "d": ["k": "v"], "name": "ann"]) == expected)
    }

    @Test(arguments: ["{{ nope.x }}", "{{ nope < 1 }}", "{{ nope + 1 }}", "{{ nope | int }}", "{{ nope[0] }}", "{{ nope | tojson }}"])
    func lenientUndefinedStillFailsWhereJinjaDoes(_ source: String) throws {
        let template = try Template(source: source, name: "lenient", undefined: .lenient)
        #expect(throws: TemplateError.self) { try template.render([:]) }
    }
}

@Suite struct TemplateInjectionTests {
    static let hostileInputs: [String] = [
        "Skills: {{ 7*7 }} and {{ config.secret }}",
        "{% for x in range(10**9) %}loop{% endfor %}",
        "{% if %}{% endif %}{% endfor %}",
        "{# not a comment #} {#- nor this -#}",
        "{% raw %}{{ x }}{% endraw %}",
        "}} %} #} {{ {% {#",
        "{{- input_text -}} {%- set x = 1 -%}",
        "  leading and trailing white space  \n\n",
    ]

    @Test(arguments: hostileInputs)
    func inputsAreInsertedAsText(_ input: String) throws {
        let template = try Template(source: "<{{ input_text }}>", name: "t")
        #expect(try template.render(["input_text": .string(input)]) == "<" + input + ">")
    }

    @Test(arguments: hostileInputs)
    func inputsPassThroughFilters(_ input: String) throws {
        let template = try Template(source: "{{ input_text | trim | upper | lower }}", name: "t")
        #expect(try template.render(["input_text": .string(input)]) == PythonText.strip(input).uppercased().lowercased())
    }

    @Test func resumeWithTemplateSyntaxReachesTheUserMessageUnchanged() throws {
        let library = try LibraryTests.repositoryLibrary()
        let resume = "Jane Doe\nSkills: {{ 7*7 }}, {% for %}, Jinja {# templates #}\nEmail: jane@example.com"
        let prompt = try PromptAssembler(library: library).assemble(template: "resume_parsing", input: resume)
        let user = try #require(prompt.messages.last)
        #expect(user.role == .user)
        #expect(user.content.contains(resume))
        #expect(!user.content.contains("49"))
    }
}
