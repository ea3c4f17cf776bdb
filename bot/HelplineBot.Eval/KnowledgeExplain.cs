using HelplineBot.Hosting;
using HelplineBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Eval;

/// <summary>
/// `explain QUESTION…`: for content editors, how the answerer reads each question: the scope verdict,
/// the terms searched for, the ranked sections with score and coverage, and the answer.
/// </summary>
internal static class KnowledgeExplain
{
    public static async Task<int> RunAsync(string[] questions, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<HelplineOptions>().BindConfiguration(HelplineOptions.Section);
        services.AddKnowledge();
        await using var provider = services.BuildServiceProvider();
        var knowledge = provider.GetRequiredService<KnowledgeBase>();
        var answerer = provider.GetRequiredService<IAnswerer>();
        foreach (var question in questions)
        {
            Console.WriteLine($"? {question}");
            Console.WriteLine($"  scope: {ScopePolicy.Check(question)?.ToString() ?? "in scope"}; terms: {string.Join(' ', knowledge.Snapshot.QueryTerms(question))}");
            foreach (var hit in knowledge.Search(question, 4))
            {
                Console.WriteLine($"  {hit.Score,6:0.00} {hit.Coverage,5:P0} {hit.Section.Id}");
            }
            var answer = await answerer.AnswerAsync(question, cancellationToken);
            Console.WriteLine($"  -> {(answer.Declined ? "DECLINED " + answer.DeclineReason : string.Join(",", answer.Sources))}: {answer.Text.Replace("\n", " ", StringComparison.Ordinal)}");
            Console.WriteLine();
        }
        return 0;
    }
}
