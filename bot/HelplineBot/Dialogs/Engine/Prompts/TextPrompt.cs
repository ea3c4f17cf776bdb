namespace HelplineBot.Dialogs.Engine.Prompts;

/// <summary>Accepts any non-empty text within a length range (default 1–200 characters), trimmed.</summary>
public static class TextPrompt
{
    public static PromptOutcome Recognize(string? text, int? min, int? max)
    {
        var answer = text?.Trim() ?? string.Empty;
        if (answer.Length == 0 || answer.Length < (min ?? 1) || answer.Length > (max ?? 200)) return PromptOutcome.NotRecognized;
        return PromptOutcome.Recognized(answer);
    }
}
