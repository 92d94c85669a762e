import Foundation
import Testing

@testable import BrainExtract

@Suite struct RTFTests {
    private func text(_ rtf: String, limits: ExtractionLimits = .default) throws -> String {
        let result = try DocumentExtractor.extract(Data(rtf.utf8), limits: limits)
        #expect(result.format == .rtf)
        return result.text
    }

    private static let header = #"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fcharset204 Times Cyr;}{\f2\fcharset238 Arial CE;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\info{\title Secret title}{\author Someone}}"#

    @Test func paragraphsLinesAndTabs() throws {
        let rtf = Self.header + #"\pard Jane Doe\par Senior\line engineer\tab Oslo\par}"#
        #expect(try text(rtf) == "Jane Doe\nSenior\nengineer\tOslo")
    }

    @Test func unicodeEscapesSkipTheirFallback() throws {
        let rtf = Self.header + #"Zo\u235\'eb \uc2\u26481\'93\'fa\u20140\'a8\'ca x\uc0\u8364 5 {\uc1\u8212?}{\uc1\u-10179?\u-8704?}\par}"#
        #expect(try text(rtf) == "Zoë 東京 x€5 —😀")
    }

    @Test func hexBytesUseTheCodePage() throws {
        let rtf = Self.header + #"caf\'e9 \'93q\'94 \'80 {\f1 \'cf\'f0\'e8\'e2\'e5\'f2} {\f2 \'8a\'e8}\par}"#
        #expect(try text(rtf) == "café \u{201C}q\u{201D} € Привет Šč")
        let cyrillic = #"{\rtf1\ansi\ansicpg1251 \'cc\'e8\'f0}"#
        let result = try DocumentExtractor.extract(Data(cyrillic.utf8))
        #expect(result.text == "Мир")
        #expect(result.encoding == "windows-1251")
    }

    @Test func dosAndMacCodePages() throws {
        let dos = try DocumentExtractor.extract(Data(#"{\rtf1\pc caf\'82 \'9a\'81}"#.utf8))
        #expect(dos.text == "café Üü")
        #expect(dos.encoding == "ibm437")
        let mac = try DocumentExtractor.extract(Data(#"{\rtf1\mac caf\'8e \'d2q\'d3}"#.utf8))
        #expect(mac.text == "café \u{201C}q\u{201D}")
        #expect(mac.encoding == "macintosh")
    }

    @Test func ignorableAndSkippedDestinations() throws {
        let rtf = Self.header + #"{\*\generator Writer;}{\pict\pngblip 89504e47}{\header Page head\par}{\*\unknownthing junk}{\object{\*\objdata 0102}{\result kept}} body\par}"#
        #expect(try text(rtf) == "kept body")
    }

    @Test func fieldsKeepOnlyTheirResult() throws {
        let rtf = Self.header + #"Mail {\field{\*\fldinst HYPERLINK "mailto:a@b.c"}{\fldrslt a@b.c}} now\par}"#
        #expect(try text(rtf) == "Mail a@b.c now")
    }

    @Test func tablesCellsAndRows() throws {
        let rtf = Self.header + #"\trowd\cellx1000\cellx2000 Skill\cell Years\cell\row Swift\cell 5\cell\row after\par}"#
        #expect(try text(rtf) == "Skill\tYears\nSwift\t5\nafter")
    }

    @Test func specialSymbols() throws {
        let rtf = Self.header + #"a\~b non\_breaking opt\-ional \{braces\} back\\slash \emdash \bullet \ldblquote q\rdblquote\par}"#
        #expect(try text(rtf) == "a\u{00A0}b non\u{2011}breaking optional {braces} back\\slash \u{2014}\u{2022}\u{201C}q\u{201D}")
    }

    @Test func hiddenTextIsSkipped() throws {
        #expect(try text(Self.header + #"shown {\v secret}\v more\v0 end\par}"#) == "shown end")
    }

    @Test func binaryDataIsSkipped() throws {
        let rtf = Self.header + "a{\\pict\\bin6 }{\\}\\b} b\\par}"
        #expect(try text(rtf) == "a b")
    }

    @Test func defaultFontCharsetAndPageCount() throws {
        let rtf = #"{\rtf1\ansi\deff0{\fonttbl{\f0\fcharset204 Times Cyr;}{\f1\fcharset0 Arial;}}{\info{\nofpages2}}\'cc\'e8\'f0 {\f1 caf\'e9} \plain \'cc\par}"#
        let result = try DocumentExtractor.extract(Data(rtf.utf8))
        #expect(result.text == "Мир café М")
        #expect(result.pageCount == 2)
    }

    @Test func oldStyleNumberingShowsOnlyTheRenderedText() throws {
        let rtf = Self.header + #"{\pntext\f0 1.\tab}{\*\pn\pnlvlbody\pndec{\pntxta .}}{\pn\pnlvlblt{\pntxtb \'b7}}Item\par}"#
        #expect(try text(rtf) == "1.\tItem")
    }

    @Test func deepNestingHitsTheDepthLimit() {
        let rtf = "{\\rtf1 " + String(repeating: "{", count: 10_000) + "x"
        #expect(throws: ExtractionError.limitExceeded(what: "RTF group nesting depth", limit: 64)) { try text(rtf) }
    }

    @Test func unbalancedGroupsStillGiveText() throws {
        #expect(try text(#"{\rtf1\ansi hello}} world}}"#) == "hello world")
        #expect(try text(#"{\rtf1\ansi {\b open"#) == "open")
        #expect(try text(#"{\rtf1 \'zz\'4"#) == "zz4")
    }

    @Test func corpusDocumentsMatchTheReference() throws {
        guard CorpusFiles.available else { return }
        for name in CorpusFiles.devFiles(extensions: ["rtf"]) {
            let result = try DocumentExtractor.extract(try CorpusFiles.dev(name))
            let reference = try CorpusFiles.reference(name, tool: "libreoffice")
            #expect(TokenF1.score(result.text, reference) >= 0.98, "\(name)")
        }
    }
}
