using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelplineBot.Protocol.Auth;

/// <summary>
/// Checks the bearer token a channel sends with an activity, as the Bot Framework authentication spec
/// says (protocol.md §3.1): an allowed RSA algorithm, an issuer from the table, a signing key from that
/// issuer's JWKS (re-fetched on an unknown key id), our app id as audience, lifetime within the clock
/// skew, the key's endorsement of the activity's channel, and the serviceurl claim equal to the
/// activity's serviceUrl.
/// </summary>
public sealed class ChannelTokenValidator
{
    // Longer than any real channel token; anything bigger is not worth parsing.
    private const int MaxTokenLength = 16 * 1024;

    private static readonly HashSet<string> AllowedAlgorithms = new(StringComparer.Ordinal)
    {
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
    };

    private readonly OpenIdMetadataCache _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly string _appId;
    private readonly TimeSpan _clockSkew;
    private readonly Dictionary<string, TrustedIssuer> _issuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelTokenValidator(
        OpenIdMetadataCache keys,
        IOptions<BotAuthOptions> bot,
        IOptions<ChannelAuthOptions> channel,
        TimeProvider time,
        ILogger<ChannelTokenValidator> logger)
    {
        _keys = keys;
        _time = time;
        _logger = logger;
        _appId = bot.Value.MicrosoftAppId;
        _clockSkew = channel.Value.ClockSkew;
        _issuers = IssuerTable(channel.Value).ToDictionary(row => row.Issuer, StringComparer.Ordinal);
    }

    /// <summary>The accepted issuers: Azure Bot Service first, then any Entra issuers from configuration.</summary>
    public static IEnumerable<TrustedIssuer> IssuerTable(ChannelAuthOptions options)
    {
        yield return new TrustedIssuer(options.BotFrameworkIssuer, options.BotFrameworkMetadataUrl,
            RequiresEndorsement: true, RequiresServiceUrlClaim: true, CallerId: "urn:botframework:azure");
        foreach (var issuer in options.EntraIssuers.Where(issuer => !string.IsNullOrWhiteSpace(issuer)))
        {
            yield return new TrustedIssuer(issuer, options.EntraMetadataUrl,
                RequiresEndorsement: false, RequiresServiceUrlClaim: false, CallerId: "urn:botframework:aadappid:");
        }
    }

    public async Task<ValidationResult> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(authorization, activity, cancellationToken);
        if (!result.IsValid) AuthLog.TokenRejected(_logger, result.Failure, activity.ChannelId, activity.Conversation?.Id, activity.Id);
        return result;
    }

    private async Task<ValidationResult> CheckAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization)) return ValidationResult.Fail(TokenFailure.MissingHeader);
        // The SDK compares the scheme exactly (protocol.md §3.1 step 1).
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return ValidationResult.Fail(TokenFailure.NotBearer);
        var raw = authorization["Bearer ".Length..].Trim();
        if (raw.Length is 0 or > MaxTokenLength) return ValidationResult.Fail(TokenFailure.Malformed);

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return ValidationResult.Fail(TokenFailure.Malformed);
        }

        // Before any key lookup: refuses "none", HMAC (a public key used as a shared secret) and the rest.
        if (!AllowedAlgorithms.Contains(token.Alg)) return ValidationResult.Fail(TokenFailure.AlgorithmNotAllowed);
        if (string.IsNullOrEmpty(token.Kid)) return ValidationResult.Fail(TokenFailure.UnknownKey);
        if (!_issuers.TryGetValue(token.Issuer ?? string.Empty, out var issuer)) return ValidationResult.Fail(TokenFailure.UnknownIssuer);

        var keys = await _keys.GetKeysAsync(issuer.MetadataUrl, token.Kid, cancellationToken);
        if (keys is null) return ValidationResult.Fail(TokenFailure.MetadataUnavailable);
        if (!keys.Keys.TryGetValue(token.Kid, out var key)) return ValidationResult.Fail(TokenFailure.UnknownKey);

        var validated = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = _appId,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            // Lifetime is checked below against TimeProvider, with our clock skew.
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!validated.IsValid) return ValidationResult.Fail(Classify(validated.Exception));

        var lifetime = CheckLifetime(token);
        if (lifetime != TokenFailure.None) return ValidationResult.Fail(lifetime);

        if (issuer.RequiresEndorsement
            && (!keys.Endorsements.TryGetValue(token.Kid, out var endorsed) || activity.ChannelId is null || !endorsed.Contains(activity.ChannelId)))
        {
            return ValidationResult.Fail(TokenFailure.NotEndorsed);
        }

        var hasServiceUrl = token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) && !string.IsNullOrEmpty(serviceUrl);
        if (!hasServiceUrl && issuer.RequiresServiceUrlClaim) return ValidationResult.Fail(TokenFailure.ServiceUrlMissing);
        if (hasServiceUrl && !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Fail(TokenFailure.ServiceUrlMismatch);

        var callerId = issuer.RequiresEndorsement ? issuer.CallerId : issuer.CallerId + AppIdOf(token);
        return new ValidationResult(TokenFailure.None, callerId, VouchesForServiceUrl: hasServiceUrl);
    }

    private TokenFailure CheckLifetime(JsonWebToken token)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>("exp", out _)) return TokenFailure.NoExpiry;
        if (token.ValidTo.Add(_clockSkew) < now) return TokenFailure.Expired;
        if (token.TryGetPayloadValue<long>("nbf", out _) && token.ValidFrom.Subtract(_clockSkew) > now) return TokenFailure.NotYetValid;
        return TokenFailure.None;
    }

    // v1 Entra tokens name the calling app in "appid", v2 tokens in "azp" (protocol.md §3.1).
    private static string AppIdOf(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("azp", out var azp) ? azp
        : token.TryGetPayloadValue<string>("appid", out var appId) ? appId
        : string.Empty;

    private static TokenFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => TokenFailure.WrongAudience,
        SecurityTokenInvalidIssuerException => TokenFailure.WrongIssuer,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => TokenFailure.BadSignature,
        SecurityTokenInvalidAlgorithmException => TokenFailure.AlgorithmNotAllowed,
        _ => TokenFailure.Invalid,
    };
}
