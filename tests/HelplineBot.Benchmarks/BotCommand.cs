namespace HelplineBot.Benchmarks;

/// <summary>One run of the bot's command line (arguments after the dll), with what it reads on standard input.</summary>
internal sealed record BotCommand(IReadOnlyList<string> Arguments, string StandardInput);
