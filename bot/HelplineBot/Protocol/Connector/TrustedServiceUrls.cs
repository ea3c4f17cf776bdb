using System.Collections.Concurrent;

namespace HelplineBot.Protocol.Connector;

/// <summary>
/// Service URLs the bot may send its Entra token to: only those that arrived inside a validated channel
/// token (protocol.md §3.3), so a forged activity cannot make the bot post its token to an attacker.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => _trusted.TryAdd(Normalize(serviceUrl), 0);

    public bool IsTrusted(string? serviceUrl) => serviceUrl is not null && _trusted.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
}
