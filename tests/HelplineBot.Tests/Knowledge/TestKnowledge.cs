using HelplineBot.Hosting;
using HelplineBot.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Knowledge;

/// <summary>The real knowledge files (copied next to the tests by the bot project) behind a real answerer.</summary>
internal static class TestKnowledge
{
    public const string Phone = "555-0142";
    public const string Hours = "9am to 5pm on weekdays";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static KnowledgeOptions Options(string? folder = null) => new() { Folder = folder ?? Folder };

    public static HelplineOptions Helpline() => new() { Phone = Phone, Hours = Hours, Name = "Test Helpline" };

    public static KnowledgeBase CreateKnowledgeBase(KnowledgeOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()), Microsoft.Extensions.Options.Options.Create(Helpline()), NullLogger<KnowledgeBase>.Instance);

    public static KnowledgeAnswerer CreateAnswerer(KnowledgeOptions? options = null, IAnswerGenerator? generator = null)
    {
        options ??= Options();
        var knowledge = CreateKnowledgeBase(options);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var replies = new AnswerReplies(knowledge, Microsoft.Extensions.Options.Options.Create(Helpline()), wrapped);
        return new KnowledgeAnswerer(knowledge, replies, generator ?? new NoGenerator(), wrapped, NullLogger<KnowledgeAnswerer>.Instance);
    }

    public static Task<Answer> AskAsync(this IAnswerer answerer, string question) =>
        answerer.AnswerAsync(question, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    private sealed class NoGenerator : IAnswerGenerator
    {
        public bool IsConfigured => false;

        public Task<GeneratedAnswer?> GenerateAsync(string question, IReadOnlyList<KnowledgeSection> sections, CancellationToken cancellationToken) =>
            Task.FromResult<GeneratedAnswer?>(null);
    }
}
