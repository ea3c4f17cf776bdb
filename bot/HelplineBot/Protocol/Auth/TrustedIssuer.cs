namespace HelplineBot.Protocol.Auth;

/// <summary>
/// One row of the issuer table: a token whose <c>iss</c> is <see cref="Issuer"/> is checked against the
/// keys of <see cref="MetadataUrl"/> with this row's extra rules (protocol.md §3.1).
/// </summary>
/// <param name="RequiresEndorsement">The signing key must endorse the activity's channelId (Azure Bot Service keys do).</param>
/// <param name="RequiresServiceUrlClaim">The token must carry a <c>serviceurl</c> claim; when present it must always match.</param>
/// <param name="CallerId">What the bot records as the verified caller (Activity spec Appendix V).</param>
public sealed record TrustedIssuer(string Issuer, string MetadataUrl, bool RequiresEndorsement, bool RequiresServiceUrlClaim, string CallerId);
