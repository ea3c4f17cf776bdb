using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HelplineBot.Hosting;
using HelplineBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelplineBot.Eval;

/// <summary>
/// `knowledge FILE [--json OUT]` (issue 4 §7): answers every question of a knowledge.jsonl file through
/// <see cref="IAnswerer"/>, the same service a visitor's message reaches, and reports the expected-fact
/// rate, the decline rate on unanswerable questions, must_not violations and answer times.
/// </summary>
internal static class KnowledgeEvaluation
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: knowledge FILE [--json OUT] [--rounds N (timed rounds, default 5)]");
            return 2;
        }
        var file = args[0];
        var jsonIndex = Array.IndexOf(args, "--json");
        var jsonOut = jsonIndex >= 0 && jsonIndex + 1 < args.Length ? args[jsonIndex + 1] : null;
        var roundsIndex = Array.IndexOf(args, "--rounds");
        var rounds = roundsIndex >= 0 && roundsIndex + 1 < args.Length && int.TryParse(args[roundsIndex + 1], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 5;

        var questions = (await File.ReadAllLinesAsync(file, cancellationToken))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<LabelledQuestion>(line, ReadOptions) ?? throw new InvalidDataException("empty line in " + file))
            .ToList();

        await using var services = BuildServices();
        var answerer = services.GetRequiredService<IAnswerer>();
        var helpline = services.GetRequiredService<IOptions<HelplineOptions>>().Value;
        var generator = services.GetRequiredService<IAnswerGenerator>();

        // Warm-up pass (JIT, regex and index caches), so the times are those of a running bot.
        foreach (var question in questions) await answerer.AnswerAsync(question.Question, cancellationToken);

        // Timed rounds: every question answered `rounds` times, so that p99 is a percentile of many
        // samples rather than the single slowest answer (which on a shared machine is a scheduler pause).
        var times = new List<double>();
        var answers = new Answer[questions.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                answers[i] = await answerer.AnswerAsync(questions[i].Question, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var results = new List<QuestionResult>();
        foreach (var (question, answer) in questions.Zip(answers))
        {
            var text = answer.Text;
            results.Add(new QuestionResult(
                question,
                answer,
                question.ExpectedFacts.Where(fact => !answer.Declined && !FactCheck.Contains(text, fact)).ToList(),
                MustNotCheck.Violations(text, question.MustNot, [helpline.Phone, helpline.Hours])));
        }

        var answerable = results.Where(r => r.Question.Answerable).ToList();
        var unanswerable = results.Where(r => !r.Question.Answerable).ToList();
        var factRate = Ratio(answerable.Count(r => !r.Answer.Declined && r.MissingFacts.Count == 0), answerable.Count);
        var totalFacts = answerable.Sum(r => r.Question.ExpectedFacts.Count);
        var foundFacts = answerable.Sum(r => r.Answer.Declined ? 0 : r.Question.ExpectedFacts.Count - r.MissingFacts.Count);
        var declineRate = Ratio(unanswerable.Count(r => r.Answer.Declined), unanswerable.Count);
        var violations = results.Sum(r => r.Violations.Count);
        times.Sort();
        var p50 = Percentile(times, 0.50);
        var p99 = Percentile(times, 0.99);

        Print(results, generator.IsConfigured, factRate, foundFacts, totalFacts, declineRate, violations, p50, p99, times.Count);

        if (jsonOut is not null)
        {
            var report = new EvaluationReport(
                results.Count, Math.Round(factRate, 4), Math.Round(declineRate, 4), violations, Math.Round(p50, 3), Math.Round(p99, 3),
                results.Select(r => new ResultRow(r.Question.Id, r.Answer.Text, r.Answer.Declined, r.Answer.Sources)).ToList());
            await File.WriteAllTextAsync(jsonOut, JsonSerializer.Serialize(report, WriteOptions), cancellationToken);
            Console.WriteLine($"JSON written to {jsonOut}");
        }
        return 0;
    }

    private static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<HelplineOptions>().BindConfiguration(HelplineOptions.Section).ValidateDataAnnotations();
        services.AddKnowledge();
        return services.BuildServiceProvider();
    }

    private static void Print(List<QuestionResult> results, bool generated, double factRate, int foundFacts, int totalFacts,
        double declineRate, int violations, double p50, double p99, int samples)
    {
        foreach (var r in results)
        {
            var problems = new List<string>();
            if (r.Question.Answerable && r.Answer.Declined) problems.Add($"declined ({r.Answer.DeclineReason})");
            if (r.MissingFacts.Count > 0) problems.Add("missing: " + string.Join(" | ", r.MissingFacts));
            if (!r.Question.Answerable && !r.Answer.Declined) problems.Add("answered an unanswerable question from " + string.Join(",", r.Answer.Sources));
            if (r.Violations.Count > 0) problems.Add("must_not: " + string.Join(",", r.Violations));
            if (problems.Count > 0) Console.WriteLine($"  {r.Question.Id} \"{r.Question.Question}\" -> {string.Join("; ", problems)}");
        }
        var unchecked_ = results.SelectMany(r => r.Question.MustNot).Distinct().Count(m => !MustNotCheck.IsCovered(m));
        var answerable = results.Count(r => r.Question.Answerable);
        Console.WriteLine();
        Console.WriteLine($"Knowledge evaluation: {results.Count} questions ({answerable} answerable, {results.Count - answerable} to decline), mode {(generated ? "Azure OpenAI" : "extractive (no AI configured)")}");
        Console.WriteLine($"  expected facts   {factRate:P1} of answerable questions with every fact ({foundFacts}/{totalFacts} facts = {Ratio(foundFacts, totalFacts):P1})");
        Console.WriteLine($"  declined         {declineRate:P1} of unanswerable questions");
        Console.WriteLine($"  must_not         {violations} violations ({unchecked_} must_not labels without a detector)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  answer time      p50 {p50:0.000} ms, p99 {p99:0.000} ms ({samples} answers after a warm-up round)"));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    // Nearest-rank percentile of sorted values.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record LabelledQuestion(string Id, string Question, bool Answerable, List<string> ExpectedFacts, string Source, List<string> MustNot);

    private sealed record QuestionResult(LabelledQuestion Question, Answer Answer, List<string> MissingFacts, List<string> Violations);

    private sealed record EvaluationReport(
        [property: JsonPropertyName("questions")] int Questions,
        [property: JsonPropertyName("expected_fact_rate")] double ExpectedFactRate,
        [property: JsonPropertyName("decline_rate")] double DeclineRate,
        [property: JsonPropertyName("must_not_violations")] int MustNotViolations,
        [property: JsonPropertyName("p50_ms")] double P50Ms,
        [property: JsonPropertyName("p99_ms")] double P99Ms,
        [property: JsonPropertyName("results")] List<ResultRow> Results);

    private sealed record ResultRow(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("answer")] string Answer,
        [property: JsonPropertyName("declined")] bool Declined,
        [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources);
}
