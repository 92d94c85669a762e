import BrainCore
import Testing

@testable import BrainPrompt

/// One template, its expected output, and a label; expectations were produced once with
/// Python's jinja2 3.1.6 (StrictUndefined, default settings) from the context below.
struct TemplateCase: Sendable, CustomTestStringConvertible {
    var label: String
    var source: String
    var expected: String
    init(_ label: String, _ source: String, _ expected: String) {
        self.label = label
        self.source = source
        self.expected = expected
    }
    var testDescription: String { label }
}

enum TemplateCaseTable {
    static let context: JSONValue = try! JSONValue.parse("{\"name\": \"ada lovelace\", \"xs\": [1, 2, 3], \"empty\": [], \"d\": {\"b\": 1, \"a\": \"x'y\"}, \"person\": {\"name\": \"Ada\", \"skills\": [\"swift\", \"sql\"], \"address\": {\"city\": \"London\"}}, \"text\": \"line one\\nline two\\n\\nline four\", \"long\": \"aaa bbb ccc ddd eee fff ggg\", \"n\": 7, \"f\": 2.5, \"flag\": true, \"nothing\": null, \"blank\": \"\", \"u\": \"é😀x\", \"jobs\": [{\"title\": \"Engineer\", \"company\": \"Acme\", \"years\": 3}, {\"title\": \"Intern\"}], \"ratio\": 0.25, \"big\": 12345678901}")
    static let cases: [TemplateCase] = [
        TemplateCase("plain text", "hello", "hello"),
        TemplateCase("trailing newline dropped", "hello\n", "hello"),
        TemplateCase("only one trailing newline dropped", "hello\n\n", "hello\n"),
        TemplateCase("crlf normalised", "a\r\nb", "a\nb"),
        TemplateCase("variable", "Hi {{ name }}!", "Hi ada lovelace!"),
        TemplateCase("attribute", "{{ person.name }} {{ person.address.city }}", "Ada London"),
        TemplateCase("index access", "{{ person['name'] }} {{ xs[0] }} {{ xs[-1] }} {{ person.skills[1] }} {{ xs.1 }}", "Ada 1 3 sql 2"),
        TemplateCase("literals", "{{ 'a' }} {{ \"b\" }} {{ 42 }} {{ 2.5 }} {{ true }} {{ false }} {{ none }} {{ -3 }}", "a b 42 2.5 True False None -3"),
        TemplateCase("list literal", "{{ [1, 'a', none, true, 1.5, [2]] }}", "[1, 'a', None, True, 1.5, [2]]"),
        TemplateCase("dict printed as python", "{{ d }}", "{'b': 1, 'a': \"x'y\"}"),
        TemplateCase("string escapes", "{{ 'tab\\there' }}|{{ \"q\\\"\" }}|{{ 'it''s' }}", "tab\there|q\"|its"),
        TemplateCase("upper lower title", "{{ name | upper }} {{ 'MiXeD' | lower }} {{ 'hello-world foo(bar) x[y' | title }}", "ADA LOVELACE mixed Hello-World Foo(Bar) X[Y"),
        TemplateCase("capitalize", "{{ 'hELLO wORLD' | capitalize }}", "Hello world"),
        TemplateCase("trim", "[{{ '  a b  ' | trim }}][{{ 'xxaxx' | trim('x') }}]", "[a b][a]"),
        TemplateCase("length", "{{ xs | length }} {{ name | length }} {{ d | length }} {{ u | length }} {{ xs | count }}", "3 12 2 3 3"),
        TemplateCase("join", "{{ xs | join(', ') }}|{{ person.skills | join }}|{{ d | join('-') }}", "1, 2, 3|swiftsql|b-a"),
        TemplateCase("replace", "{{ 'a-b-c' | replace('-', '+') }} {{ 'a-b-c' | replace('-', '+', 1) }} {{ 'abc' | replace('', '.') }}", "a+b+c a+b-c .a.b.c."),
        TemplateCase("truncate defaults", "{{ long | truncate(9) }}|{{ long | truncate(9, true) }}|{{ long | truncate(12, end='…') }}|{{ 'short' | truncate(3) }}", "aaa...|aaa bb...|aaa bbb…|short"),
        TemplateCase("truncate leeway", "{{ 'aaaa bbbb' | truncate(5) }}|{{ 'aaaa bbbbbb' | truncate(5) }}|{{ 'aaaa bbbbbb' | truncate(5, leeway=0) }}", "aaaa bbbb|aa...|aa..."),
        TemplateCase("first last", "{{ xs | first }} {{ xs | last }} {{ name | first }} {{ d | first }}", "1 3 a b"),
        TemplateCase("tojson", "{{ d | tojson }} {{ person | tojson }} {{ '<a href=\"x\">&</a>' | tojson }} {{ u | tojson }}", "{\"a\": \"x\\u0027y\", \"b\": 1} {\"address\": {\"city\": \"London\"}, \"name\": \"Ada\", \"skills\": [\"swift\", \"sql\"]} \"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\" \"\\u00e9\\ud83d\\ude00x\""),
        TemplateCase("tojson indent", "{{ person | tojson(2) }}", "{\n  \"address\": {\n    \"city\": \"London\"\n  },\n  \"name\": \"Ada\",\n  \"skills\": [\n    \"swift\",\n    \"sql\"\n  ]\n}"),
        TemplateCase("tojson numbers", "{{ [1, 2.5, -0.5, 1e20, none, true] | tojson }}", "[1, 2.5, -0.5, 1e+20, null, true]"),
        TemplateCase("indent default", "{{ text | indent }}", "line one\n    line two\n\n    line four"),
        TemplateCase("indent first blank", "{{ text | indent(2, true) }}|{{ text | indent(2, true, true) }}|{{ text | indent('> ', blank=true) }}", "  line one\n  line two\n\n  line four|  line one\n  line two\n  \n  line four|line one\n> line two\n> \n> line four"),
        TemplateCase("default", "{{ missing | default('fallback') }}|{{ blank | default('e') }}|{{ blank | default('e', true) }}|{{ nothing | default('z') }}|{{ missing | d('dd') }}|{{ person.age | default(30) }}", "fallback||e|None|dd|30"),
        TemplateCase("filter chain", "{{ '  Mixed Case  ' | trim | lower | replace(' ', '_') }}", "mixed_case"),
        TemplateCase("string and int filters", "{{ 3 | string }}{{ '12' | int + 1 }} {{ 'x' | int }} {{ 'x' | int(5) }} {{ 2.7 | int }}", "313 0 5 2"),
        TemplateCase("if elif else", "{% if n > 10 %}big{% elif n > 5 %}medium{% else %}small{% endif %}", "medium"),
        TemplateCase("and or not", "{% if flag and not nothing %}A{% endif %}{% if nothing or blank %}B{% else %}C{% endif %}", "AC"),
        TemplateCase("and or values", "{{ flag and 'x' }}|{{ 0 or '' }}|{{ nothing or 'y' }}|{{ blank or 'z' }}", "x||y|z"),
        TemplateCase("comparisons", "{{ 1 == 1.0 }} {{ true == 1 }} {{ n != 7 }} {{ 'a' < 'b' }} {{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ f >= 2.5 }}", "True True False True True False True"),
        TemplateCase("in and not in", "{{ 'sw' in 'swift' }} {{ 2 in xs }} {{ 'a' in d }} {{ 'z' not in d }} {{ not 1 in xs }}", "True True True True False"),
        TemplateCase("tests", "{{ name is defined }} {{ missing is defined }} {{ missing is not defined }} {{ nothing is none }} {{ name is none }} {{ person.age is defined }} {{ missing is undefined }} {{ nothing is not none }}", "True False True True False False True False"),
        TemplateCase("type tests", "{{ name is string }} {{ n is number }} {{ d is mapping }} {{ xs is sequence }}", "True True True True"),
        TemplateCase("arithmetic", "{{ n + 1 }} {{ n - 10 }} {{ n * 2 }} {{ n / 2 }} {{ n // 2 }} {{ n % 3 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ f * 2 }} {{ 'a' ~ 1 ~ none }}", "8 -3 14 3.5 3 1 -4 2 5.0 a1None"),
        TemplateCase("conditional expression", "{{ 'yes' if flag else 'no' }}|{{ 'x' if nothing }}|{{ 'a' if n > 100 else 'b' if n > 5 else 'c' }}", "yes||b"),
        TemplateCase("for loop", "{% for x in xs %}{{ x }}{% endfor %}", "123"),
        TemplateCase("loop variables", "{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.length }}/{{ loop.revindex }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %} {% endfor %}", "1/0/3/3F 2/1/3/2 3/2/3/1L "),
        TemplateCase("loop else", "{% for x in empty %}{{ x }}{% else %}none{% endfor %}|{% for x in xs %}{{ x }}{% else %}none{% endfor %}", "none|123"),
        TemplateCase("loop over dict items", "{% for k, v in d.items() %}{{ k }}={{ v }}{% if not loop.last %}, {% endif %}{% endfor %}", "b=1, a=x'y"),
        TemplateCase("loop over dict keys and string", "{% for k in d %}{{ k }}{% endfor %} {% for c in 'abc' %}{{ c }}.{% endfor %}", "ba a.b.c."),
        TemplateCase("nested loops", "{% for a in [1, 2] %}{% for b in ['x', 'y'] %}{{ a }}{{ b }}{{ loop.index }} {% endfor %}{{ loop.index }};{% endfor %}", "1x1 1y2 1;2x1 2y2 2;"),
        TemplateCase("loop previtem nextitem", "{% for x in xs %}{{ loop.previtem | default('-') }}{{ x }}{{ loop.nextitem | default('-') }} {% endfor %}", "-12 123 23- "),
        TemplateCase("set", "{% set greeting = 'Hi ' ~ name %}{{ greeting }}", "Hi ada lovelace"),
        TemplateCase("set in loop is local", "{% set y = 0 %}{% for x in xs %}{% set y = x %}{{ y }}{% endfor %}{{ y }}", "1230"),
        TemplateCase("set unpack", "{% set a, b = [1, 2] %}{{ b }}{{ a }}", "21"),
        TemplateCase("methods", "{{ d.keys() | list }} {{ d.values() | list }} {{ d.get('a') }} {{ d.get('zz', 'dflt') }} {{ ' x '.strip() }} {{ 'abc'.upper() }} {{ 'a,b'.split(',') }} {{ 'a b  c'.split() }} {{ name.startswith('ada') }}", "['b', 'a'] [1, \"x'y\"] x'y dflt x ABC ['a', 'b'] ['a', 'b', 'c'] True"),
        TemplateCase("comment", "a{# comment #}b{# multi\nline #}c", "abc"),
        TemplateCase("newlines around blocks kept", "a\n{% if true %}\nb\n{% endif %}\nc\n", "a\n\nb\n\nc"),
        TemplateCase("loop newlines", "a\n{% for x in xs %}\n  {{ x }}\n{% endfor %}\nb\n", "a\n\n  1\n\n  2\n\n  3\n\nb"),
        TemplateCase("strip before block", "a   \n  {%- if true %}b{% endif %}", "ab"),
        TemplateCase("strip after block", "{% if true -%}   \n  b{% endif %}", "b"),
        TemplateCase("strip both sides", "  {%- if true -%}  \n  x  \n {%- endif %}  \n", "x  "),
        TemplateCase("strip variable", "a  {{- name -}}  b", "aada lovelaceb"),
        TemplateCase("strip comment", "a  \n{#- c -#}\n  b", "ab"),
        TemplateCase("strip loop", "<ul>\n{%- for x in xs %}\n  <li>{{ x }}</li>\n{%- endfor %}\n</ul>", "<ul>\n  <li>1</li>\n  <li>2</li>\n  <li>3</li>\n</ul>"),
        TemplateCase("strip loop both", "[\n{%- for x in xs -%}\n  {{ x }}{{ ',' if not loop.last }}\n{%- endfor -%}\n]", "[1,2,3]"),
        TemplateCase("plus modifier ignored", "a  {%+ if true +%}  b{% endif %}", "a    b"),
        TemplateCase("raw block", "{% raw %}{{ not evaluated }} {% if %}{% endraw %}", "{{ not evaluated }} {% if %}"),
        TemplateCase("raw block with strip", "x {%- raw -%}  {{ y }}  {%- endraw -%} z", "x{{ y }}z"),
        TemplateCase("string containing delimiters", "{{ '}}' }}{{ \"{% %}\" }}", "}}{% %}"),
        TemplateCase("adjacent string literals", "{{ 'a' 'b' }}", "ab"),
        TemplateCase("unicode", "{{ u }} {{ u | upper }} {{ u[1] }}", "é😀x É😀X 😀"),
        TemplateCase("python repr of bool and none in list", "{{ [flag, nothing] }} {{ [d] }}", "[True, None] [{'b': 1, 'a': \"x'y\"}]"),
        TemplateCase("float formatting", "{{ 0.1 }} {{ 1e20 }} {{ 1.0 }} {{ 1e-5 }} {{ 123456.789 }} {{ f }}", "0.1 1e+20 1.0 1e-05 123456.789 2.5"),
        TemplateCase("whitespace inside tags", "{{\n  name\n}}{%\nif true\n%}!{% endif %}", "ada lovelace!"),
        TemplateCase("parenthesised", "{{ (1 + 2) * 3 }} {{ not (flag and nothing) }}", "9 True"),
        TemplateCase("loop filter chain", "{% for s in person.skills | list %}{{ s | upper }}{{ ', ' if not loop.last }}{% endfor %}", "SWIFT, SQL"),
        TemplateCase("dict literal", "{{ {'k': 1, 'j': [2]} | tojson }}", "{\"j\": [2], \"k\": 1}"),
        TemplateCase("ws: strip inside loop lines", "Items:\n{% for x in xs -%}\n  - {{ x }}\n{% endfor -%}\nEnd", "Items:\n- 1\n- 2\n- 3\nEnd"),
        TemplateCase("ws: strip before else", "{% for x in empty %}{{ x }}\n{%- else %}\n  none\n{%- endfor %}!", "\n  none!"),
        TemplateCase("ws: if inline with newlines", "a\n  {% if flag %}yes{% endif %}  \nb", "a\n  yes  \nb"),
        TemplateCase("ws: set line", "{% set v = 3 %}\nvalue={{ v }}\n{%- set w = 4 %}\n{{ w }}", "\nvalue=3\n4"),
        TemplateCase("ws: comment lines", "one\n{# note #}\ntwo\n{#- note -#}\nthree", "one\n\ntwothree"),
        TemplateCase("ws: variable strip multiline", "x\n\n   {{- name }}\n\n   {{ name -}}\n\n y", "xada lovelace\n\n   ada lovelacey"),
        TemplateCase("ws: nested strip", "{%- for a in [1, 2] -%}\n  [{%- for b in xs -%} {{ a * b }} {%- endfor -%}]\n{%- endfor -%}", "[123][246]"),
        TemplateCase("ws: tabs and spaces", "\t {{- name -}} \t\n", "ada lovelace"),
        TemplateCase("ws: elif strip", "{% if n > 10 -%} big {%- elif n > 5 -%} mid {%- else -%} small {%- endif %}", "mid"),
        TemplateCase("ws: only tags", "{% if true %}{% endif %}\n{% if false %}x{% endif %}\n", "\n"),
        TemplateCase("ws: windows newlines in template", "a\r\n{%- if true %}\r\nb{% endif %}\r\n", "a\nb"),
        TemplateCase("loop of dicts", "{% for j in jobs %}{{ loop.index }}. {{ j.title }} at {{ j.company | default('unknown') }}{% if j.years is defined %} ({{ j.years }}y){% endif %}\n{% endfor %}", "1. Engineer at Acme (3y)\n2. Intern at unknown\n"),
        TemplateCase("loop revindex0 and length in else", "{% for x in xs %}{{ loop.revindex0 }}{% endfor %}", "210"),
        TemplateCase("title apostrophe and unicode", "{{ \"o'neil mcdonald-smith\" | title }} {{ 'élan ÉCOLE' | title }} {{ 'straße' | upper }}", "O'neil Mcdonald-Smith Élan École STRASSE"),
        TemplateCase("truncate unicode", "{{ 'ééééé ééééé ééééé ééééé' | truncate(10) }}|{{ 'abcdefghijklmnop' | truncate(8, true, '~') }}", "ééééé...|abcdefg~"),
        TemplateCase("indent crlf and width string", "{{ 'a\r\nb\rc' | indent('--') }}", "a\n--b\n--c"),
        TemplateCase("join mixed", "{{ [1, 'a', none, true, 2.5] | join('|') }}", "1|a|None|True|2.5"),
        TemplateCase("default boolean mode", "{{ false | default('f') }}|{{ false | default('f', true) }}|{{ 0 | default('z', true) }}|{{ [] | default('e', boolean=true) }}", "False|f|z|e"),
        TemplateCase("first on string and last on dict", "{{ 'xyz' | first }}{{ d | last }}", "xa"),
        TemplateCase("replace count zero", "{{ 'aaa' | replace('a', 'b', 0) }}|{{ 'aaa' | replace('a', 'bb', 2) }}", "aaa|bbbba"),
        TemplateCase("string ordering", "{{ 'B' < 'a' }} {{ 'é' > 'z' }} {{ [1, 2] < [1, 3] }}", "True True True"),
        TemplateCase("number json floats", "{{ ratio }} {{ big }} {{ ratio * 2 }} {{ big + 1 }}", "0.25 12345678901 0.5 12345678902"),
        TemplateCase("nested attribute in condition", "{% if person.address and person.address.city == 'London' %}uk{% endif %}", "uk"),
        TemplateCase("loop over nested list unpack", "{% for a, b in [[1, 'x'], [2, 'y']] %}{{ a }}{{ b }}{% endfor %}", "1x2y"),
        TemplateCase("not precedence", "{{ not flag or true }} {{ not (flag or true) }} {{ not 1 == 2 }}", "True False True"),
        TemplateCase("is not defined with and", "{% if missing is not defined and name is defined %}ok{% endif %}", "ok"),
        TemplateCase("concat precedence", "{{ 'n=' ~ (n + 1) }} {{ 1 ~ 2 + 3 ~ 4 }}", "n=8 1234"),
        TemplateCase("filter on literal list", "{{ ['b', 'a'] | first | upper }}{{ [3, 4] | last }}", "B4"),
        TemplateCase("loop length in nested", "{% for a in xs %}{% for b in empty %}{% else %}{{ loop.length }}{% endfor %}{% endfor %}", "333"),
        TemplateCase("empty template", "", ""),
        TemplateCase("items pairs are tuples", "{% for p in d.items() %}{{ p }}{{ p[0] }}{% endfor %} {{ d.items() | list | first | length }}", "('b', 1)b('a', \"x'y\")a 2"),
        TemplateCase("lone braces", "{ } }} %} #} {x}", "{ } }} %} #} {x}"),
    ]
}

@Suite struct TemplateEngineTests {
    @Test(arguments: TemplateCaseTable.cases)
    func rendersLikeJinja(_ testCase: TemplateCase) throws {
        let template = try Template(source: testCase.source, name: testCase.label)
        let context = try #require(TemplateCaseTable.context.objectValue)
        #expect(try template.render(context) == testCase.expected)
    }

    @Test func compiledTemplateRendersManyTimes() throws {
        let template = try Template(source: "{% for x in xs %}{{ x }}{% endfor %}", name: "t")
        #expect(try template.render(["xs": [1, 2]]) == "12")
        #expect(try template.render(["xs": ["a"]]) == "a")
    }
}
