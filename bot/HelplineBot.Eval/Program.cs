using HelplineBot.Eval;

// dotnet run --project bot/HelplineBot.Eval -- <command> FILE [--json OUT]
// Exit codes: 0 done, 2 usage or input error.
return args.FirstOrDefault() switch
{
    "safety" => await SafetyEvaluation.RunAsync(args[1..], Console.Out, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HelplineBot.Eval safety FILE [--json OUT]");
    return 2;
}
