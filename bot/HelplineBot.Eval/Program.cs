namespace HelplineBot.Eval;

/// <summary>`dotnet run --project bot/HelplineBot.Eval -- knowledge FILE [--json OUT]`.</summary>
internal static class Program
{
    private const string Usage = "usage: HelplineBot.Eval knowledge FILE [--json OUT] [--rounds N] | explain QUESTION...";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        return args[0] switch
        {
            "knowledge" => await KnowledgeEvaluation.RunAsync(args[1..], cancellation.Token),
            "explain" => await KnowledgeExplain.RunAsync(args[1..], cancellation.Token),
            _ => await UnknownCommandAsync(args[0]),
        };
    }

    private static async Task<int> UnknownCommandAsync(string command)
    {
        await Console.Error.WriteLineAsync($"unknown command '{command}'. {Usage}");
        return 2;
    }
}
