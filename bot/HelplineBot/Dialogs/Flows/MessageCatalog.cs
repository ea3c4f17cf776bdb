using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// Every sentence the bot says, by id (knowledge/messages/{language}.yaml, key <c>messages</c>), and the
/// words that trigger global commands (key <c>commands</c>). Placeholders: <c>{helpline.name}</c>,
/// <c>{helpline.phone}</c>, <c>{helpline.hours}</c> and <c>{value.KEY}</c> (an answer of the current flow).
/// </summary>
public sealed partial class MessageCatalog
{
    private static readonly HashSet<string> KnownPlaceholders = ["helpline.name", "helpline.phone", "helpline.hours"];

    private readonly Dictionary<string, string> _messages;

    private MessageCatalog(Dictionary<string, string> messages, Dictionary<string, IReadOnlyList<string>> commands)
    {
        _messages = messages;
        Commands = commands;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; }

    public bool Contains(string id) => _messages.ContainsKey(id);

    /// <summary>The raw text of a message; throws for an unknown id (the validator makes that a start-up error).</summary>
    public string Get(string id) =>
        _messages.TryGetValue(id, out var text) ? text : throw new KeyNotFoundException($"Message '{id}' is not defined.");

    public static MessageCatalog Parse(string displayName, string yaml, List<FlowError> errors)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
            if (root is null || FlowLoader.Child(root, "messages") is not YamlMappingNode messageNodes)
            {
                errors.Add(new FlowError(displayName, 1, "a messages file needs a 'messages' mapping of id: text"));
                return new MessageCatalog(messages, commands);
            }
            foreach (var (key, value) in messageNodes.Children)
            {
                var id = ((YamlScalarNode)key).Value ?? "";
                if (value is not YamlScalarNode { Value: { Length: > 0 } text })
                {
                    errors.Add(new FlowError(displayName, FlowLoader.LineOf(key.Start), $"message '{id}' must be non-empty text"));
                    continue;
                }
                foreach (Match match in Placeholder().Matches(text))
                {
                    var name = match.Groups[1].Value;
                    if (!KnownPlaceholders.Contains(name) && !name.StartsWith("value.", StringComparison.Ordinal))
                        errors.Add(new FlowError(displayName, FlowLoader.LineOf(value.Start), $"message '{id}' uses unknown placeholder '{{{name}}}'"));
                }
                messages[id] = text.Trim();
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
        return new MessageCatalog(messages, commands);
    }

    /// <summary>Fills placeholders; <paramref name="lookup"/> answers the names the catalog does not know.</summary>
    public string Format(string id, Func<string, string?> lookup) =>
        Placeholder().Replace(Get(id), match => lookup(match.Groups[1].Value) ?? "");

    [GeneratedRegex(@"\{([a-zA-Z0-9_.-]+)\}")]
    private static partial Regex Placeholder();
}
