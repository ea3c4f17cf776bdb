using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelplineBot.Safety;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Eval;

/// <summary>
/// <c>safety FILE [--json OUT]</c>: screens every message of a JSON Lines file shaped like
/// shared/eval-dev/messages.jsonl (<c>{"id", "text", "label"}</c>) with the bot's own <see cref="SafetyScreen"/>,
/// built through <c>AddSafety()</c> from the bot's configuration, and prints the figures of issue 5 §5.
/// </summary>
internal static class SafetyEvaluation
{
    private const int TimedPasses = 7;
    private static readonly Dictionary<string, SafetyCategory> NoneLabels = new(StringComparer.Ordinal)
    {
        ["question"] = SafetyCategory.None,
        ["smalltalk"] = SafetyCategory.None,
        ["other"] = SafetyCategory.None,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length is not (1 or 3) || args.Length == 3 && args[1] != "--json")
        {
            await Console.Error.WriteLineAsync("usage: HelplineBot.Eval safety FILE [--json OUT]");
            return 2;
        }

        List<LabelledMessage> messages;
        try
        {
            messages = await ReadAsync(args[0], cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"cannot read {args[0]}: {ex.Message}");
            return 2;
        }

        using var services = BuildServices();
        SafetyScreen screen;
        try
        {
            screen = services.GetRequiredService<SafetyScreen>();
        }
        catch (SafetyRulesException ex)
        {
            await Console.Error.WriteLineAsync($"safety rules: {ex.Message}");
            return 2;
        }
        var (verdicts, timings) = ScreenAll(screen, messages);
        var metrics = new SafetyMetrics(messages.Select((m, i) => (m.Gold, verdicts[i].Category)).ToList());
        var p99 = SafetyMetrics.Percentile99(timings);

