import BrainPrompt
import Testing

@Suite struct OutputDateTests {
    @Test(arguments: [
        ("2020", "2020"), ("2020-01", "2020-01"), ("2020-01-15", "2020-01-15"),
        ("Jan 2020", "2020-01"), ("January 2020", "2020-01"), ("jan. 2020", "2020-01"), ("JAN, 2020", "2020-01"),
        ("Sept 2015", "2015-09"), ("Sep-2015", "2015-09"), ("May 2017", "2017-05"),
        ("01/2020", "2020-01"), ("1/2020", "2020-01"), ("01-2020", "2020-01"), ("01.2020", "2020-01"),
        ("2020-1", "2020-01"), ("2020/01", "2020-01"), ("2020.1", "2020-01"),
        ("2020/01/15", "2020-01-15"), ("2020-1-5", "2020-01-05"), ("2020.01.15", "2020-01-15"),
        ("15 Jan 2020", "2020-01-15"), ("15th of January 2020", "2020-01-15"),
        ("Jan 15, 2020", "2020-01-15"), ("January 15 2020", "2020-01-15"),
        ("2020-01-15T09:30:00Z", "2020-01-15"), ("2020-01-15T09:30:00+02:00", "2020-01-15"),
        ("25/12/2019", "2019-12-25"), ("12/25/2019", "2019-12-25"), ("05/05/2019", "2019-05-05"),
        ("  March 2021 ", "2021-03"), ("März 2021", "2021-03"), ("Février 2018", "2018-02"), ("octubre 2016", "2016-10"),
    ])
    func readsDates(raw: String, expected: String) {
        #expect(ResumeDate.read(raw) == .date(expected, note: nil))
    }

    @Test(arguments: [
        ("03/04/2020", "2020", "day and month order is ambiguous, kept the year"),
        ("Summer 2019", "2019", "season dropped"),
    ])
    func dropsPrecisionItCannotKnow(raw: String, expected: String, note: String) {
        #expect(ResumeDate.read(raw) == .date(expected, note: note))
    }

    @Test(arguments: ["Present", "present", "Current", "currently", "Now", "Till Date", "to date", "ongoing", "Today."])
    func ongoingWords(raw: String) {
        #expect(ResumeDate.read(raw) == .ongoing)
    }

    @Test(arguments: [
        "", "soon", "Jan '20", "01/20", "2020-13", "2019-02-29", "31/02/2020", "13/13/2020", "2019 - 2021", "Q3 2020",
        "0999", "3001", "12345", "Jan", "2020 January 15 extra", "99999999999999999999/2020",
    ])
    func leavesWhatItCannotRead(raw: String) {
        #expect(ResumeDate.read(raw) == .unrecognized)
    }
}
