using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HelplineBot.Protocol.Auth;

/// <summary>
/// Signing keys and their endorsements per OpenID metadata URL, fetched on first use, re-fetched after
/// <see cref="ChannelAuthOptions.KeyRefreshInterval"/>, and re-fetched when a token names a key id we do
/// not know (keys rotate without notice, protocol.md §3.1), at most once per
/// <see cref="ChannelAuthOptions.UnknownKeyRefreshInterval"/>. A failed fetch keeps the last good keys.
/// </summary>
/// <remarks>
/// Not IdentityModel's ConfigurationManager: since 8.x it refreshes in the background after
/// RequestRefresh, so the token that revealed a rotation would still be refused, and it reads the wall
/// clock instead of <see cref="TimeProvider"/>. The endorsements are not part of its model either.
/// </remarks>
public sealed class OpenIdMetadataCache(
    IHttpClientFactory httpClients,
    IOptions<ChannelAuthOptions> options,
    TimeProvider time,
    ILogger<OpenIdMetadataCache> logger)
{
    public const string HttpClientName = "OpenIdMetadata";

    // Without any keys yet, a failing issuer is retried this often rather than on every request.
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The key set that should hold <paramref name="keyId"/>, fetched or refreshed as needed; null when none could be fetched.</summary>
    public async Task<SigningKeySet?> GetKeysAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        var settings = options.Value;
        var current = entry.Current;
        var now = time.GetUtcNow();

        var stale = current is null
            ? now - entry.LastAttempt >= FailureBackoff
            : now - current.FetchedAt >= settings.KeyRefreshInterval;
        var unknownKey = current is not null && !current.Keys.ContainsKey(keyId)
            && now - entry.LastAttempt >= settings.UnknownKeyRefreshInterval;
        if (!stale && !unknownKey) return current;

        var seen = entry.Attempts;
        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            // Another request refreshed while we waited: use its result instead of fetching again.
            if (entry.Attempts != seen) return entry.Current;
            entry.Attempts++;
            entry.LastAttempt = time.GetUtcNow();
            try
            {
                entry.Current = await FetchAsync(metadataUrl, cancellationToken);
                AuthLog.KeysFetched(logger, metadataUrl, entry.Current.Keys.Count, unknownKey);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException
                                           or InvalidOperationException or TaskCanceledException)
            {
                if (cancellationToken.IsCancellationRequested) throw;
                AuthLog.KeysFetchFailed(logger, ex, metadataUrl, entry.Current is not null);
            }
            return entry.Current;
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    private async Task<SigningKeySet> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var metadataJson = await http.GetStringAsync(RequireSafeUrl(metadataUrl), cancellationToken);
        var metadata = OpenIdConnectConfiguration.Create(metadataJson);
        if (string.IsNullOrEmpty(metadata.JwksUri)) throw new InvalidOperationException("OpenID metadata has no jwks_uri.");

        var jwksJson = await http.GetStringAsync(RequireSafeUrl(metadata.JwksUri), cancellationToken);
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(jwksJson).Keys)
        {
            if (key.Kty == JsonWebAlgorithmsKeyTypes.RSA && !string.IsNullOrEmpty(key.Kid)) keys[key.Kid] = key;
        }
        return new SigningKeySet(keys, ReadEndorsements(jwksJson), time.GetUtcNow());
    }

    // The Bot Framework adds "endorsements": [channelIds] to each key; JsonWebKey does not model it.
    private static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string jwksJson)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array) return endorsements;
        foreach (var key in keys.EnumerateArray())
        {
            if (!key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String) continue;
            if (!key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            endorsements[kid.GetString()!] = list.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.String)
                .Select(item => item.GetString()!)
                .ToHashSet(StringComparer.Ordinal);
        }
        return endorsements;
    }

    // Keys decide who may talk to the bot: fetch them over HTTPS only (plain HTTP only on loopback, for tests).
    private static Uri RequireSafeUrl(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            throw new InvalidOperationException("Signing keys must be fetched over HTTPS.");
        return uri;
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public volatile SigningKeySet? Current;
        private long _lastAttemptTicks = DateTimeOffset.MinValue.UtcTicks;
        public volatile int Attempts;

        // Read without the lock by the fast path; a long is not torn the way a DateTimeOffset can be.
        public DateTimeOffset LastAttempt
        {
            get => new(Interlocked.Read(ref _lastAttemptTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _lastAttemptTicks, value.UtcTicks);
        }
    }
}
