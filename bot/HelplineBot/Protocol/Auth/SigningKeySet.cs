using Microsoft.IdentityModel.Tokens;

namespace HelplineBot.Protocol.Auth;

/// <summary>
/// One fetch of an issuer's signing keys with each key's channel endorsements (protocol.md §3.1 step 3).
/// A key absent from <see cref="Endorsements"/> carried no endorsements array.
/// </summary>
public sealed record SigningKeySet(
    IReadOnlyDictionary<string, SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements,
    DateTimeOffset FetchedAt)
{
    public static readonly SigningKeySet Empty = new(
        new Dictionary<string, SecurityKey>(), new Dictionary<string, IReadOnlySet<string>>(), DateTimeOffset.MinValue);
}
