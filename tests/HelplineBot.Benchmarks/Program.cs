using HelplineBot.Benchmarks;

// Usage: dotnet run -c Release --project tests/HelplineBot.Benchmarks -- [directline] [--conversations N] [--turns N]
// Prints one line of figures per scenario. See docs/benchmarks.md.
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
var conversations = Option("--conversations", 50);
var turns = Option("--turns", 20);
string[] script = ["hello", "what is ketamine", "menu", "thanks"];

const string secret = "benchmark-directline-secret-0123456789";
await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["DirectLine:Secret"] = secret });
Console.WriteLine($"bot: {bot.BaseAddress} ({Environment.ProcessorCount} cores)");

if (scenario is "all" or "directline")
{
    // Warm-up, not recorded: JIT, connection pools, SQLite pages.
    await DirectLineBenchmark.RunAsync(bot.BaseAddress, secret, Math.Min(conversations, 10), 5, script);
    Console.WriteLine(await DirectLineBenchmark.RunAsync(bot.BaseAddress, secret, conversations, turns, script));
}
