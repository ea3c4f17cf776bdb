namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// One search term of a question with its weight: 1 for the visitor's own word; for a synonym's
/// expansion the phrase's word count shared among the terms it expands to, so that "friend" read as
/// "loved one family" still counts as one word of the question, not three.
/// <see cref="Focus"/> is false for a word from the scene-setting part of a message: it helps ranking
/// but is left out of coverage (see <see cref="QuestionFocus"/>).
/// </summary>
public readonly record struct QueryTerm(string Term, double Weight, bool Focus = true)
{
    public override string ToString() => (Weight >= 1 ? Term : $"{Term}({Weight:0.##})") + (Focus ? "" : "~");
}
