namespace HelplineBot.Protocol.Auth;

/// <summary>
/// The outcome of checking a channel token (style.md #5: expected outcomes are values). The failure
/// reason is for logs and tests only; the caller answers every failure with the same bare 401.
/// </summary>
public sealed record ValidationResult(TokenFailure Failure, string? CallerId = null, bool VouchesForServiceUrl = false)
{
    public bool IsValid => Failure == TokenFailure.None;

    public static ValidationResult Fail(TokenFailure failure) => new(failure);
}

public enum TokenFailure
{
    None,
    MissingHeader,
    NotBearer,
    Malformed,
    AlgorithmNotAllowed,
    UnknownIssuer,
    MetadataUnavailable,
    UnknownKey,
    BadSignature,
    WrongAudience,
    WrongIssuer,
    Expired,
    NotYetValid,
    NoExpiry,
    Invalid,
    NotEndorsed,
    ServiceUrlMissing,
    ServiceUrlMismatch,
}
