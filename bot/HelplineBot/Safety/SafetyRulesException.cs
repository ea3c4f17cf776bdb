namespace HelplineBot.Safety;

/// <summary>A safety rule file is missing or wrong; the message names the file and what is wrong, for the person editing it.</summary>
public sealed class SafetyRulesException(string file, string problem, Exception? inner = null)
    : Exception($"{file}: {problem}", inner)
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
