namespace HelplineBot.Protocol.Auth;

/// <summary>
/// The outcome of checking a channel token (style.md #5: expected outcomes are values). The failure
/// reason is for logs and tests only; the caller answers every failure with the same bare 401.
/// </summary>
public sealed record ValidationResult(ValidationFailure Failure, string? CallerId = null, bool VouchesForServiceUrl = false)
{
    public bool IsValid => Failure == ValidationFailure.None;

    public static ValidationResult Fail(ValidationFailure failure) => new(failure);
}

public enum ValidationFailure
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
