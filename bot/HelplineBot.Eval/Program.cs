using HelplineBot.Eval;

// dotnet run --project bot/HelplineBot.Eval -- <command> ...
//   safety FILE [--json OUT]                    screen every message of a messages.jsonl file
//   knowledge FILE [--json OUT] [--rounds N]    answer every question of a knowledge.jsonl file
//   explain QUESTION...                         show how a question is ranked (for content editors)
// Exit codes: 0 done, 2 usage or input error.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

return args.FirstOrDefault() switch
{
    "safety" => await SafetyEvaluation.RunAsync(args[1..], Console.Out, cancellation.Token),
    "knowledge" => await KnowledgeEvaluation.RunAsync(args[1..], cancellation.Token),
    "explain" => await KnowledgeExplain.RunAsync(args[1..], cancellation.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HelplineBot.Eval safety FILE [--json OUT] | knowledge FILE [--json OUT] [--rounds N] | explain QUESTION...");
    return 2;
}
