using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// Every sentence the bot says, by id (knowledge/messages/{language}.yaml, key <c>messages</c>), and the
/// words that trigger global commands (key <c>commands</c>). Placeholders: <c>{helpline.name}</c>,
/// <c>{helpline.phone}</c>, <c>{helpline.hours}</c>; <c>{value.KEY}</c> (an answer of the current flow) in
/// flow messages; the runtime values a <see cref="RequiredMessage"/> declares in that message. The
/// <see cref="FlowValidator"/> checks which message may use which.
/// </summary>
public sealed partial class MessageCatalog
{
    private readonly Dictionary<string, string> _messages;
    private readonly Dictionary<string, int> _lines;

    private MessageCatalog(Dictionary<string, string> messages, Dictionary<string, int> lines, Dictionary<string, IReadOnlyList<string>> commands)
    {
        _messages = messages;
        _lines = lines;
        Commands = commands;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; }

    public bool Contains(string id) => _messages.ContainsKey(id);

    public IReadOnlyCollection<string> Ids => _messages.Keys;

    /// <summary>The line of the message's text in its file (for errors), 0 when unknown.</summary>
    public int LineOf(string id) => _lines.GetValueOrDefault(id);

    /// <summary>The placeholder names a message uses, without braces.</summary>
    public IEnumerable<string> PlaceholdersIn(string id) => Placeholder().Matches(Get(id)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    /// <summary>The raw text of a message; throws for an unknown id (the validator makes that a start-up error).</summary>
    public string Get(string id) =>
        _messages.TryGetValue(id, out var text) ? text : throw new KeyNotFoundException($"Message '{id}' is not defined.");

    public static MessageCatalog Parse(string displayName, string yaml, List<FlowError> errors)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var commands = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
            if (root is null || FlowLoader.Child(root, "messages") is not YamlMappingNode messageNodes)
            {
                errors.Add(new FlowError(displayName, 1, "a messages file needs a 'messages' mapping of id: text"));
                return new MessageCatalog(messages, lines, commands);
            }
            foreach (var (key, value) in messageNodes.Children)
            {
                var id = ((YamlScalarNode)key).Value ?? "";
                if (value is not YamlScalarNode { Value: { Length: > 0 } text })
                {
                    errors.Add(new FlowError(displayName, FlowLoader.LineOf(key.Start), $"message '{id}' must be non-empty text"));
                    continue;
                }
                messages[id] = text.Trim();
                lines[id] = FlowLoader.LineOf(value.Start);
            }
            if (FlowLoader.Child(root, "commands") is YamlMappingNode commandNodes)
            {
                foreach (var (key, value) in commandNodes.Children)
                {
                    commands[((YamlScalarNode)key).Value ?? ""] = value is YamlSequenceNode list
                        ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList()
                        : [];
                }
            }
        }
        catch (YamlException ex)
        {
            errors.Add(new FlowError(displayName, FlowLoader.LineOf(ex.Start), $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
        }
        return new MessageCatalog(messages, lines, commands);
    }

    /// <summary>Fills placeholders; <paramref name="lookup"/> answers the names the catalog does not know.</summary>
    public string Format(string id, Func<string, string?> lookup) =>
        Placeholder().Replace(Get(id), match => lookup(match.Groups[1].Value) ?? "");

    [GeneratedRegex(@"\{([a-zA-Z0-9_.-]+)\}")]
    private static partial Regex Placeholder();
}
