namespace HelplineBot.Hosting;

/// <summary>
/// App Service passes a Key Vault reference it could not resolve (no access, wrong name) to the app as its
/// literal text. Secrets check for it at start, so the bot refuses to run rather than use that public string.
/// </summary>
public static class KeyVaultReference
{
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
