namespace HelplineBot.Handoff;

/// <summary>The signed-in advisor acting in the console.</summary>
public sealed record AdvisorIdentity(string Id, string DisplayName, bool IsSupervisor)
{
    /// <summary>What the person sees: the first name only.</summary>
    public string FirstName => DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DisplayName;
}
