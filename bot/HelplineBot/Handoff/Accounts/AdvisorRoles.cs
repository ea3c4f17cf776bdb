namespace HelplineBot.Handoff.Accounts;

/// <summary>The console's two roles: advisors take chats; supervisors also see the figures and the audit log.</summary>
public static class AdvisorRoles
{
    public const string Advisor = "advisor";
    public const string Supervisor = "supervisor";

    public static bool IsValid(string role) => role is Advisor or Supervisor;
}
