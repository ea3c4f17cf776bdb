namespace HelplineBot.Turns;

/// <summary>
/// A step that sees every activity before the conversation's gate and before any storage: the safety
/// screen. It may answer at once (the crisis reply) and leaves its verdict on the turn for the handler.
/// It must not depend on storage or on any remote service.
/// </summary>
public interface ITurnScreen
{
    Task ScreenAsync(TurnContext turn, CancellationToken cancellationToken);
}
