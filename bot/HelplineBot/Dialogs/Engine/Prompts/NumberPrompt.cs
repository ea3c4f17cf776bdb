using System.Globalization;
using System.Text.RegularExpressions;

namespace HelplineBot.Dialogs.Engine.Prompts;

/// <summary>Recognises one whole number, in digits or words up to twenty, within optional bounds.</summary>
public static partial class NumberPrompt
{
    private static readonly string[] Words =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    public static PromptOutcome Recognize(string? text, int? min, int? max)
    {
        var answer = Utterance.Normalize(text);
        var digits = Digits().Matches(answer);
        int? value = digits.Count == 1 && int.TryParse(digits[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
        if (digits.Count == 0)
        {
            var spelled = Utterance.Words(answer).Select(w => Array.IndexOf(Words, w)).Where(i => i >= 0).ToArray();
            if (spelled.Length == 1) value = spelled[0];
        }
        if (value is not { } number) return PromptOutcome.NotRecognized;
        if (number < (min ?? int.MinValue) || number > (max ?? int.MaxValue)) return PromptOutcome.NotRecognized;
        return PromptOutcome.Recognized(number.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\b\d{1,9}\b")]
    private static partial Regex Digits();
}
