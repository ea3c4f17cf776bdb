namespace HelplineBot.Safety;

/// <summary>The second opinion when Azure OpenAI is not configured or "Safety:SecondOpinion" is false: the rules decide alone.</summary>
public sealed class NoSecondOpinion : ISafetySecondOpinion
{
    public bool IsEnabled => false;

    public Task<SafetyVerdict> ReviewAsync(string text, SafetyVerdict rules, CancellationToken cancellationToken) => Task.FromResult(rules);
}
