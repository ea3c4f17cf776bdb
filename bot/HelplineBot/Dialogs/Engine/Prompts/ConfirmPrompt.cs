namespace HelplineBot.Dialogs.Engine.Prompts;

/// <summary>
/// Recognises yes or no ("yeah", "sure", "no voicemail please", "1"/"2" for the Yes/No buttons). An answer
/// that says both, or neither, is not recognised.
/// </summary>
public static class ConfirmPrompt
{
    public const string Yes = "yes";
    public const string No = "no";

    private static readonly string[] YesPhrases =
        ["yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "of course", "please do", "fine", "that s fine",
         "correct", "right", "absolutely", "definitely", "go ahead", "si", "it is", "i do", "it was", "helpful", "1"];

    private static readonly string[] NoPhrases =
        ["no", "n", "nope", "nah", "dont", "do not", "never", "no thanks", "no thank you", "rather not", "it isnt",
         "isnt", "wasnt", "not really", "2"];

    private static readonly string[] UnsurePhrases = ["dont know", "do not know", "not sure", "idk", "unsure", "maybe", "dunno"];

    /// <param name="strict">Only a whole-message yes or no counts (for text that reads as a question).</param>
    public static PromptOutcome Recognize(string? text, bool strict = false)
    {
        var answer = Utterance.Normalize(text);
        if (answer.Length == 0 || UnsurePhrases.Any(p => Utterance.ContainsPhrase(answer, p))) return PromptOutcome.NotRecognized;
        if (strict)
        {
            if (YesPhrases.Contains(answer)) return PromptOutcome.Recognized(Yes);
            return NoPhrases.Contains(answer) ? PromptOutcome.Recognized(No) : PromptOutcome.NotRecognized;
        }
        var saysNo = NoPhrases.Any(p => Utterance.ContainsPhrase(answer, p));
        var saysYes = YesPhrases.Any(p => Utterance.ContainsPhrase(answer, p));
        if (saysNo && (!saysYes || Utterance.Words(answer)[0] is "no" or "nope" or "nah")) return PromptOutcome.Recognized(No);
        if (saysYes && !saysNo) return PromptOutcome.Recognized(Yes);
        return PromptOutcome.NotRecognized;
    }
}
