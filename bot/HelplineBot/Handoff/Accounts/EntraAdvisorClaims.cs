using System.Security.Claims;

namespace HelplineBot.Handoff.Accounts;

/// <summary>
/// Turns the claims of a Microsoft Entra ID token into the console's advisor principal: the same three claims
/// a local account gives (id, name, role), so the rest of the console does not care how the advisor signed in.
/// The role comes from the app roles assigned in Entra ("advisor" or "supervisor"); no role, no console.
/// </summary>
public static class EntraAdvisorClaims
{
    /// <summary>Id prefix that keeps Entra object ids apart from local account ids in the handoff records.</summary>
    public const string IdPrefix = "entra:";

    /// <summary>The advisor principal, or null with the reason (for the log; never shown with personal data).</summary>
    public static (ClaimsPrincipal? Advisor, string? Refusal) ToAdvisor(ClaimsPrincipal entraUser)
    {
        var objectId = Value(entraUser, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier");
        if (objectId is null) return (null, "the token has no object id (oid)");

        var roles = entraUser.Claims.Where(c => c.Type is "roles" or ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var role = roles.Contains(AdvisorRoles.Supervisor) ? AdvisorRoles.Supervisor
            : roles.Contains(AdvisorRoles.Advisor) ? AdvisorRoles.Advisor
            : null;
        if (role is null) return (null, "the account has neither the advisor nor the supervisor app role");

        var name = Value(entraUser, "name", ClaimTypes.Name) ?? Value(entraUser, "preferred_username", ClaimTypes.Upn) ?? "Advisor";
        return (AdvisorAuthentication.Principal(IdPrefix + objectId, name, role), null);
    }

    private static string? Value(ClaimsPrincipal user, params string[] types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
