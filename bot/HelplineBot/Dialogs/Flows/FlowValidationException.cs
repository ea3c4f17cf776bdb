namespace HelplineBot.Dialogs.Flows;

/// <summary>Thrown at start when flow files are broken; the message lists every problem with file and line.</summary>
public sealed class FlowValidationException(IReadOnlyList<FlowError> errors)
    : Exception("The scripted flows are broken and the bot will not start:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<FlowError> Errors { get; } = errors;
}
