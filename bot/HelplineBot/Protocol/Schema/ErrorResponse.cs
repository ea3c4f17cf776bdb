namespace HelplineBot.Protocol.Schema;

/// <summary>The Bot Framework and Direct Line error body: {"error":{"code","message"}}.</summary>
public sealed record ErrorResponse(ErrorDetail Error)
{
    public static ErrorResponse Of(string code, string message) => new(new ErrorDetail(code, message));
}

public sealed record ErrorDetail(string Code, string Message);
