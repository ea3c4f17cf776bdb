using System.Text.Json;

namespace HelplineBot.Tests.Dialogs;

/// <summary>
/// Finds shared/eval-dev/conversations.jsonl beside the repository (the repo's parent folder, or further
/// up for a worktree), or at HELPLINEBOT_EVAL_DEV; null when it is not there.
/// </summary>
public static class EvalConversations
{
    public static string? FindFile()
    {
        if (Environment.GetEnvironmentVariable("HELPLINEBOT_EVAL_DEV") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "conversations.jsonl")) ? Path.Combine(configured, "conversations.jsonl") : null;
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "HelplineBot.sln"))) repo = repo.Parent;
        for (var folder = repo?.Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "eval-dev", "conversations.jsonl");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static IEnumerable<(string Id, string[] Turns, string Expect)> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var row = JsonDocument.Parse(line);
            yield return (
                row.RootElement.GetProperty("id").GetString()!,
                row.RootElement.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToArray(),
                row.RootElement.GetProperty("expect").GetString()!);
        }
    }
}

/// <summary>A theory over the eval conversations, skipped (with the reason) when the shared file is absent.</summary>
public sealed class EvalConversationsTheoryAttribute : TheoryAttribute
{
    public EvalConversationsTheoryAttribute()
    {
        if (EvalConversations.FindFile() is null)
            Skip = "shared/eval-dev/conversations.jsonl is not beside the repository (set HELPLINEBOT_EVAL_DEV to its folder)";
    }
}

/// <summary>A fact about the eval conversations, skipped (with the reason) when the shared file is absent.</summary>
public sealed class EvalConversationsFactAttribute : FactAttribute
{
    public EvalConversationsFactAttribute()
    {
        if (EvalConversations.FindFile() is null)
            Skip = "shared/eval-dev/conversations.jsonl is not beside the repository (set HELPLINEBOT_EVAL_DEV to its folder)";
    }
}
