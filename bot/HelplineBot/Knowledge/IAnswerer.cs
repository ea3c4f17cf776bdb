namespace HelplineBot.Knowledge;

/// <summary>
/// Answers a visitor's free-text question from the knowledge files only: a cited answer, or an honest
/// decline with the offer of an advisor. The one path both the turn and the evaluation command take.
/// </summary>
public interface IAnswerer
{
    Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken);
}
