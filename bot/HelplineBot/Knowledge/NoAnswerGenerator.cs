namespace HelplineBot.Knowledge;

/// <summary>The generator used when no AI service is configured.</summary>
internal sealed class NoAnswerGenerator : IAnswerGenerator
{
    public bool IsConfigured => false;

    public Task<GeneratedAnswer?> GenerateAsync(string question, IReadOnlyList<KnowledgeSection> sections, CancellationToken cancellationToken) =>
        Task.FromResult<GeneratedAnswer?>(null);
}
