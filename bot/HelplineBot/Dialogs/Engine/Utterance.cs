using System.Globalization;
using System.Text;

namespace HelplineBot.Dialogs.Engine;

/// <summary>Text as the engine compares it: lower case, no punctuation or accents, single spaces.</summary>
public static class Utterance
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '\u2019') continue; // "don't" and "dont" read the same
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }
        return builder.ToString().TrimEnd();
    }

    public static string[] Words(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="normalized"/> as whole words.</summary>
    public static bool ContainsPhrase(string normalized, string phrase) =>
        phrase.Length > 0 && $" {normalized} ".Contains($" {phrase} ", StringComparison.Ordinal);

    /// <summary>A question rather than an answer: ends with '?' or opens with a question word.</summary>
    public static bool LooksLikeQuestion(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return false;
        if (raw.TrimEnd().EndsWith('?')) return true;
        var words = Words(Normalize(raw));
        return words.Length >= 3 && words[0] is "what" or "whats" or "why" or "how" or "who" or "where" or "when" or "does" or "do" or "is" or "are" or "can" or "could" or "should" or "will";
    }
}
