namespace HelplineBot.Dialogs.Seams;

/// <summary>The stand-in until the knowledge answerer lands: answers nothing, so free text leads to the menu.</summary>
public sealed class MenuOnlyAnswerer : IFreeTextAnswerer
{
    public Task<FreeTextAnswer> AnswerAsync(FreeTextQuestion question, CancellationToken cancellationToken) =>
        Task.FromResult(FreeTextAnswer.NotAnswered);
}
