using System.Security.Cryptography;
using HelplineBot.Benchmarks;

// Usage: dotnet run -c Release --project tests/HelplineBot.Benchmarks -- [all|messages|selfcheck|directline|handoff]
//          [--conversations N] [--rounds N] [--think MS] [--script "first message|second|..."] [--handoffs N]
// --think: pause between a conversation's turns (0 = back to back: saturation throughput).
// --handoffs: crisis handoffs taken one after another by one signed-in advisor, --rounds messages each way in each.
// Starts the built bot as its own process on loopback (fresh data folder) and prints one line of figures
// per scenario. See docs/benchmarks.md for the figures and how they were taken.
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
var conversations = Option("--conversations", 50);
var rounds = Option("--rounds", 5);
var think = TimeSpan.FromMilliseconds(Option("--think", 0));
var handoffs = Option("--handoffs", 100);

// A visitor asking, answered by the knowledge, and moving around the menu.
string[] browsing = args.Contains("--script") ? args[Array.IndexOf(args, "--script") + 1].Split('|') : ["what is ketamine", "what's CBT", "menu", "thanks"];
// The self-check questionnaire end to end: a prompt answered every turn, state read and written each time.
string[] selfCheck = ["self-check", "daily", "yes", "no", "yes", "yes", "no", "menu"];

const string secret = "benchmark-directline-secret-0123456789";
await using var connector = await MockConnector.StartAsync();
// The advisor's account is made as an operator makes it: the bot's own command, password on standard input.
const string advisorUserName = "bench.advisor";
var advisorPassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
BotCommand[] setup = scenario is "all" or "handoff"
    ? [new(["advisors", "add", "--name", "Bench Advisor", "--username", advisorUserName, "--role", "advisor"], advisorPassword)]
    : [];
await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["DirectLine:Secret"] = secret }, setup);
Console.WriteLine($"bot: {bot.BaseAddress} ({Environment.ProcessorCount} cores), connector: {connector.ServiceUrl}");

// Warm-up, not recorded: JIT, connection pools, SQLite pages.
// Every scenario's path is warmed, so first-use JIT and loading are not counted as turn latency.
await MessagesBenchmark.RunAsync("warmup", bot.BaseAddress, connector, 10, 2, selfCheck);
await MessagesBenchmark.RunAsync("warmup", bot.BaseAddress, connector, 10, 2, browsing);
await DirectLineBenchmark.RunAsync(bot.BaseAddress, secret, 10, 4, browsing);

if (scenario is "all" or "messages")
    Console.WriteLine(await MessagesBenchmark.RunAsync("messages", bot.BaseAddress, connector, conversations, rounds, browsing, think));
if (scenario is "all" or "selfcheck")
{
    Console.WriteLine(await MessagesBenchmark.RunAsync("selfcheck", bot.BaseAddress, connector, conversations, rounds, selfCheck, think));
    Console.WriteLine(StateSize.Describe(bot.DataFolder));
}
if (scenario is "all" or "directline")
    Console.WriteLine(await DirectLineBenchmark.RunAsync(bot.BaseAddress, secret, conversations, rounds * browsing.Length, browsing));
if (scenario is "all" or "handoff")
{
    await using var advisor = await AdvisorConsoleClient.SignInAsync(bot.BaseAddress, advisorUserName, advisorPassword);
    await HandoffBenchmark.RunAsync(bot.BaseAddress, secret, advisor, 5, 2); // warm-up, not recorded
    foreach (var line in await HandoffBenchmark.RunAsync(bot.BaseAddress, secret, advisor, handoffs, rounds)) Console.WriteLine(line);
}
