namespace HelplineBot.Handoff;

/// <summary>Receives every handoff event in this instance. Must not throw for the caller's sake; failures are logged.</summary>
public interface IHandoffListener
{
    Task OnHandoffEventAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken);
}
