namespace HelplineBot.Handoff.Accounts;

/// <summary>A local advisor account (the embedded default; production signs in with Entra ID).</summary>
public sealed record AdvisorAccount(
    string Id, string UserName, string DisplayName, string Role, string PasswordHash, int FailedCount, DateTimeOffset? LockedUntil);