        await WriteReportAsync(output, screen.Rules.Normalizer, messages, verdicts, metrics, p99);
        if (args.Length == 3)
        {
            await File.WriteAllTextAsync(args[2], ToJson(messages, verdicts, metrics, p99), cancellationToken);
            await output.WriteLineAsync($"JSON written to {args[2]}");
        }
        return 0;
    }

    /// <summary>The same registration the bot uses, with the bot's appsettings.json and environment overrides.</summary>
    internal static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSafety();
        return services.BuildServiceProvider();
    }

    internal static async Task<List<LabelledMessage>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var messages = new List<LabelledMessage>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = root.TryGetProperty("id", out var idValue) ? idValue.GetString() : null;
            var text = root.TryGetProperty("text", out var textValue) ? textValue.GetString() : null;
            var label = root.TryGetProperty("label", out var labelValue) ? labelValue.GetString() : null;
            if (id is null || text is null || label is null) throw new InvalidDataException($"line {lineNumber}: id, text and label are required");
            if (!NoneLabels.TryGetValue(label, out var gold) && !SafetyLabels.TryParse(label, out gold))
            {
                throw new InvalidDataException($"line {lineNumber}: unknown label \"{label}\"");
            }
            messages.Add(new LabelledMessage(id, text, label, gold));
        }
        return messages;
    }

    /// <summary>
    /// Screens every message once (warm-up and verdicts), then times it <see cref="TimedPasses"/> more times and keeps
    /// each message's median: the p99 is then over messages, not over the moments the shared machine paused us.
    /// </summary>
    private static (SafetyVerdict[] Verdicts, List<double> Timings) ScreenAll(SafetyScreen screen, List<LabelledMessage> messages)
    {
        var verdicts = messages.Select(m => screen.Screen(m.Text)).ToArray();
        var runs = messages.Select(_ => new double[TimedPasses]).ToArray();
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                screen.Screen(messages[i].Text);
                runs[i][pass] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        return (verdicts, runs.Select(r => r.Order().ElementAt(TimedPasses / 2)).ToList());
    }

    private static async Task WriteReportAsync(TextWriter output, TextNormalizer normalizer, List<LabelledMessage> messages, SafetyVerdict[] verdicts, SafetyMetrics metrics, double p99)
    {
        var labels = Enum.GetValues<SafetyCategory>().OrderBy(c => SafetyLabels.All.ToList().IndexOf(c.ToLabel())).ToArray();
        await output.WriteLineAsync($"Safety screen: {metrics.Count} messages");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"label",-26}{"precision",10}{"recall",10}{"support",10}{"predicted",11}");
        foreach (var label in labels)
        {
            await output.WriteLineAsync(
                $"{label.ToLabel(),-26}{Format(metrics.Precision(label)),10}{Format(metrics.Recall(label)),10}{metrics.Support(label),10}{metrics.PredictedCount(label),11}");
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync($"crisis recall (any crisis as any crisis): {metrics.CrisisRecall:F3}   aim >= 0.98");
        await output.WriteLineAsync($"human-request recall:                     {metrics.HumanRequestRecall:F3}   aim >= 0.95");
        await output.WriteLineAsync($"false positives on non-crisis:            {metrics.FalsePositiveRate:F3}   aim <= 0.03");
        await output.WriteLineAsync($"p99 per message (median of {TimedPasses} runs):   {p99:F4} ms  aim < 0.5 ms");
        await output.WriteLineAsync();

        await output.WriteLineAsync("confusion matrix (rows: gold, columns: predicted)");
        await output.WriteLineAsync($"{"",-26}" + string.Concat(labels.Select(l => $"{Abbreviate(l),7}")));
        foreach (var gold in labels)
        {
            await output.WriteLineAsync($"{gold.ToLabel(),-26}" + string.Concat(labels.Select(p => $"{metrics.Confusion(gold, p),7}")));
        }
        await output.WriteLineAsync();

        var wrong = messages.Select((m, i) => (Message: m, Verdict: verdicts[i])).Where(x => x.Message.Gold != x.Verdict.Category).ToList();
        await output.WriteLineAsync($"misclassified: {wrong.Count}");
        foreach (var (message, verdict) in wrong)
        {
            var rules = string.Join(", ", verdict.Evidence.Select(e => e.Counts ? e.RuleId : $"{e.RuleId} set aside by {e.SetAsideBy}").Distinct());
            await output.WriteLineAsync($"  {message.Id}  gold {message.Label} → {verdict.Label} ({verdict.Confidence:F2})  \"{message.Text}\"{(rules.Length > 0 ? "  [" + rules + "]" : "")}");
            await output.WriteLineAsync($"      read as \"{normalizer.Normalize(message.Text).Trim()}\"");
        }
    }

    private static string ToJson(List<LabelledMessage> messages, SafetyVerdict[] verdicts, SafetyMetrics metrics, double p99)
    {
        var results = new JsonArray();
        for (var i = 0; i < messages.Count; i++)
        {
            results.Add(new JsonObject
            {
                ["id"] = messages[i].Id,
                ["predicted"] = verdicts[i].Label,
                ["confidence"] = verdicts[i].Confidence,
            });
        }
        var root = new JsonObject
        {
            ["messages"] = messages.Count,
            ["crisis_recall"] = Math.Round(metrics.CrisisRecall, 4),
            ["human_request_recall"] = Math.Round(metrics.HumanRequestRecall, 4),
            ["false_positive_rate"] = Math.Round(metrics.FalsePositiveRate, 4),
            ["p99_ms"] = Math.Round(p99, 4),
            ["results"] = results,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Abbreviate(SafetyCategory category) => category switch
    {
        SafetyCategory.CrisisSuicide => "suic",
        SafetyCategory.CrisisSelfHarm => "self",
        SafetyCategory.CrisisOverdoseMedical => "med",
        SafetyCategory.CrisisHarmToOthers => "other",
        SafetyCategory.CrisisAbuseDanger => "abuse",
        SafetyCategory.HumanRequest => "human",
        _ => "none",
    };

    internal sealed record LabelledMessage(string Id, string Text, string Label, SafetyCategory Gold);
}
