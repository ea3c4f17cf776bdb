using System.Text.Json;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Direct Line answers in its own JSON shapes (the client parses them): errors as
/// {"error":{"code","message"}}; a bad or expired token is 403, never 401, because directlinejs treats
/// 403 as "expired, keep going" and most other errors as fatal (directline-client-notes.md §2).
/// </summary>
internal static class DirectLineResults
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(ErrorResponse.Of(code, message), ProtocolJsonContext.Default.ErrorResponse, statusCode: status);

    public static IResult Forbidden(DirectLineCaller caller) => caller.Kind == DirectLineCallerKind.Expired
        ? Error(StatusCodes.Status403Forbidden, "TokenExpired", "Token expired.")
        : Error(StatusCodes.Status403Forbidden, "Forbidden", "Token not valid for this conversation.");

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "NotFound", "Conversation not found.");

    public static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        Results.Json(value, typeInfo, statusCode: status);
}
