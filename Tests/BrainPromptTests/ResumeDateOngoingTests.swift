import BrainPrompt
import Testing

/// The quick "is it ongoing" answer agrees with the full reader.
@Suite struct ResumeDateOngoingTests {
    @Test(arguments: [
        "Present", " present. ", "Current", "till date", "Heute", "atualmente", "2021-03", "Present 2024", "now1",
        "March 2020", "", "—", "To Present", "Presente", "٣ now", "Jan", "Spring 2019",
    ])
    func quickAnswerMatchesTheReader(_ text: String) {
        #expect(ResumeDate.isOngoing(text) == (ResumeDate.read(text) == .ongoing))
    }
}
