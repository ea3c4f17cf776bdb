using System.Diagnostics;
using HelplineBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace HelplineBot.Knowledge;

/// <summary>
/// The answerer (issue 4 §2-5): scope policy first, then retrieval with a confidence threshold, then
/// the generated answer when AI is configured and passes its checks, else the best section's short answer.
/// </summary>
public sealed class KnowledgeAnswerer(
    KnowledgeBase knowledge,
    AnswerReplies replies,
    IAnswerGenerator generator,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeAnswerer> logger) : IAnswerer
{
    private const int Candidates = 5;

    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var snapshot = knowledge.Snapshot;

        // A follow-up button sends a section's title back: answer that section directly.
        if (snapshot.FindByTitle(question) is { } titled)
        {
            return Log(replies.Answered(titled.ShortAnswer, [titled], [], AnswerMode.Extractive), started);
        }
        if (ScopePolicy.Check(question) is { } outOfScope) return Log(replies.Declined(outOfScope), started);

        var hits = snapshot.Search(question, Candidates);
        if (ScopePolicy.AsksForDuration(question))
        {
            // Only a section written to answer "how long" may answer it; the knowledge gives few durations.
            var timed = hits.FirstOrDefault(h => h.Section.Answers.Contains("duration") && IsConfident(h));
            if (timed is null) return Log(replies.Declined(DeclineReason.Duration), started);
            hits.Remove(timed);
            hits.Insert(0, timed);
        }
        if (hits.Count == 0 || !IsConfident(hits[0])) return Log(replies.Declined(DeclineReason.NotInKnowledge), started);
        var best = hits[0].Section;
        var related = hits.Where(h => h.Section != best && h.Coverage >= options.Value.MinCoverage).Select(h => h.Section).ToList();

        if (generator.IsConfigured)
        {
            var grounding = hits.Where(h => h.Score >= hits[0].Score * 0.5).Take(3).Select(h => h.Section).ToList();
            var generated = await generator.GenerateAsync(question, grounding, cancellationToken);
            if (generated is not null)
            {
                var cited = generated.CitedSectionIds.Select(knowledge.FindSection).OfType<KnowledgeSection>().ToList();
                return Log(replies.Answered(generated.Text, cited.Count > 0 ? cited : [best], related, AnswerMode.Generated), started);
            }
        }
        return Log(replies.Answered(best.ShortAnswer, [best], related, AnswerMode.Extractive), started);
    }

    private bool IsConfident(SearchHit hit) => hit.Score >= options.Value.MinScore && hit.Coverage >= options.Value.MinCoverage;

    private Answer Log(Answer answer, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (answer.Declined) KnowledgeLog.Declined(logger, answer.DeclineReason?.ToString() ?? "unknown");
        else KnowledgeLog.Answered(logger, answer.Sources[0], answer.Mode.ToString(), elapsed);
        return answer;
    }
}
