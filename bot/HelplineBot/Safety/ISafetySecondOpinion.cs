namespace HelplineBot.Safety;

/// <summary>
/// A second reading of a message the rules did not flag as a crisis (issue 5 §2). It may raise the verdict to a
/// crisis, never lower one: any failure, timeout or doubtful answer returns the rules' verdict unchanged.
/// </summary>
public interface ISafetySecondOpinion
{
    /// <summary>False when no model is configured or the switch is off: the screen then never calls it.</summary>
    bool IsEnabled { get; }

    /// <summary>The rules' verdict, or a crisis verdict the model raised it to. Never throws but for cancellation.</summary>
    Task<SafetyVerdict> ReviewAsync(string text, SafetyVerdict rules, CancellationToken cancellationToken);
}
