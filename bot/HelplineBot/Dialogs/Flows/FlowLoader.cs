using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// Reads flow files into <see cref="FlowDefinition"/> records, keeping line numbers so a broken file
/// is reported as "file:line: what is wrong". Structural checks only; <see cref="FlowValidator"/> checks
/// the references between flows, steps and messages.
/// </summary>
public static class FlowLoader
{
    private static readonly HashSet<string> StepKeys =
        ["id", "type", "message", "retry", "topic", "action", "save", "next", "yes", "no", "onFail", "choices", "maxAttempts", "min", "max"];

    public static FlowDefinition? Parse(string displayName, string yaml, List<FlowError> errors)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new FlowError(displayName, 1, "a flow file must be a mapping with 'id' and 'steps'"));
                return null;
            }
            root = mapping;
        }
        catch (YamlException ex)
        {
            errors.Add(new FlowError(displayName, LineOf(ex.Start), $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        var id = Scalar(root, "id", displayName, errors, required: true);
        var triggers = Strings(root, "triggers", displayName, errors);
        var steps = new List<FlowStep>();
        if (Child(root, "steps") is YamlSequenceNode sequence)
        {
            foreach (var node in sequence.Children)
            {
                if (node is YamlMappingNode stepNode) { if (ParseStep(stepNode, displayName, errors) is { } step) steps.Add(step); }
                else errors.Add(new FlowError(displayName, LineOf(node.Start), "a step must be a mapping"));
            }
        }
        if (steps.Count == 0) errors.Add(new FlowError(displayName, LineOf(root.Start), "the flow has no steps"));
        return id is null ? null : new FlowDefinition(id, displayName, LineOf(root.Start), triggers, steps);
    }

    private static FlowStep? ParseStep(YamlMappingNode node, string file, List<FlowError> errors)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!StepKeys.Contains(key.Value ?? "")) errors.Add(new FlowError(file, LineOf(key.Start), $"unknown step key '{key.Value}'"));
        }
        var id = Scalar(node, "id", file, errors, required: true);
        var typeText = Scalar(node, "type", file, errors, required: true);
        if (id is null || typeText is null) return null;
        if (!Enum.TryParse<StepType>(typeText, ignoreCase: true, out var type) || int.TryParse(typeText, out _))
        {
            var names = string.Join(", ", Enum.GetNames<StepType>().Select(n => n.ToLowerInvariant()));
            errors.Add(new FlowError(file, LineOf(Child(node, "type")!.Start), $"step '{id}' has unknown type '{typeText}' (known: {names})"));
            return null;
        }

        var choices = new List<FlowChoice>();
        if (Child(node, "choices") is YamlSequenceNode choiceNodes)
        {
            foreach (var choiceNode in choiceNodes.Children.OfType<YamlMappingNode>())
            {
                var label = Scalar(choiceNode, "label", file, errors, required: true);
                if (label is null) continue;
                choices.Add(new FlowChoice(
                    label,
                    Scalar(choiceNode, "value", file, errors) ?? label,
                    Strings(choiceNode, "aliases", file, errors),
                    Target(choiceNode, "next", file, errors),
                    LineOf(choiceNode.Start)));
            }
        }

        return new FlowStep
        {
            Id = id,
            Type = type,
            Line = LineOf(node.Start),
            Message = Scalar(node, "message", file, errors),
            Retry = Scalar(node, "retry", file, errors),
            Topic = Scalar(node, "topic", file, errors),
            Action = Scalar(node, "action", file, errors),
            Save = Scalar(node, "save", file, errors),
            Next = Target(node, "next", file, errors),
            Yes = Target(node, "yes", file, errors),
            No = Target(node, "no", file, errors),
            OnFail = Target(node, "onFail", file, errors),
            Choices = choices,
            MaxAttempts = Number(node, "maxAttempts", file, errors),
            Min = Number(node, "min", file, errors),
            Max = Number(node, "max", file, errors),
        };
    }

    internal static int LineOf(Mark mark) => (int)Math.Min(int.MaxValue, mark.Line);

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key, string file, List<FlowError> errors, bool required = false)
    {
        switch (Child(node, key))
        {
            case YamlScalarNode { Value: { Length: > 0 } value }:
                return value;
            case null when !required:
                return null;
            case null:
                errors.Add(new FlowError(file, LineOf(node.Start), $"'{key}' is missing"));
                return null;
            case var other:
                errors.Add(new FlowError(file, LineOf(other.Start), $"'{key}' must be a single value"));
                return null;
        }
    }

    private static FlowTarget? Target(YamlMappingNode node, string key, string file, List<FlowError> errors) =>
        Scalar(node, key, file, errors) is { } text ? FlowTarget.Parse(text, LineOf(Child(node, key)!.Start)) : null;

    private static int? Number(YamlMappingNode node, string key, string file, List<FlowError> errors)
    {
        if (Scalar(node, key, file, errors) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new FlowError(file, LineOf(Child(node, key)!.Start), $"'{key}' must be a whole number"));
        return null;
    }

    private static IReadOnlyList<string> Strings(YamlMappingNode node, string key, string file, List<FlowError> errors)
    {
        switch (Child(node, key))
        {
            case null:
                return [];
            case YamlSequenceNode list:
                return list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();
            case var other:
                errors.Add(new FlowError(file, LineOf(other.Start), $"'{key}' must be a list"));
                return [];
        }
    }
}
