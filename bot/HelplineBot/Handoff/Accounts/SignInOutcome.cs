namespace HelplineBot.Handoff.Accounts;

/// <summary>The result of a sign-in attempt; the page shows the same words for unknown user and wrong password.</summary>
public sealed record SignInOutcome(SignInStatus Status, AdvisorAccount? Account)
{
    public static readonly SignInOutcome Failed = new(SignInStatus.Failed, null);
    public static readonly SignInOutcome LockedOut = new(SignInStatus.LockedOut, null);
}

public enum SignInStatus
{
    SignedIn,
    Failed,
    LockedOut,
}
