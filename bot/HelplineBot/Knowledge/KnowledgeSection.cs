namespace HelplineBot.Knowledge;

/// <summary>
/// One answerable section of a knowledge file: a `##` heading with its own id, a short answer (the
/// first paragraph) and the rest of its text. Texts may hold placeholders such as {helpline.phone}.
/// </summary>
public sealed record KnowledgeSection
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string TopicId { get; init; }
    public required string TopicTitle { get; init; }
    public required string ShortAnswer { get; init; }
    public required string Body { get; init; }

    /// <summary>The seed page and section the facts come from (for reviewers, never shown).</summary>
    public required string Source { get; init; }

    /// <summary>Ids of sections worth offering next, in order.</summary>
    public IReadOnlyList<string> Next { get; init; } = [];

    /// <summary>Kinds of question the section answers beyond "what/why", e.g. "duration" for "how long".</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>What a visitor sees under an answer: "Treatment options > Inpatient rehab".</summary>
    public string SourceLabel => $"{TopicTitle} > {Title}";
}
