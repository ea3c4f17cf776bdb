namespace HelplineBot.Knowledge;

/// <summary>
/// Writes an answer from retrieved sections only (Azure OpenAI when configured). Returns null when it
/// cannot give a checked answer in time; the answerer then uses the extractive answer.
/// </summary>
public interface IAnswerGenerator
{
    bool IsConfigured { get; }

    Task<GeneratedAnswer?> GenerateAsync(string question, IReadOnlyList<KnowledgeSection> sections, CancellationToken cancellationToken);
}

/// <summary>A generated answer that passed the checks, with the ids of the sections it cites.</summary>
public sealed record GeneratedAnswer(string Text, IReadOnlyList<string> CitedSectionIds);

/// <summary>The generator used when no AI service is configured.</summary>
internal sealed class NoAnswerGenerator : IAnswerGenerator
{
    public bool IsConfigured => false;

    public Task<GeneratedAnswer?> GenerateAsync(string question, IReadOnlyList<KnowledgeSection> sections, CancellationToken cancellationToken) =>
        Task.FromResult<GeneratedAnswer?>(null);
}
