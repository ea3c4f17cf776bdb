using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Conversation tokens: a JWT bound to one conversation (claim "conv") and one user (claim "user", which
/// Web Chat reads as the user id), signed with a key derived from the secret, valid for a limited time.
/// </summary>
public sealed class DirectLineTokens(DirectLineSecret secret, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Issuer = "helplinebot-directline";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public int LifetimeSeconds => options.Value.TokenLifetimeSeconds;

    public string Issue(string conversationId, string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(LifetimeSeconds),
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secret.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Validates a bearer credential: the secret (any conversation) or a token (its conversation).</summary>
    public async Task<DirectLineCaller> ValidateAsync(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.Ordinal))
            return DirectLineCaller.Missing;
        var credential = authorizationHeader["Bearer ".Length..].Trim();
        return await ValidateCredentialAsync(credential);
    }

    public async Task<DirectLineCaller> ValidateCredentialAsync(string? credential)
    {
        if (string.IsNullOrEmpty(credential)) return DirectLineCaller.Missing;
        if (secret.Matches(credential)) return DirectLineCaller.WithSecret;

        var result = await _handler.ValidateTokenAsync(credential, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = new SymmetricSecurityKey(secret.SigningKey),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // Lifetime is checked below against the injected clock, so tests expire tokens without waiting.
            ValidateLifetime = false,
        });
        if (!result.IsValid) return DirectLineCaller.Invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now > result.SecurityToken.ValidTo + ClockSkew) return DirectLineCaller.Expired;
        if (now + ClockSkew < result.SecurityToken.ValidFrom) return DirectLineCaller.Invalid;

        var conversation = result.Claims.TryGetValue("conv", out var conv) ? conv as string : null;
        var user = result.Claims.TryGetValue("user", out var u) ? u as string : null;
        return conversation is null ? DirectLineCaller.Invalid : DirectLineCaller.WithToken(conversation, user);
    }

    public static string NewConversationId() => RandomId(22);

    public static string NewUserId() => "dl_" + RandomId(16);

    private static string RandomId(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}

/// <summary>Who is calling Direct Line: the secret holder, a token holder bound to one conversation, or nobody valid.</summary>
public sealed record DirectLineCaller(DirectLineCallerKind Kind, string? ConversationId = null, string? UserId = null)
{
    public static readonly DirectLineCaller Missing = new(DirectLineCallerKind.Missing);
    public static readonly DirectLineCaller Invalid = new(DirectLineCallerKind.Invalid);
    public static readonly DirectLineCaller Expired = new(DirectLineCallerKind.Expired);
    public static readonly DirectLineCaller WithSecret = new(DirectLineCallerKind.Secret);
    public static DirectLineCaller WithToken(string conversationId, string? userId) => new(DirectLineCallerKind.Token, conversationId, userId);

    public bool IsAuthenticated => Kind is DirectLineCallerKind.Secret or DirectLineCallerKind.Token;

    public bool MayUse(string conversationId) =>
        Kind == DirectLineCallerKind.Secret || (Kind == DirectLineCallerKind.Token && ConversationId == conversationId);
}

public enum DirectLineCallerKind { Missing, Invalid, Expired, Secret, Token }
