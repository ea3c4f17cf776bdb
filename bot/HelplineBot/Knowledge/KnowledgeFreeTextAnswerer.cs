using HelplineBot.Dialogs.Seams;

namespace HelplineBot.Knowledge;

/// <summary>
/// The knowledge answerer as the dialogs' free-text seam: an answer keeps its source line and follow-up
/// buttons; a decline is an answer too, since it already says so kindly and offers an advisor.
/// </summary>
public sealed class KnowledgeFreeTextAnswerer(IAnswerer answerer) : IFreeTextAnswerer
{
    public async Task<FreeTextAnswer> AnswerAsync(FreeTextQuestion question, CancellationToken cancellationToken)
    {
        var answer = await answerer.AnswerAsync(question.Text, cancellationToken);
        return answer.Replies.Count == 0
            ? FreeTextAnswer.NotAnswered
            : new FreeTextAnswer(true, answer.Text, answer.Replies);
    }
}
