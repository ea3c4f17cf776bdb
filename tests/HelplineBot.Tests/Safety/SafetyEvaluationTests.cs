using System.Text.Json;
using HelplineBot.Eval;
using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

public sealed class SafetyEvaluationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("helplinebot-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_LabelledFile_PrintsFiguresAndWritesTheJsonShapeOfIssue5()
    {
        var input = Write("messages.jsonl",
            """{"id": "t-1", "text": "i want to die", "label": "crisis_suicide", "notes": "x"}""",
            """{"id": "t-2", "text": "how long is rehab", "label": "question"}""",
            "",
            """{"id": "t-3", "text": "can I talk to a real person", "label": "human_request"}""",
            """{"id": "t-4", "text": "hello", "label": "smalltalk"}""");
        var json = Path.Combine(_folder, "out.json");
        var output = new StringWriter();

        var exit = await SafetyEvaluation.RunAsync([input, "--json", json], output, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exit);
        var report = output.ToString();
        Assert.Contains("crisis recall", report);
        Assert.Contains("confusion matrix", report);
        Assert.Contains("misclassified: 0", report);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.Equal(["messages", "crisis_recall", "human_request_recall", "false_positive_rate", "p99_ms", "results"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("messages").GetInt32());
        Assert.Equal(1.0, root.GetProperty("crisis_recall").GetDouble());
        Assert.Equal(0.0, root.GetProperty("false_positive_rate").GetDouble());
        var first = root.GetProperty("results")[0];
        Assert.Equal("t-1", first.GetProperty("id").GetString());
        Assert.Equal(SafetyLabels.CrisisSuicide, first.GetProperty("predicted").GetString());
        Assert.InRange(first.GetProperty("confidence").GetDouble(), 0.5, 1.0);
    }

    [Fact]
    public async Task RunAsync_UnknownLabel_FailsWithTheLineNumber()
    {
        var input = Write("bad.jsonl", """{"id": "t-1", "text": "hi", "label": "smalltalk"}""", """{"id": "t-2", "text": "x", "label": "crisis"}""");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await SafetyEvaluation.RunAsync([input], new StringWriter(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(2, exit);
            Assert.Contains("line 2: unknown label \"crisis\"", error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public void BuildServices_LikeTheBot_ResolvesTheScreenFromTheShippedRules()
    {
        using var services = SafetyEvaluation.BuildServices();

        var screen = (SafetyScreen)services.GetService(typeof(SafetyScreen))!;

        Assert.Equal(SafetyCategory.CrisisOverdoseMedical, screen.Screen("he's not breathing").Category);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
