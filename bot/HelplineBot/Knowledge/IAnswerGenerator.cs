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
