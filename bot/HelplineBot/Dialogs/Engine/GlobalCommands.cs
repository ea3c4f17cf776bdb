using HelplineBot.Dialogs.Flows;

namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// Recognises global commands from the words listed under <c>commands</c> in the messages file. Menu,
/// help, restart, stop and greetings must be the whole message (politeness words aside), so "how do I
/// stop using" stays a question. A request for a person and a goodbye may sit inside a short message
/// ("agent pls", "ok thanks bye") but not in a question ("what does an advisor do?").
/// </summary>
public static class GlobalCommands
{
    public static readonly IReadOnlyList<string> Names = ["menu", "help", "restart", "stop", "person", "goodbye", "greeting"];

    private static readonly HashSet<string> Filler = ["please", "pls", "plz", "ok", "okay", "now", "just", "the", "again"];
    private const int MaxWordsForPhraseInside = 8;

    public static GlobalCommand Recognize(string? text, MessageCatalog messages)
    {
        var normalized = Utterance.Normalize(text);
        if (normalized.Length == 0) return GlobalCommand.None;
        var words = Utterance.Words(normalized);
        var core = string.Join(' ', words.Where(w => !Filler.Contains(w)));

        foreach (var (name, command) in Exact)
        {
            if (Phrases(messages, name).Any(p => p == normalized || p == core)) return command;
        }

        if (words.Length > MaxWordsForPhraseInside || Utterance.LooksLikeQuestion(text)) return GlobalCommand.None;
        if (Phrases(messages, "person").Any(p => Utterance.ContainsPhrase(normalized, p))) return GlobalCommand.Person;
        if (Phrases(messages, "goodbye").Any(p => Utterance.ContainsPhrase(normalized, p))) return GlobalCommand.Goodbye;
        return GlobalCommand.None;
    }

    private static readonly (string Name, GlobalCommand Command)[] Exact =
    [
        ("menu", GlobalCommand.Menu), ("help", GlobalCommand.Help), ("restart", GlobalCommand.Restart),
        ("stop", GlobalCommand.Stop), ("greeting", GlobalCommand.Greeting), ("person", GlobalCommand.Person),
        ("goodbye", GlobalCommand.Goodbye),
    ];

    private static IEnumerable<string> Phrases(MessageCatalog messages, string name) =>
        messages.Commands.TryGetValue(name, out var phrases) ? phrases.Select(Utterance.Normalize) : [];
}
