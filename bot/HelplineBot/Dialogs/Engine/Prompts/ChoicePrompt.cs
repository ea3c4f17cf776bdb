using System.Globalization;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Text;

namespace HelplineBot.Dialogs.Engine.Prompts;

/// <summary>
/// Recognises one option of a choice: its number ("2", "#2", "option 2"), its label, value or an alias,
/// ignoring case and punctuation, then a label contained in the answer, then small typos.
/// </summary>
public static class ChoicePrompt
{
    /// <param name="strict">Only the number or a whole name counts (for text that reads as a question).</param>
    public static PromptOutcome Recognize(string? text, IReadOnlyList<FlowChoice> choices, Func<FlowChoice, string> label, bool strict = false)
    {
        var answer = Utterance.Normalize(text);
        if (answer.Length == 0) return PromptOutcome.NotRecognized;

        var number = answer.StartsWith("option ", StringComparison.Ordinal) ? answer["option ".Length..] : answer;
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return index >= 1 && index <= choices.Count ? Pick(choices[index - 1]) : PromptOutcome.NotRecognized;

        var names = choices
            .Select(choice => (Choice: choice, Names: Names(choice, label).ToArray()))
            .ToArray();

        var exact = names.Where(c => c.Names.Contains(answer)).Select(c => c.Choice).Distinct().ToArray();
        if (exact.Length == 1) return Pick(exact[0]);
        if (strict) return PromptOutcome.NotRecognized;

        var contained = names.Where(c => c.Names.Any(n => n.Length >= 3 && Utterance.ContainsPhrase(answer, n))).Select(c => c.Choice).Distinct().ToArray();
        if (contained.Length == 1) return Pick(contained[0]);

        // Typos: the closest name within about one edit per five letters, and only if no other option is as close.
        var scored = names
            .Select(c => (c.Choice, Distance: c.Names.Min(n => EditDistance.Within(answer, n, Limit(n)) - Limit(n))))
            .Where(c => c.Distance <= 0)
            .OrderBy(c => c.Distance)
            .ToArray();
        if (scored.Length == 1 || (scored.Length > 1 && scored[0].Distance < scored[1].Distance)) return Pick(scored[0].Choice);
        return PromptOutcome.NotRecognized;
    }

    private static int Limit(string name) => name.Length < 4 ? 0 : Math.Max(1, name.Length / 5);

    private static IEnumerable<string> Names(FlowChoice choice, Func<FlowChoice, string> label)
    {
        yield return Utterance.Normalize(label(choice));
        yield return Utterance.Normalize(choice.Value);
        foreach (var alias in choice.Aliases) yield return Utterance.Normalize(alias);
    }

    private static PromptOutcome Pick(FlowChoice choice) => PromptOutcome.Recognized(choice.Value, choice);
}
