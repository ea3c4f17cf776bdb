using System.ComponentModel.DataAnnotations;
using HelplineBot.Hosting;

namespace HelplineBot.Handoff.Accounts;

/// <summary>
/// The "AzureAd" section as the advisors' Entra sign-in needs it (Handoff:SignIn = "Entra"). Microsoft.Identity.Web
/// reads the same section; this copy exists to refuse a half-configured sign-in at start with a clear reason.
/// </summary>
public sealed class EntraSettings : IValidatableObject
{
    public const string Section = "AzureAd";

    public const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>The sign-in authority's host. Default "https://login.microsoftonline.com/".</summary>
    [Required] public string Instance { get; set; } = DefaultInstance;

    /// <summary>The helpline's own tenant (id or domain). Multi-tenant values are refused: only the helpline's staff sign in.</summary>
    [Required] public string TenantId { get; set; } = "";

    /// <summary>The console's app registration (application id).</summary>
    [Required] public string ClientId { get; set; } = "";

    /// <summary>The app registration's client secret, used to redeem the sign-in code. From Key Vault or the environment.</summary>
    [Required] public string ClientSecret { get; set; } = "";

    private static readonly string[] SharedTenants = ["common", "organizations", "consumers"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || instance.Scheme is not ("https" or "http"))
            yield return new ValidationResult("AzureAd:Instance must be an absolute URL such as https://login.microsoftonline.com/.", [nameof(Instance)]);
        if (SharedTenants.Contains(TenantId.Trim(), StringComparer.OrdinalIgnoreCase))
            yield return new ValidationResult(
                $"AzureAd:TenantId \"{TenantId}\" would let accounts of other organisations sign in: give the helpline's own tenant id.", [nameof(TenantId)]);
        if (KeyVaultReference.IsUnresolved(ClientSecret))
            yield return new ValidationResult("AzureAd:ClientSecret is an unresolved Key Vault reference: check the app's access to the vault.", [nameof(ClientSecret)]);
    }
}
